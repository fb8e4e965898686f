/**
 * A kiosk process for directory-worker.test.ts: opens the services on a data directory, runs a
 * full directory sync against the given backend and prints each progress step ("phase:entity")
 * on its own line, so that the test can kill it (SIGKILL) at a chosen point.
 */
import { silentLogger } from '../../electron/core/log';
import { createServices } from '../../electron/core/services';

const [dataDir, backend] = process.argv.slice(2);
if (!dataDir || !backend) {
  console.error('usage: directory-worker-child.ts DATA_DIR BACKEND_JSON');
  process.exit(2);
}
const services = createServices({
  dataDir,
  log: silentLogger(),
  version: 'it',
  background: false,
  ehealth: JSON.parse(backend) as { baseUrl: string; apiKey: string },
});
services.events.on('directoryProgress', (p) => process.stdout.write(`${p.phase}:${p.entity ?? ''}\n`));
const r = await services.directory.sync({ mode: 'full' });
await services.close();
process.exit(r.ok ? 0 : 1);
