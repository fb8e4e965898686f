/**
 * The browser host: the same main-side services as Electron, in plain Node, serving the built
 * renderer on http://127.0.0.1:<port> and the contract over a token-guarded WebSocket. For machines
 * without an Electron runtime and for e2e tests; production kiosks run Electron.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { ok } from '#shared/result';
import type { Logger } from '../core/log';
import { createServices, type KioskServices } from '../core/services';
import { pdfPrinter } from './pdf-printer';
import { createHandlers } from '../ipc/handlers';
import { createRouter } from '../ipc/router';
import { claimHostTemp } from './host-temp';
import { patientPortsFor } from './patient-ports';
import { createStaticHandler } from './static-server';
import {
  ehealthConfigFor,
  startTrainingBackend,
  storedEnvironment,
  type StartSandbox,
  type TrainingBackend,
} from './training';
import { attachBridge, type Bridge } from './ws-transport';

export const LOOPBACK = '127.0.0.1';

export interface BrowserHostOptions {
  /** 0 = any free port. */
  port: number;
  dataDir: string;
  /** dist/renderer */
  rendererDir: string;
  log: Logger;
  version: string;
  /** The embedded sandbox for training mode; null = none. */
  startSandbox?: StartSandbox | null;
  /** The host is the whole process (the program): its temporary folder is the process's (host-temp.ts). */
  processTemp?: boolean;
}

export interface BrowserHost {
  /**
   * What to open: the page URL with the one-time launch code in its fragment (the page exchanges it
   * for the session token on first load; printing or passing this URL never gives the token away).
   */
  url: string;
  origin: string;
  port: number;
  /** The session token (in-process callers only: never printed, never on a command line). */
  token: string;
  services: KioskServices;
  training: TrainingBackend | null;
  /** This run's temporary folder, `<dataDir>/tmp/<run>` (removed by `close`). */
  tempDir: string;
  close(): Promise<void>;
}

const listen = (server: Server, port: number): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: LOOPBACK, exclusive: true }, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });

export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const { log } = opts;
  if (!existsSync(join(opts.rendererDir, 'index.html')))
    throw new Error(
      `the renderer is not built (no ${join(opts.rendererDir, 'index.html')}); run npm run build:renderer`,
    );
  // everything temporary of this run lives under the data directory and goes with `close`
  const temp = claimHostTemp(opts.dataDir, { log, processWide: opts.processTemp ?? false });
  const token = randomBytes(32).toString('base64url');
  const launchCode = randomBytes(16).toString('base64url');
  let hostHeader = '';
  const server = createServer(
    createStaticHandler({ rootDir: opts.rendererDir, hostHeader: () => hostHeader, log }),
  );
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  const port = await listen(server, opts.port).catch((e: unknown) => {
    temp.remove();
    throw e;
  });
  hostHeader = `${LOOPBACK}:${port}`;
  const origin = `http://${hostHeader}`;

  let training: TrainingBackend | null = null;
  let services: KioskServices;
  try {
    // Training mode: the sandbox runs before the services, which are created pointing at it.
    if (storedEnvironment(opts.dataDir) === 'training') {
      const started = await startTrainingBackend(opts.startSandbox ?? null, {
        dataDir: opts.dataDir,
        tempDir: temp.dir,
        host: 'browser',
        log,
      });
      if (started.ok) training = started.value;
      else
        log.warn({ error: started.error.code }, 'training mode without a sandbox: eHealth calls will fail');
    }
    services = createServices({
      dataDir: opts.dataDir,
      log,
      version: opts.version,
      ...(training ? { ehealth: ehealthConfigFor(training) } : {}),
      patient: patientPortsFor({ training }),
      // no printer here: receipts become PDF files in <data dir>/receipts (deleted with the session),
      // rendered by a Chromium that lives in the temporary folder for one visit
      printer: (dir) => (dir ? pdfPrinter(dir, { log, tempDir: temp.dir }) : null),
      // the registrar may switch to training at run time: the sandbox starts then (once)
      trainingBackend: async () => {
        if (!training) {
          const started = await startTrainingBackend(opts.startSandbox ?? null, {
            dataDir: opts.dataDir,
            tempDir: temp.dir,
            host: 'browser',
            log,
          });
          if (!started.ok) return started;
          training = started.value;
        }
        return ok(ehealthConfigFor(training));
      },
    });
  } catch (e) {
    await training
      ?.close()
      .catch((closeError: unknown) => log.error({ err: closeError }, 'sandbox close failed'));
    server.close();
    temp.remove();
    throw e;
  }
  const dispatch = createRouter({
    handlers: createHandlers(services),
    isAllowedOrigin: (o) => o === origin,
    log,
    onCall: () => services.session.touch(),
  });
  const bridge: Bridge = attachBridge({
    server,
    dispatch,
    events: services.rendererEvents,
    token,
    launchCode,
    hostHeader: () => hostHeader,
    log,
  });

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      try {
        await bridge.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await services.close();
      } finally {
        if (training)
          await training.close().catch((e: unknown) => log.error({ err: e }, 'sandbox close failed'));
        temp.remove();
      }
    })();
    return closing;
  };
  return {
    url: `${origin}/#code=${launchCode}`,
    origin,
    port,
    token,
    services,
    training,
    tempDir: temp.dir,
    close,
  };
}
