/**
 * The directory is kept per eHealth environment: a kiosk's store reads and writes only its own
 * environment's generations (`<data dir>/directory/<environment>/`), and a generation records the
 * environment it was synced from. Training doctors are never searched in production nor the reverse;
 * an environment not synced yet has no directory ("not synced yet"), whatever another one holds.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Environment } from '#shared/contract/app';
import type { Db } from '../db/database';
import { openKioskDatabase } from '../db/kiosk-db';
import { SettingsStore } from '../kiosk/settings';
import { DirectoryService } from './directory-service';
import { fixture, seedDirectory } from './fixture.test-support';
import { directoryFolder, GenerationDraft } from './generation';
import { DirectoryStore } from './store';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-directory-env-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The kiosk's directory as a start in `environment` builds it (services.ts). */
function kiosk(
  dir: string,
  environment: Environment,
): { db: Db; store: DirectoryStore; service: DirectoryService } {
  const db = openKioskDatabase(dir);
  const store = new DirectoryStore({ dataDir: dir, environment, clinic: () => null });
  const service = new DirectoryService({ db, store, api: null });
  cleanups.push(() => {
    store.close();
    db.close();
  });
  return { db, store, service };
}

const everyone = { text: 'а', includeFull: true } as const;

describe('the directory per environment', () => {
  it('a production kiosk never searches the training directory, and training keeps its own', async () => {
    const dir = dataDir();
    const training = kiosk(dir, 'training');
    const doctors = await seedDirectory(training.store, fixture());
    expect(doctors).toBeGreaterThan(0);
    const trainingAnswer = training.service.search(everyone);
    expect(trainingAnswer.ok && trainingAnswer.value.total).toBeGreaterThan(0);
    training.store.close();

    // the registrar switches to production: the services start again with a store for production
    const prod = kiosk(dir, 'prod');
    expect(prod.store.view()).toBeNull();
    expect(prod.service.search(everyone)).toMatchObject({ ok: false, error: { code: 'DIRECTORY_EMPTY' } });
    expect(prod.service.doctor('e-1')).toMatchObject({ ok: false });
    expect(prod.service.status()).toMatchObject({ doctors: 0, lastSyncAt: null, lastFullSyncAt: null });
    prod.store.close();

    // back in training, its directory is still there (nothing of it was removed by production)
    const again = kiosk(dir, 'training');
    expect(again.service.status().doctors).toBe(doctors);
    expect(again.service.search(everyone)).toEqual(trainingAnswer);
    expect(readdirSync(directoryFolder(dir, 'training'))).toEqual(['gen-1.db']);
    expect(existsSync(directoryFolder(dir, 'prod'))).toBe(false);
  });

  it('each environment syncs into its own folder and reads only its own generations', async () => {
    const dir = dataDir();
    const training = kiosk(dir, 'training');
    const demo = kiosk(dir, 'demo');
    const smaller = fixture();
    smaller.employees = smaller.employees.slice(0, 1);
    const nTraining = await seedDirectory(training.store, fixture());
    const nDemo = await seedDirectory(demo.store, smaller);
    expect(nDemo).toBeLessThan(nTraining);
    expect(training.service.status().doctors).toBe(nTraining);
    expect(demo.service.status().doctors).toBe(nDemo);
    expect(training.store.view()?.generation.file).toBe(join(directoryFolder(dir, 'training'), 'gen-1.db'));
    expect(demo.store.view()?.generation.file).toBe(join(directoryFolder(dir, 'demo'), 'gen-1.db'));
  });

  it('a generation of another environment put into the folder is refused', async () => {
    const dir = dataDir();
    const training = kiosk(dir, 'training');
    await seedDirectory(training.store, fixture());
    const file = training.store.view()?.generation.file;
    if (!file) throw new Error('no training generation');
    // e.g. copied by hand into production's folder, as a newer generation
    mkdirSync(directoryFolder(dir, 'prod'), { recursive: true });
    copyFileSync(file, join(directoryFolder(dir, 'prod'), 'gen-7.db'));
    const prod = kiosk(dir, 'prod');
    expect(prod.store.view()).toBeNull();
    expect(prod.service.search(everyone)).toMatchObject({ ok: false, error: { code: 'DIRECTORY_EMPTY' } });
    // nor adopted as the result of a sync
    expect(prod.store.adopt({ n: 7, file: join(directoryFolder(dir, 'prod'), 'gen-7.db') })).toBe(false);
    expect(prod.store.view()).toBeNull();
    // and no incremental sync of production builds on it
    expect(() => new GenerationDraft(prod.store.target, { n: 7, file })).toThrow(
      /synced from training, not prod/,
    );
    expect(readdirSync(directoryFolder(dir, 'prod')).filter((f) => f.endsWith('.building'))).toEqual([]);
  });

  it('generations from before the split (no environment) are removed, never searched', async () => {
    const dir = dataDir();
    const training = kiosk(dir, 'training');
    await seedDirectory(training.store, fixture());
    const file = training.store.view()?.generation.file;
    if (!file) throw new Error('no training generation');
    training.store.close();
    // the layout of the previous version: <data dir>/directory/gen-<n>.db, whichever environment synced it
    const root = join(dir, 'directory');
    copyFileSync(file, join(root, 'gen-3.db'));
    writeFileSync(join(root, 'gen-4.db.building'), 'half');
    const prod = kiosk(dir, 'prod');
    expect(prod.service.search(everyone)).toMatchObject({ ok: false, error: { code: 'DIRECTORY_EMPTY' } });
    expect(readdirSync(root).sort()).toEqual(['training']);
  });

  it('a service without a store of its own uses the environment in the kiosk settings', async () => {
    const dir = dataDir();
    const db = openKioskDatabase(dir);
    cleanups.push(() => db.close());
    new SettingsStore(db).update({ environment: 'preprod' });
    const service = new DirectoryService({ db, api: null });
    cleanups.push(() => service.close());
    expect(service.store.environment).toBe('preprod');
    expect(service.store.folder).toBe(directoryFolder(dir, 'preprod'));
  });
});
