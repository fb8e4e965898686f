import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { DirectoryProgress } from '#shared/contract/doctors';
import type { Db } from '../db/database';
import { fetchTransport } from '../ehealth/transport';
import {
  startScriptedServer,
  type ScriptedReply,
  type SeenRequest,
} from '../ehealth/scripted-server.test-support';
import { fixture, type Fixture } from './fixture.test-support';
import { DirectoryStore } from './store';
import { syncDirectory, type SyncOptions, type SyncPorts } from './sync';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function setup(data: Fixture, override?: (r: SeenRequest) => ScriptedReply | null) {
  const srv = await startScriptedServer((r) => {
    const o = override?.(r);
    if (o) return o;
    const entity = r.path.replace('/api/pis/bulk/', '') as keyof Fixture;
    return {
      status: 200,
      body: {
        meta: { code: 200, url: r.path, type: 'list', request_id: 'x', date: '2026-03-01T00:00:00Z' },
        data: data[entity] ?? [],
      },
    };
  });
  const store = new DirectoryStore({ dataDir: ':memory:', environment: 'prod', clinic: () => null });
  cleanups.push(
    () => srv.close(),
    () => store.close(),
  );
  let t = Date.parse('2026-03-01T08:00:00Z');
  const now = () => new Date(t);
  /** One sync in this process (the worker thread runs the same function), then the switch. */
  const sync = async (
    opts: SyncOptions & Partial<Pick<SyncPorts, 'onProgress' | 'sleep' | 'beforePublish'>> = {},
  ) => {
    const { onProgress, sleep, beforePublish, ...options } = opts;
    const r = await syncDirectory(
      store.target,
      store.view()?.generation ?? null,
      {
        config: { baseUrl: srv.baseUrl, apiKey: 'bulk-key', timeoutMs: 20_000 },
        transport: fetchTransport,
        now,
        ...(onProgress ? { onProgress } : {}),
        ...(sleep ? { sleep } : {}),
        ...(beforePublish ? { beforePublish } : {}),
      },
      options,
    );
    if (r.ok) expect(store.adopt(r.value.generation)).toBe(true);
    return r;
  };
  const db = (): Db => {
    const v = store.view();
    if (!v) throw new Error('no directory yet');
    return v.db;
  };
  return { srv, store, db, sync, now, advanceDays: (d: number) => (t += d * 86_400_000) };
}

const doctorIds = (db: () => Db) =>
  (
    db().prepare('SELECT employee_id FROM dir_doctors ORDER BY employee_id').all() as {
      employee_id: string;
    }[]
  ).map((r) => r.employee_id);

