/**
 * The kiosk's side of the directory: the generation in use (a read-only connection and its
 * search index), the order for this kiosk's clinic, and the switch to a newly published
 * generation — one short step after a sync has built it elsewhere. One store per data directory;
 * every DirectoryService of the kiosk (one per eHealth backend) shares it.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../db/database';
import { UNKNOWN_DISTANCE, type ClinicLocation } from './clinic';
import { readDoctorIndex, type DoctorIndex } from './doctor-index';
import { directoryFolder, generations, GENERATION_SCHEMA, removeStale, type Generation } from './generation';
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

export interface DirectoryStoreOptions {
  /** The kiosk's data directory (':memory:' gives a private temporary folder, removed on close). */
  dataDir: string;
  /** The kiosk's clinic as stored in its settings. */
  clinic: () => ClinicLocation | null;
}

export class DirectoryStore {
  readonly folder: string;
  private readonly temporary: string | null;
  private current: DirectoryView | null = null;
  private closed = false;
  /** The sync running now (one per store, whichever service started it). */
  running: Promise<unknown> | null = null;

  constructor(private readonly opts: DirectoryStoreOptions) {
    this.temporary = opts.dataDir === ':memory:' ? mkdtempSync(join(tmpdir(), 'kiosk-directory-')) : null;
    this.folder = this.temporary ?? directoryFolder(opts.dataDir);
    for (const g of generations(this.folder)) {
      this.current = this.open(g);
      if (this.current) break;
    }
    removeStale(this.folder, this.current?.generation.n ?? null);
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
      const index = readDoctorIndex(db);
      if (!index) throw new Error('no search index');
      const syncs = db
        .prepare('SELECT entity, synced_at, server_date, mode FROM dir_sync_state')
        .all() as SyncState[];
      const updatedAt = syncs.reduce<string | null>(
        (m, s) => (m === null || s.synced_at > m ? s.synced_at : m),
        null,
      );
      return { generation: g, db, index, order: clinicOrder(index, this.opts.clinic()), syncs, updatedAt };
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
      void rm(previous.generation.file, { force: true }).catch(() => undefined);
    }
    return true;
  }

  /** The clinic changed: the order is recomputed for the generation in use. */
  reorder(): void {
    if (this.current) this.current.order = clinicOrder(this.current.index, this.opts.clinic());
  }

  close(): void {
    this.closed = true;
    this.current?.db.close();
    this.current = null;
    if (this.temporary) rmSync(this.temporary, { recursive: true, force: true });
  }
}
