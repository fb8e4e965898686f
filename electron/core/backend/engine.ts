import type { Connectivity, ConnectivityCause, Environment } from '#shared/contract/app';
import {
  loadSecretKey,
  type KeyProtection,
  type LoadedKey,
  type OsSecretStorage,
  type SecretBox,
} from '../crypto';
import type { Db } from '../db';
import { DirectoryService, type DirectoryStore } from '../directory';
import {
  EhealthClient,
  EhealthConfig,
  type EhealthConfigInput,
  createPisApi,
  type PisApi,
  SKEW_WARNING_MS,
  fetchTransport,
  type HttpTransport,
} from '../ehealth';
import type { EventBus } from '../events';
import type { Logger } from '../log';
import { realTimers, type AuditLog, type Timers } from '../kiosk';
import { DeliveryWorker, Outbox, type WorkerOptions } from '../outbox';
import { ConnectivityMonitor, httpProbe } from './connectivity';

export interface BackendPorts {
  dataDir: string;
  /** The eHealth environment the kiosk runs in: the outbox keeps and delivers only its operations. */
  environment: Environment;
  db: Db;
  audit: AuditLog;
  events: EventBus;
  log: Logger;
  now: () => Date;
  /** eHealth (or the sandbox in training mode). Without it operations are captured but not sent. */
  ehealth?: EhealthConfigInput | null;
  transport?: HttpTransport;
  /** Electron `safeStorage` behind a thin adapter; absent or unprotected → a 0600 key file. */
  osSecretStorage?: OsSecretStorage | null;
  /** Runs the delivery worker, the connectivity probe and the directory schedule (default true). */
  background?: boolean;
  timers?: Timers;
  /** The directory files, shared by the engines of every backend (default: the data directory's). */
  directoryStore?: DirectoryStore;
  /** Probe path on the eHealth host: any HTTP answer proves the link. */
  probePath?: string;
  /** The at-rest key, when the caller loaded it already (else loaded from `dataDir`). */
  key?: LoadedKey;
  /** OCSP, for signed acts queued while their signer's certificate status was unknown. */
  revocation?: WorkerOptions['revocation'];
}

export interface Backend {
  box: SecretBox;
  keyProtection: KeyProtection;
  keyWarning: boolean;
  api: PisApi | null;
  outbox: Outbox;
  worker: DeliveryWorker | null;
  monitor: ConnectivityMonitor | null;
  directory: DirectoryService;
  connectivity(): Connectivity;
  /** Why the link is not online (a captive portal, DNS, TLS…), null when online or unknown. */
  connectivityCause(): ConnectivityCause | null;
  /** eHealth's clock minus the kiosk's (ms), from eHealth's `Date` headers; null before any answer. */
  clockOffsetMs(): number | null;
  stop(): Promise<void>;
}

/**
 * Composes the backend that keeps the kiosk working offline: at-rest key, eHealth client (with error-based connectivity
 * detection), outbox and its delivery worker, connectivity monitor, doctor directory. Pushes
 * `outboxChanged`, `connectivityChanged` and `directoryProgress` on the event bus.
 */
export function createBackend(p: BackendPorts): Backend {
  const key = p.key ?? loadSecretKey({ dataDir: p.dataDir, osStorage: p.osSecretStorage ?? null });
  if (key.warning && key.protection === 'key-file') {
    p.log.warn(
      'at-rest key is protected by a file permission only (no OS keychain); the registrar view shows a warning',
    );
  }
  const timers = p.timers ?? realTimers;
  const outbox = new Outbox({
    db: p.db,
    environment: p.environment,
    box: key.box,
    audit: p.audit,
    now: p.now,
    keyProtection: key.protection,
    keyWarning: key.warning,
  });
  outbox.subscribe((view) => p.events.emit('outboxChanged', view));

  let monitor: ConnectivityMonitor | null = null;
  let api: PisApi | null = null;
  let worker: DeliveryWorker | null = null;
  if (p.ehealth) {
    const config = EhealthConfig.parse(p.ehealth);
    const transport = p.transport ?? fetchTransport;
    monitor = new ConnectivityMonitor({
      probe: httpProbe(transport, `${config.baseUrl}${p.probePath ?? '/'}`),
      timers,
    });
    const client = new EhealthClient(config, {
      transport,
      now: p.now,
      onOutcome: (o, cause) => monitor?.report(o, cause ?? null),
    });
    api = createPisApi(client);
    client.serverClock.onChange((offsetMs) => {
      if (Math.abs(offsetMs) > SKEW_WARNING_MS)
        p.log.warn(
          { offsetSeconds: Math.round(offsetMs / 1000) },
          "the kiosk clock differs from eHealth's; the registrar panel shows a warning",
        );
    });
    worker = new DeliveryWorker({
      outbox,
      client,
      renew: api.renew,
      connectivity: monitor,
      now: p.now,
      timers,
      log: p.log,
      revocation: p.revocation ?? null,
    });
    monitor.onChange((state, cause) => p.events.emit('connectivityChanged', { state, cause }));
  }

  const directory = new DirectoryService({
    db: p.db,
    api,
    ...(p.directoryStore ? { store: p.directoryStore } : {}),
    ...(p.transport ? { transport: p.transport } : {}),
    ...(monitor ? { onOutcome: (o) => monitor?.report(o) } : {}),
    now: p.now,
    log: p.log,
    timers,
    onProgress: (progress) => p.events.emit('directoryProgress', progress),
    ...(monitor ? { isOnline: () => monitor?.state() !== 'offline' } : {}),
  });

  if (p.background !== false && monitor && worker) {
    monitor.start();
    const started = worker.start();
    if (!started.ok) p.log.warn({ code: started.error.code }, 'outbox delivery not started');
    directory.startSchedule();
  }

  return {
    box: key.box,
    keyProtection: key.protection,
    keyWarning: key.warning,
    api,
    outbox,
    worker,
    monitor,
    directory,
    connectivity: () => monitor?.state() ?? 'offline',
    connectivityCause: () => monitor?.cause() ?? null,
    clockOffsetMs: () => api?.serverClock.offsetMs() ?? null,
    async stop() {
      directory.stopSchedule();
      monitor?.stop();
      await worker?.stop();
    },
  };
}
