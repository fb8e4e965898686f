/**
 * The directory sync in its worker thread, against the sandbox: a full sync runs while the kiosk
 * keeps answering searches from the previous directory and delivers an outbox operation; a kiosk
 * killed (SIGKILL) at any point of a sync restarts on a consistent directory — the previous one,
 * or the new one once it was published; and the in-memory search gives the same totals and pages
 * as a plain SQL scan on the bench's query mix.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKioskDatabase } from '../../electron/core/db/kiosk-db';
import { readClinic } from '../../electron/core/directory/clinic';
import { DirectoryService } from '../../electron/core/directory/directory-service';
import { directoryFolder, generations } from '../../electron/core/directory/generation';
import { DirectoryStore } from '../../electron/core/directory/store';
import { silentLogger } from '../../electron/core/log';
import { createServices, type KioskServices } from '../../electron/core/services';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox';
import { TEST_KEYS_DIR } from './sandbox-helpers';
import { appliedUnder, kioskSignIn } from './outbox-helpers';
import { likeSearch, prepareLikeBaseline } from '../bench/suites/like-search';
import { buildQueries, type DoctorSample } from '../bench/suites/search-queries';
import { growDirectory } from '../bench/suites/synthesize';

let sb: SandboxHandle;
let dataDir: string;
let services: KioskServices;
const dirs: string[] = [];
const ehealth = () => ({
  baseUrl: sb.baseUrl,
  apiKey: sb.apiKey,
  clientId: sb.clientId,
  clientSecret: sb.clientSecret,
  scope: sb.scope,
});

beforeAll(async () => {
  sb = await startSandbox({ seed: 'small', keysCacheDir: TEST_KEYS_DIR });
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-directory-worker-'));
  dirs.push(dataDir);
  services = createServices({ dataDir, log: silentLogger(), version: 'it', ehealth: ehealth() });
}, 120_000);

afterAll(async () => {
  await services?.close();
  await sb?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const tick = () => new Promise((r) => setTimeout(r, 2));

describe('directory sync in a worker thread', () => {
  it('runs while searches answer from the previous directory and an outbox operation is delivered', async () => {
    // the schedule started a first sync when the kiosk came up: sync() joins it
    const first = await services.directory.sync();
    expect(first.ok).toBe(true);
    const before = services.directory.search({ text: 'к', includeFull: true });
    if (!before.ok) throw new Error(before.error.code);
    const oldAsOf = before.value.directoryUpdatedAt;
    expect(before.value.total).toBeGreaterThan(0);

    const api = services.ehealth;
    if (!api) throw new Error('no eHealth client');
    const { tokens, personId } = await kioskSignIn(sb, api, 'adult-with-apps');
    const apps = await api.apps.list(api.patientTokens(tokens));
    if (!apps.ok) throw new Error(apps.error.message);
    const target = apps.value.data.find((a) => a.client_id !== sb.clientId);
    if (!target) throw new Error('no app to revoke');

    const answers: { ok: boolean; total: number; asOf: string | null }[] = [];
    let syncDone = false;
    const sync = services.directory.sync({ mode: 'full' }).finally(() => (syncDone = true));
    expect(services.directory.status().syncing).toBe(true);
    const op = services.outbox.enqueue({
      kind: 'app.revoke',
      params: { appId: target.id },
      patientKey: services.outbox.patientKeyFor(personId),
      credentials: tokens,
    });
    if (!op.ok) throw new Error(op.error.message);
    const delivered = services.outbox.whenSettled(op.value.id);
    while (!syncDone) {
      const r = services.directory.search({ text: 'к', includeFull: true });
      answers.push(
        r.ok
          ? { ok: true, total: r.value.total, asOf: r.value.directoryUpdatedAt }
          : { ok: false, total: 0, asOf: null },
      );
      await tick();
    }
    const synced = await sync;
    expect(synced.ok && synced.value.mode).toBe('full');
    expect((await delivered).view.state).toBe('done');
    expect(await appliedUnder(sb, idempotencyKeyOf(op.value.id))).toMatchObject({ applied: 1 });

    // every search during the sync was answered, from the previous directory
    expect(answers.length).toBeGreaterThan(5);
    expect(answers.every((a) => a.ok && a.total === before.value.total && a.asOf === oldAsOf)).toBe(true);
    const after = services.directory.search({ text: 'к', includeFull: true });
    expect(after.ok && after.value.directoryUpdatedAt).not.toBe(oldAsOf);
    expect(after.ok && after.value.total).toBe(before.value.total);
    // the previous generation is removed once nobody reads it
    await expect.poll(() => generations(services.directory.store.folder).length).toBe(1);
  }, 120_000);

  it('leaves a consistent directory when the kiosk is killed at any point of a sync', async () => {
    const killDir = mkdtempSync(join(tmpdir(), 'kiosk-directory-kill-'));
    dirs.push(killDir);
    const first = await runChild(killDir, null);
    expect(first.code).toBe(0);
    const reference = readDirectory(killDir);
    expect(reference.doctors).toBeGreaterThan(0);
    // killed while downloading, while writing the new generation, right after it was published
    for (const at of ['download:parties', 'apply:', 'done:']) {
      const killed = await runChild(killDir, at);
      expect(killed.signal, at).toBe('SIGKILL');
      const now = readDirectory(killDir);
      expect(now.doctors, at).toBe(reference.doctors);
      expect(now.search, at).toEqual(reference.search);
      if (at === 'done:') expect(now.asOf, at).not.toBe(reference.asOf);
      else expect(now.asOf, at).toBe(reference.asOf);
      // nothing half-written is left over, one generation is in use
      expect(
        readdirSync(directoryFolder(killDir, 'training')).filter((f) => !f.endsWith('.db')),
        at,
      ).toEqual([]);
      expect(generations(directoryFolder(killDir, 'training')).length, at).toBe(1);
    }
  }, 120_000);
});

describe('search on the in-memory index', () => {
  it('gives the same totals and pages as a plain SQL scan on the bench query mix', async () => {
    if (!services.directory.store.view()) expect((await services.directory.sync()).ok).toBe(true);
    const view = services.directory.store.view();
    if (!view) throw new Error('no directory');
    const tier = mkdtempSync(join(tmpdir(), 'kiosk-directory-equal-'));
    dirs.push(tier);
    mkdirSync(directoryFolder(tier, 'training'), { recursive: true });
    const file = join(directoryFolder(tier, 'training'), 'gen-1.db');
    copyFileSync(view.generation.file, file);
    const gen = new Database(file);
    growDirectory(gen, 3_000, 11);
    // a clinic in Kyiv with its own doctors: they come first, then the nearest
    const clinic = { latitude: 50.4501, longitude: 30.5234, legalEntityId: someLegalEntity(gen) };
    prepareLikeBaseline(gen, clinic);
    const db = openKioskDatabase(tier);
    const store = new DirectoryStore({
      dataDir: tier,
      environment: 'training',
      clinic: () => readClinic(db),
    });
    const service = new DirectoryService({ db, store, api: null });
    const set = service.setClinic(clinic);
    if (!set.ok) throw new Error(JSON.stringify(set.error));
    const doctors = gen
      .prepare('SELECT full_name, settlement, area FROM dir_doctors ORDER BY employee_id')
      .all() as DoctorSample[];
    const queries = buildQueries(doctors, 500, 20_261_127);
    let same = 0;
    const differ: string[] = [];
    for (const { query } of queries) {
      const ours = service.search(query);
      const like = likeSearch(gen, query);
      if (!ours.ok || !like) throw new Error(`search failed for ${JSON.stringify(query)}`);
      if (
        ours.value.total === like.total &&
        ours.value.items.map((d) => d.employeeId).join() === like.page.join()
      )
        same++;
      else differ.push(JSON.stringify(query));
    }
    expect(differ).toEqual([]);
    expect(same).toBe(500);
    service.close();
    db.close();
    gen.close();
  }, 60_000);
});

function idempotencyKeyOf(id: string): string {
  return (
    services.db.prepare('SELECT idempotency_key FROM outbox_operations WHERE id = ?').get(id) as {
      idempotency_key: string;
    }
  ).idempotency_key;
}

function someLegalEntity(db: Database.Database): string {
  return db
    .prepare('SELECT legal_entity_id FROM dir_doctors ORDER BY employee_id LIMIT 1')
    .pluck()
    .get() as string;
}

/** A kiosk process syncing in full; killed when its progress reaches `killAt` ("phase:entity"). */
function runChild(
  dir: string,
  killAt: string | null,
): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'directory-worker-child.ts'), dir, JSON.stringify(ehealth())],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      if (killAt && out.split('\n').includes(killAt)) child.kill('SIGKILL');
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

function readDirectory(dir: string): { doctors: number; asOf: string | null; search: unknown } {
  const db = openKioskDatabase(dir);
  const service = new DirectoryService({ db, api: null });
  try {
    const r = service.search({ text: 'ко', includeFull: true, pageSize: 5 });
    return {
      doctors: service.status().doctors,
      asOf: service.status().lastSyncAt,
      search: r.ok ? [r.value.total, r.value.items.map((d) => d.employeeId)] : r.error.code,
    };
  } finally {
    service.close();
    db.close();
  }
}
