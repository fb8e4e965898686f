/**
 * The kiosk's side of the directory: the generation in use (a read-only connection and its
 * search index), the order for this kiosk's clinic, and the switch to a newly published
 * generation — one short step after a sync has built it elsewhere. One store per data directory
 * and eHealth environment: it reads and syncs only that environment's generations (a switch of
 * environment restarts the kiosk's services, and with them the store), so training doctors are
 * never searched in production nor the reverse; an environment not synced yet has no directory.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Environment } from '#shared/contract/app';
import { queries, sql, type Db } from '../db';
import { UNKNOWN_DISTANCE, type ClinicLocation } from './clinic';
import { readDoctorIndex, typedView, type DoctorIndex } from './doctor-index';
import {
  directoryFolder,
  generationEnvironment,
  generations,
  GENERATION_SCHEMA,
  removeStale,
  removeUnkeyedGenerations,
  type Generation,
  type GenerationTarget,
} from './generation';
import { distanceKm } from './eligibility';

/** Position of every doctor in this clinic's order: here first, then nearest, then by name. */
export interface ClinicOrder {
  /** doctor → position */
  position: Uint32Array;
  /** position → doctor */
  doctorAt: Uint32Array;
  inClinic: Uint8Array;
  /** km, UNKNOWN_DISTANCE when unknown */
  distance: Float64Array;
}

export interface SyncState {
  entity: string;
  synced_at: string;
  server_date: string | null;
  mode: string;
}

export interface DirectoryView {
  generation: Generation;
  db: Db;
  index: DoctorIndex;
  order: ClinicOrder;
  syncs: SyncState[];
  /** Newest sync of any entity: what the search reports as "directory as of". */
  updatedAt: string | null;
}

export function clinicOrder(ix: DoctorIndex, clinic: ClinicLocation | null): ClinicOrder {
  const n = ix.n;
  const inClinic = new Uint8Array(n);
  const distance = new Float64Array(n).fill(UNKNOWN_DISTANCE);
  const doctorAt = new Uint32Array(n);
  for (let d = 0; d < n; d++) doctorAt[d] = d;
  if (clinic) {
    const entity = clinic.legalEntityId ? (ix.dictionaries.legalEntity.get(clinic.legalEntityId) ?? -1) : -1;
    const divisions = new Set((clinic.divisionIds ?? []).map((id) => ix.dictionaries.division.get(id) ?? -1));
    const hasPoint = typeof clinic.latitude === 'number' && typeof clinic.longitude === 'number';
    for (let d = 0; d < n; d++) {
      if (ix.legalEntity[d] === entity || divisions.has(ix.division[d] as number)) inClinic[d] = 1;
      const lat = ix.latitude[d] as number;
      const lon = ix.longitude[d] as number;
      if (hasPoint && !Number.isNaN(lat) && !Number.isNaN(lon))
        distance[d] = distanceKm(lat, lon, clinic.latitude as number, clinic.longitude as number);
    }
    doctorAt.sort(
      (a, b) =>
        (inClinic[b] as number) - (inClinic[a] as number) ||
        (distance[a] as number) - (distance[b] as number) ||
        a - b,
    );
  }
  const position = new Uint32Array(n);
  for (let p = 0; p < n; p++) position[doctorAt[p] as number] = p;
  return { position, doctorAt, inClinic, distance };
}

const ORDER_PARTS = ['order.position', 'order.doctorAt', 'order.inClinic', 'order.distance'] as const;
const clinicKey = (clinic: ClinicLocation | null): string => JSON.stringify(clinic ?? null);

/** Stores the order for `clinic` beside the index (the sync does it, off the kiosk's main thread). */
export function writeClinicOrder(db: Db, index: DoctorIndex, clinic: ClinicLocation | null): void {
  const o = clinicOrder(index, clinic);
  const put = db.prepare('INSERT OR REPLACE INTO dir_index (part, data) VALUES (?, ?)');
  const blob = (v: ArrayBufferView) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  db.transaction(() => {
    put.run('order.clinic', Buffer.from(clinicKey(clinic)));
    put.run('order.position', blob(o.position));
    put.run('order.doctorAt', blob(o.doctorAt));
    put.run('order.inClinic', blob(o.inClinic));
    put.run('order.distance', blob(o.distance));
  })();
}

