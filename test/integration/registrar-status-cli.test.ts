/**
 * `npm run kiosk -- status [--json]` against a real kiosk data directory: a running kiosk (its
 * services against the sandbox, the delivery worker holding the lease) with a synced directory, a
 * queued operation and an imported trust list; the JSON has exactly the promised fields. Without a
 * running kiosk the CLI probes a real environment itself and reports training as offline.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli';
import type { CliIO } from '../../electron/cli/types';
import { openKioskDatabase } from '../../electron/core/db/kiosk-db';
import { createTestCa, trustListOf } from '../../electron/core/esign';
import { silentLogger } from '../../electron/core/log';
import { KioskStatus, readKioskStatus } from '../../electron/core/status';
import { SettingsStore } from '../../electron/core/kiosk/settings';
import { createServices, type KioskServices } from '../../electron/core/services';
import { folderMedia } from '../../electron/core/session/folder-media';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox';
import { TEST_KEYS_DIR } from './sandbox-helpers';

let sb: SandboxHandle;
let services: KioskServices;
let dataDir: string;
let media: string;
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = {
    stdout: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    stderr: (t) => (err += t.endsWith('\n') ? t : `${t}\n`),
    readStdin: async () => Buffer.alloc(0),
  };
  const code = await runCli(args, io);
  return { code, out, err };
}

beforeAll(async () => {
  sb = await startSandbox({ seed: 'small', keysCacheDir: TEST_KEYS_DIR });
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-status-it-'));
  media = mkdtempSync(join(tmpdir(), 'kiosk-status-media-'));
  services = createServices({
    dataDir,
    log: silentLogger(),
    version: 'it',
    ehealth: {
      baseUrl: sb.baseUrl,
      apiKey: sb.apiKey,
      clientId: sb.clientId,
      clientSecret: sb.clientSecret,
      scope: sb.scope,
    },
    patient: { media: folderMedia(media), keyFolder: null },
  });
}, 180_000);

afterAll(async () => {
  await services?.close();
  await sb?.close();
  for (const d of [dataDir, media]) if (d) rmSync(d, { recursive: true, force: true });
});

describe('kiosk status', () => {
  it('reports a running kiosk: version, environment, link, outbox by state, directory, trust list', async () => {
    const synced = await services.directory.sync();
    if (!synced.ok) throw new Error(synced.error.message);
    const queued = services.outbox.enqueue({
      kind: 'app.revoke',
      params: { appId: 'status-app' },
      patientKey: services.outbox.patientKeyFor('status-person'),
    });
    if (!queued.ok) throw new Error(queued.error.message);
    mkdirSync(join(media, 'USB'));
    writeFileSync(join(media, 'USB', 'CACertificates.p7b'), trustListOf(await createTestCa()));
    const [bundle] = await services.registrar.trust.scan();
    const imported = await services.registrar.trust.import(bundle?.id ?? '', 'registrar:R-01');
    if (!imported.ok) throw new Error(imported.error.message);
    // the kiosk notes its link after start and on every change
    await new Promise((resolve) => setTimeout(resolve, 0));

    const r = await cli(['status', '--json', '--data-dir', dataDir]);
    expect(r).toMatchObject({ code: 0, err: '' });
    const json = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'version',
      'environment',
      'connectivity',
      'outbox',
      'directory',
      'trustList',
    ]);
    const status = KioskStatus.parse(json);
    expect(status).toMatchObject({
      version,
      environment: 'training',
      connectivity: services.connectivity(),
      directory: {
        doctors: services.directory.status().doctors,
        lastSync: services.directory.status().lastSyncAt,
      },
      trustList: { date: imported.value.date },
    });
    expect(status.directory.doctors).toBeGreaterThan(0);
    expect(Object.keys(status.outbox).sort()).toEqual([
      'captured',
      'done',
      'expired',
      'needs-patient',
      'rejected',
      'sending',
      'waiting-network',
    ]);
    const counts = services.outbox.status().counts;
    expect(status.outbox).toEqual(counts);
    expect(Object.values(status.outbox).reduce((a, b) => a + b, 0)).toBe(1);

    const human = await cli(['status', '--data-dir', dataDir]);
    expect(human.code).toBe(0);
    expect(human.out).toContain(`Kabinet Kiosk ${version}`);
    expect(human.out).toMatch(/environment\s+training/);
    expect(human.out).toMatch(/directory\s+\d+ doctors, last sync 20/);
    expect(human.out).toMatch(/trust list\s+imported 20/);
  }, 120_000);

  it('without a running kiosk: probes a real environment itself; training is offline', async () => {
    const db = openKioskDatabase(dataDir);
    try {
      const later = new Date(Date.now() + 5 * 60_000); // the worker's heartbeat is long stale by then
      const probed: string[] = [];
      const probe = async (url: string) => {
        probed.push(url);
        return 'server-error' as const;
      };
      expect(await readKioskStatus(db, { version: 'x', now: later, probe })).toMatchObject({
        environment: 'training',
        connectivity: 'offline',
      });
      expect(probed).toEqual([]);
      new SettingsStore(db).update({ environment: 'prod' });
      expect(await readKioskStatus(db, { version: 'x', now: later, probe })).toMatchObject({
        environment: 'prod',
        connectivity: 'degraded',
      });
      expect(probed).toEqual(['https://api.ehealth.gov.ua']);
      // and with the kiosk running (fresh heartbeat, live process) its own note wins
      expect((await readKioskStatus(db, { version: 'x', probe, alive: () => true })).connectivity).toBe(
        services.connectivity(),
      );
      new SettingsStore(db).update({ environment: 'training' });
    } finally {
      db.close();
    }
  });

  it('says so when the data directory holds no kiosk, and refuses stray arguments', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'kiosk-status-empty-'));
    try {
      const r = await cli(['status', '--data-dir', empty]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/no kiosk database/);
      expect((await cli(['status', 'now', '--data-dir', empty])).code).toBe(2);
      expect((await cli(['status', '--verbose', '--data-dir', empty])).code).toBe(2);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('runs as `npm run kiosk -- status --json`', () => {
    const r = spawnSync(
      'npm',
      ['run', '--silent', 'kiosk', '--', 'status', '--json', '--data-dir', dataDir],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(r.status).toBe(0);
    const status = KioskStatus.parse(JSON.parse(r.stdout));
    expect(status.version).toBe(version);
    expect(status.trustList.date).not.toBeNull();
  }, 90_000);
});
