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
import type { Logger } from '../core/log';
import type { KioskServices } from '../core/services';
import type { KioskRuntime } from './kiosk-runtime';
import { startKiosk, type StartedKiosk } from './kiosk-start';
import { pdfPrinter } from './pdf-printer';
import { claimHostTemp } from './host-temp';
import { PagePresence } from './page-presence';
import { createStaticHandler } from './static-server';
import type { StartSandbox, TrainingBackend } from './training';
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
  /** The kiosk's services and their restart (a change of environment restarts them). */
  runtime: KioskRuntime;
  /** The services in use now (replaced by a restart). */
  readonly services: KioskServices;
  readonly training: TrainingBackend | null;
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
  // the origin is the port: it is known before the services start (a port in use starts nothing)
  const port = await listen(server, opts.port).catch((e: unknown) => {
    temp.remove();
    throw e;
  });
  hostHeader = `${LOOPBACK}:${port}`;
  const origin = `http://${hostHeader}`;
  const closeServer = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };

  let kiosk: StartedKiosk<null>;
  try {
    kiosk = await startKiosk({
      dataDir: opts.dataDir,
      log,
      temp,
      startSandbox: opts.startSandbox ?? null,
      profile: {
        kind: 'browser',
        version: opts.version,
        isAllowedOrigin: (o) => o === origin,
        // no printer here: receipts become PDF files in <data dir>/receipts (deleted with the session),
        // rendered by a Chromium that lives in the temporary folder for one visit
        printer: (dir, run) => (dir ? pdfPrinter(dir, { log, tempDir: run.tempDir }) : null),
      },
      attach: (runtime) => {
        // a reloaded or closed page ends the patient session it showed, as a crashed page does in Electron
        const presence = new PagePresence({ lost: (cause) => runtime.current().session.pageLost(cause) });
        const bridge: Bridge = attachBridge({
          server,
          dispatch: runtime.dispatch,
          events: runtime.events,
          token,
          launchCode,
          hostHeader: () => hostHeader,
          log,
          presence,
        });
        return {
          value: null,
          detach: async () => {
            presence.stop();
            await bridge.close();
            await closeServer();
          },
        };
      },
    });
  } catch (e) {
    await closeServer();
    throw e;
  }
  const { runtime } = kiosk;
  return {
    url: `${origin}/#code=${launchCode}`,
    origin,
    port,
    token,
    runtime,
    get services() {
      return runtime.current();
    },
    get training() {
      return runtime.training;
    },
    tempDir: kiosk.tempDir,
    close: kiosk.stop,
  };
}
