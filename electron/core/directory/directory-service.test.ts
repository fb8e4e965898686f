import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DirectoryProgress } from '#shared/contract/doctors';
import { openKioskDatabase } from '../db/kiosk-db';
import { createPisApiFromConfig } from '../ehealth/pis-api';
import { startScriptedServer } from '../ehealth/scripted-server.test-support';
import type { Timers } from '../kiosk/timers';
import { DirectoryService } from './directory-service';
import { fixture, type Fixture } from './fixture.test-support';
import { directoryFolder } from './generation';

const cleanups: (() => Promise<void> | void)[] = [];
/** A sync runs in a worker thread: give it time to start under the TypeScript loader. */
const WORKER = { timeout: 20_000, interval: 20 };
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function manualTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  const timers: Timers = {
    setTimeout: (fn, ms) => (pending.set(next, { fn, ms }), next++),
    clearTimeout: (h) => void pending.delete(h as number),
  };
  return {
    timers,
    delays: () => [...pending.values()].map((p) => p.ms),
    fire: () => {
      const all = [...pending.values()];
      pending.clear();
      all.forEach((p) => p.fn());
    },
  };
}

async function setup() {
  let failing = false;
  const data = fixture();
  const t = manualTimers();
  const progress: DirectoryProgress[] = [];
  let online = true;
  const srv = await startScriptedServer((r) =>
    failing
      ? { status: 503 }
      : {
          status: 200,
          body: {
            meta: { code: 200, date: '2026-03-01T00:00:00Z' },
            data: data[r.path.split('/').pop() as keyof Fixture] ?? [],
          },
        },
  );
  const db = openKioskDatabase(':memory:');
  const service = new DirectoryService({
    db,
    api: createPisApiFromConfig({ baseUrl: srv.baseUrl, apiKey: 'k' }),
    timers: t.timers,
    intervalMs: 6 * 3_600_000,
    retryMs: 15 * 60_000,
    onProgress: (p) => progress.push(p),
    isOnline: () => online,
    retryDelayMs: 0,
  });
  cleanups.push(
    () => srv.close(),
    async () => {
      await service.close();
      db.close();
    },
  );
  return {
    srv,
    db,
    t,
    service,
    progress,
    setFailing: (f: boolean) => (failing = f),
    setOnline: (o: boolean) => (online = o),
  };
}

describe('DirectoryService', () => {
  it('syncs at once when the directory is empty, then every interval; a failure retries sooner', async () => {
    const { t, service, progress, setFailing, setOnline } = await setup();
    expect(service.search({})).toMatchObject({ ok: false, error: { code: 'DIRECTORY_EMPTY' } });
    service.startSchedule();
    expect(t.delays()).toEqual([0]);
    t.fire();
    await vi.waitFor(() => expect(t.delays()).toEqual([6 * 3_600_000]), WORKER);
    expect(service.status()).toMatchObject({
      doctors: 5,
      syncing: false,
      serverDate: '2026-03-01T00:00:00Z',
    });
    expect(progress.at(-1)).toMatchObject({ phase: 'done', mode: 'full', rows: 5 });

    setFailing(true);
    t.fire();
    await vi.waitFor(() => expect(t.delays()).toEqual([15 * 60_000]), WORKER);
    expect(service.search({}).ok).toBe(true);

    // offline: the scheduled run waits instead of failing
    setOnline(false);
    const before = progress.length;
    t.fire();
    await vi.waitFor(() => expect(t.delays()).toEqual([15 * 60_000]), WORKER);
    expect(progress.length).toBe(before);
    // back online: the scheduled run does not wait for a kiosk without patients (the sync runs in a worker)
    setOnline(true);
    setFailing(false);
    t.fire();
    await vi.waitFor(() => expect(t.delays()).toEqual([6 * 3_600_000]), WORKER);
    expect(progress.at(-1)).toMatchObject({ phase: 'done' });
    service.stopSchedule();
    expect(t.delays()).toEqual([]);
  });

  it('joins a sync already running instead of starting a second one', async () => {
    const { srv, service } = await setup();
    const [a, b] = await Promise.all([service.sync(), service.sync()]);
    expect(a).toBe(b);
    expect(srv.seen.filter((s) => s.path.endsWith('/parties'))).toHaveLength(1);
    expect(a.ok && a.value.mode).toBe('full');
    expect((await service.sync()).ok && service.status().lastFullSyncAt).not.toBeNull();
  });

  it('closing stops a sync in progress: its worker has exited, its draft is gone, nothing is written after', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-directory-stop-'));
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    const data = fixture();
    // eHealth answers nothing until the test lets it: the sync is caught mid-download
    const srv = await startScriptedServer(async (r) => {
      await held;
      const entity = r.path.split('/').pop() as keyof Fixture;
      return {
        status: 200,
        body: { meta: { code: 200, date: '2026-03-01T00:00:00Z' }, data: data[entity] ?? [] },
      };
    });
    const db = openKioskDatabase(dataDir);
    cleanups.push(async () => {
      release();
      await srv.close();
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
    const service = new DirectoryService({
      db,
      api: createPisApiFromConfig({ baseUrl: srv.baseUrl, apiKey: 'k' }),
      retryDelayMs: 0,
    });
    const folder = directoryFolder(dataDir, 'training');
    const sync = service.sync();
    await vi.waitFor(() => expect(srv.seen).toHaveLength(1), WORKER);
    expect(readdirSync(folder)).toEqual(['gen-1.db.building']);

    await service.close();
    expect(readdirSync(folder)).toEqual([]);
    expect(await sync).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE' } });
    // eHealth answers now: nobody is left to take the answer and write it
    release();
    await new Promise((r) => setTimeout(r, 500));
    expect(readdirSync(folder)).toEqual([]);
    expect(srv.seen).toHaveLength(1);
    // a closed directory starts no sync
    expect(await service.sync()).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE' } });
    expect(srv.seen).toHaveLength(1);
  });

  it('without a backend, search still answers from the last sync and sync says why not', async () => {
    const { db } = await setup();
    const offline = new DirectoryService({ db, store: (await setup()).service.store, api: null });
    expect(await offline.sync()).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE' } });
    offline.startSchedule();
    expect(offline.status().syncing).toBe(false);
  });
});