describe('directory sync', () => {
  it('full sync: downloads every entity with the api-key, reports progress, and keeps only doctors who can accept declarations', async () => {
    const { srv, db, sync } = await setup(fixture());
    const progress: DirectoryProgress[] = [];
    const r = await sync({ onProgress: (p) => progress.push(p) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ mode: 'full', depth: null, doctors: 5 });
    expect(r.value.entities.employees).toEqual({ rows: 13, rejected: 1, serverDate: '2026-03-01T00:00:00Z' });
    expect(srv.seen.every((s) => s.headers['api-key'] === 'bulk-key' && !s.query.has('depth'))).toBe(true);
    expect(srv.seen.map((s) => s.path.split('/').pop())).toEqual([
      'legal_entities',
      'divisions',
      'healthcare_services',
      'parties',
      'employees',
      'employee_roles',
      'declarations_limit',
    ]);
    expect(doctorIds(db)).toEqual(['e-1', 'e-2', 'e-3', 'e-4', 'e-5']);
    expect(progress.map((p) => `${p.phase}:${p.entity ?? ''}:${p.step}/${p.steps}`)).toEqual([
      'download:legal_entities:0/8',
      'stage:legal_entities:1/8',
      'download:divisions:1/8',
      'stage:divisions:2/8',
      'download:healthcare_services:2/8',
      'stage:healthcare_services:3/8',
      'download:parties:3/8',
      'stage:parties:4/8',
      'download:employees:4/8',
      'stage:employees:5/8',
      'download:employee_roles:5/8',
      'stage:employee_roles:6/8',
      'download:declarations_limit:6/8',
      'stage:declarations_limit:7/8',
      'apply::7/8',
      'done::8/8',
    ]);
    // swapped coordinates are put right, and free places are computed
    expect(db().prepare("SELECT latitude, longitude FROM dir_divisions WHERE id = 'd-kyiv-2'").get()).toEqual(
      {
        latitude: 50.43,
        longitude: 30.6,
      },
    );
    expect(
      db()
        .prepare(
          "SELECT free_places FROM dir_doctors WHERE employee_id IN ('e-1','e-2','e-5') ORDER BY employee_id",
        )
        .all(),
    ).toEqual([{ free_places: 1 }, { free_places: 0 }, { free_places: null }]);
  });

  it('incremental sync asks for the days since the last sync and merges the changes', async () => {
    const data = fixture();
    const { srv, db, sync, advanceDays } = await setup(data);
    expect((await sync()).ok).toBe(true);
    advanceDays(2);
    // since then: e-1 was dismissed, e-4's limit is full, a new doctor appeared
    data.employees = [
      { ...data.employees[0], status: 'DISMISSED' },
      {
        id: 'e-14',
        party_id: 'p-14',
        division_id: 'd-kyiv-1',
        legal_entity_id: 'le-kyiv',
        status: 'APPROVED',
        employee_type: 'DOCTOR',
        speciality: { speciality: 'PEDIATRICIAN' },
      },
    ];
    data.parties = [{ id: 'p-14', last_name: 'Ґудзь', first_name: 'Олена', second_name: 'Ігорівна' }];
    data.legal_entities = [];
    data.divisions = [];
    data.declarations_limit = [{ party_id: 'p-4', declarations_limit: 1800, declarations_count: 1800 }];
    srv.seen.length = 0;
    const r = await sync();
    expect(r.ok && r.value).toMatchObject({ mode: 'incremental', depth: 3 });
    expect(
      srv.seen.filter((s) => s.path.endsWith('declarations_limit')).every((s) => !s.query.has('depth')),
    ).toBe(true);
    expect(
      srv.seen
        .filter((s) => !s.path.endsWith('declarations_limit'))
        .every((s) => s.query.get('depth') === '3'),
    ).toBe(true);
    expect(doctorIds(db)).toEqual(['e-14', 'e-2', 'e-3', 'e-4', 'e-5']);
    expect(db().prepare('SELECT count(*) AS n FROM dir_legal_entities').get()).toEqual({ n: 5 });
    expect(db().prepare("SELECT free_places FROM dir_doctors WHERE employee_id = 'e-4'").get()).toEqual({
      free_places: 0,
    });
    // limits are replaced whole: parties without a published limit have none now
    expect(db().prepare("SELECT free_places FROM dir_doctors WHERE employee_id = 'e-3'").get()).toEqual({
      free_places: null,
    });
  });

  it('a failed download leaves the previous directory untouched', async () => {
    let failEmployees = false;
    const { db, store, sync, advanceDays } = await setup(fixture(), (r) =>
      failEmployees && r.path.endsWith('/employees') ? { status: 503 } : null,
    );
    await sync();
    const before = JSON.stringify([
      db().prepare('SELECT * FROM dir_doctors ORDER BY employee_id').all(),
      db().prepare('SELECT * FROM dir_sync_state ORDER BY entity').all(),
    ]);
    failEmployees = true;
    advanceDays(1);
    const progress: string[] = [];
    const pauses: number[] = [];
    const r = await sync({
      mode: 'full',
      onProgress: (p) => progress.push(p.phase),
      sleep: async (ms) => void pauses.push(ms),
    });
    // tried three times (two retries after a pause) before giving up
    expect(pauses).toEqual([2_000, 2_000]);
    expect(r.ok || r.error).toMatchObject({
      code: 'SYNC_FAILED',
      details: { entity: 'employees', cause: 'EHEALTH_UNAVAILABLE', status: 503 },
    });
    expect(progress.at(-1)).toBe('failed');
    const after = JSON.stringify([
      db().prepare('SELECT * FROM dir_doctors ORDER BY employee_id').all(),
      db().prepare('SELECT * FROM dir_sync_state ORDER BY entity').all(),
    ]);
    expect(after).toBe(before);
    // nothing of the failed sync is left in the directory folder
    expect(readdirSync(store.folder).filter((f) => !/^gen-\d+\.db$/.test(f))).toEqual([]);
  });

  it('retries a download that failed on the network, honouring Retry-After', async () => {
    let failures = 1;
    const { sync } = await setup(fixture(), (r) =>
      r.path.endsWith('/parties') && failures-- > 0 ? { status: 429, headers: { 'retry-after': '5' } } : null,
    );
    const pauses: number[] = [];
    const r = await sync({ sleep: async (ms) => void pauses.push(ms) });
    expect(r.ok && r.value.doctors).toBe(5);
    expect(pauses).toEqual([5_000]);
  });

  it('a failure before the new generation is published leaves every table and the index as they were', async () => {
    const data = fixture();
    const { db, store, sync } = await setup(data);
    await sync();
    const before = JSON.stringify(db().prepare('SELECT * FROM dir_doctors ORDER BY employee_id').all());
    data.employees = [];
    const r = await sync({
      mode: 'full',
      beforePublish: () => {
        throw new Error('power cut');
      },
    });
    expect(r.ok || r.error.code).toBe('SYNC_FAILED');
    expect(JSON.stringify(db().prepare('SELECT * FROM dir_doctors ORDER BY employee_id').all())).toBe(before);
    expect(db().prepare('SELECT count(*) AS n FROM dir_employees').get()).toEqual({ n: 13 });
    expect(store.view()?.index.n).toBe(5);
  });
});
