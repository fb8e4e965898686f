/**
 * The delivery worker as a separate process for the chaos test, which kills it with SIGKILL at
 * random moments. Usage: node --import tsx test/integration/chaos-worker.ts CONFIG_JSON
 * Prints "ready" once delivering; in drain mode exits 0 when nothing is left to send.
 */
import { readFileSync } from 'node:fs';
import { loadSecretKey } from '../../electron/core/crypto/key-store';
import { openKioskDatabase } from '../../electron/core/db/kiosk-db';
import { EhealthClient } from '../../electron/core/ehealth/client';
import { EhealthConfig } from '../../electron/core/ehealth/config';
import { createPisApi } from '../../electron/core/ehealth/pis-api';
import { ConnectivityMonitor, httpProbe } from '../../electron/core/backend/connectivity';
import { Outbox } from '../../electron/core/outbox/outbox';
import { DeliveryWorker } from '../../electron/core/outbox/worker';
import { AuditLog } from '../../electron/core/kiosk/audit';

interface ChaosWorkerConfig {
  dataDir: string;
  baseUrl: string;
  apiKey: string;
  clientId: string;
  clientSecret: string;
  mode: 'chaos' | 'drain';
}

const config = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as ChaosWorkerConfig;
const db = openKioskDatabase(config.dataDir);
const key = loadSecretKey({ dataDir: config.dataDir });
const outbox = new Outbox({
  environment: 'training',
  db,
  box: key.box,
  audit: new AuditLog(db, key.box),
  keyProtection: key.protection,
  keyWarning: key.warning,
});
const ehealth = EhealthConfig.parse({ ...config, timeoutMs: 5_000 });
const monitor = new ConnectivityMonitor({
  probe: httpProbe(fetch, `${ehealth.baseUrl}/`, 1_000),
  recoveryProbeMs: 200,
});
const client = new EhealthClient(ehealth, { onOutcome: (o) => monitor.report(o) });
const worker = new DeliveryWorker({
  outbox,
  client,
  renew: createPisApi(client).renew,
  connectivity: monitor,
  backoff: { baseMs: 50, capMs: 1_000 },
  pollMs: 200,
});

monitor.start();
const started = worker.start();
if (!started.ok) {
  process.stderr.write(`worker refused to start: ${started.error.message}\n`);
  process.exit(3);
}
process.stdout.write('ready\n');

const pending = () =>
  (
    db
      .prepare(
        "SELECT count(*) AS n FROM outbox_operations WHERE state IN ('captured', 'waiting-network', 'sending')",
      )
      .get() as { n: number }
  ).n;

if (config.mode === 'drain') {
  const timer = setInterval(() => {
    if (pending() > 0) return;
    clearInterval(timer);
    void worker.idle().then(async () => {
      await worker.stop();
      monitor.stop();
      db.close();
      process.stdout.write('drained\n');
      process.exit(0);
    });
  }, 100);
} else {
  // keep delivering until killed
  setInterval(() => {}, 60_000);
}