function readClinicOrder(db: Db, index: DoctorIndex, clinic: ClinicLocation | null): ClinicOrder | null {
  const q = queries(db);
  const get = (part: string) => q.value<Buffer>(sql`SELECT data FROM dir_index WHERE part = ${part}`);
  const stored = get('order.clinic');
  if (!stored || stored.toString('utf8') !== clinicKey(clinic)) return null;
  const [position, doctorAt, inClinic, distance] = ORDER_PARTS.map((p) => get(p));
  if (!position || !doctorAt || !inClinic || !distance) return null;
  const order = {
    position: typedView(position, Uint32Array),
    doctorAt: typedView(doctorAt, Uint32Array),
    inClinic: typedView(inClinic, Uint8Array),
    distance: typedView(distance, Float64Array),
  };
  return order.position.length === index.n ? order : null;
}

export interface DirectoryStoreOptions {
  /** The kiosk's data directory (':memory:' gives a private temporary folder, removed on close). */
  dataDir: string;
  /** The eHealth environment the kiosk runs in: only its generations are read and written. */
  environment: Environment;
  /** The kiosk's clinic as stored in its settings. */
  clinic: () => ClinicLocation | null;
}

export class DirectoryStore {
  private dir: string | null;
  private temporary: string | null = null;
  private current: DirectoryView | null = null;
  private closed = false;
  private closing: Promise<void> | null = null;
  private readonly stopping = new AbortController();
  /** The sync running now (one per store, whichever service started it). */
  running: Promise<unknown> | null = null;

  constructor(private readonly opts: DirectoryStoreOptions) {
    // a throw-away kiosk (':memory:') gets a private temporary folder, made when a sync needs it
    this.dir = opts.dataDir === ':memory:' ? null : directoryFolder(opts.dataDir, opts.environment);
    if (!this.dir) return;
    removeUnkeyedGenerations(opts.dataDir);
    for (const g of generations(this.dir)) {
      this.current = this.open(g);
      if (this.current) break;
    }
    removeStale(this.dir, this.current?.generation.n ?? null);
  }

  /** Where the generations are (created on first use for a throw-away kiosk). */
  get folder(): string {
    this.dir ??= this.temporary = mkdtempSync(join(tmpdir(), 'kiosk-directory-'));
    return this.dir;
  }

  get environment(): Environment {
    return this.opts.environment;
  }

  /** Where a sync of this store writes its next generation. */
  get target(): GenerationTarget {
    return { folder: this.folder, environment: this.opts.environment };
  }

  view(): DirectoryView | null {
    return this.current;
  }

  private open(g: Generation): DirectoryView | null {
    let db: Db | null = null;
    try {
      db = new Database(g.file, { readonly: true, fileMustExist: true });
      if (db.pragma('user_version', { simple: true }) !== GENERATION_SCHEMA)
        throw new Error('older generation');
      // a generation of another environment (a file moved by hand, a bug) is never searched here
      if (generationEnvironment(db) !== this.opts.environment) throw new Error('another environment');
      const index = readDoctorIndex(db);
      if (!index) throw new Error('no search index');
      const clinic = this.opts.clinic();
      const syncs = queries(db).all<SyncState>(
        sql`SELECT entity, synced_at, server_date, mode FROM dir_sync_state`,
      );
      const updatedAt = syncs.reduce<string | null>(
        (m, s) => (m === null || s.synced_at > m ? s.synced_at : m),
        null,
      );
      // the sync computed the order for the clinic it was given: reuse it when that is still the clinic
      const order = readClinicOrder(db, index, clinic) ?? clinicOrder(index, clinic);
      return { generation: g, db, index, order, syncs, updatedAt };
    } catch {
      db?.close();
      return null;
    }
  }

  /**
   * Switches to a generation a sync has just published: searches answer from the previous one
   * until this returns, then from the new one; the previous file is removed in the background.
   */
  adopt(g: Generation): boolean {
    if (this.closed) return false;
    const next = this.open(g);
    if (!next) return false;
    const previous = this.current;
    this.current = next;
    if (previous) {
      previous.db.close();
      if (previous.generation.file !== g.file)
        void rm(previous.generation.file, { force: true }).catch(() => undefined);
    }
    return true;
  }

  /** The clinic changed: the order is recomputed for the generation in use. */
  reorder(): void {
    if (this.current) this.current.order = clinicOrder(this.current.index, this.opts.clinic());
  }

  /** Aborted by `close`: a sync of this store stops with it (sync-runner.ts). */
  get stopSignal(): AbortSignal {
    return this.stopping.signal;
  }

  /**
   * Closes the generation in use at once and stops a running sync: resolves when its worker has
   * exited and its half-built generation is gone, so nothing writes into the folder afterwards.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.closed = true;
      this.current?.db.close();
      this.current = null;
      this.stopping.abort();
      await this.running?.catch(() => undefined);
      if (this.temporary) rmSync(this.temporary, { recursive: true, force: true });
    })();
    return this.closing;
  }
}
