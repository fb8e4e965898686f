import type Database from 'better-sqlite3';
import type { Db } from '../db/database';
import { writeDoctorIndex } from './doctor-index';
import { DOCTORS_COLUMNS } from './generation';
import { foldArea, foldSettlement, foldText, ukrainianSortKey } from './normalize';
import { ALWAYS_FULL, REPLICATED, type ReplicatedEntity } from './tables';

export interface EntitySyncInfo {
  rows: number;
  rejected: number;
  serverDate: string | null;
}

export type DoctorRow = Record<(typeof DOCTORS_COLUMNS)[number], string | number | null>;

/**
 * Writing the replicated tables of a generation draft (generation.ts): rows arrive one by one
 * from the download and are inserted in short transactions; a full sync starts from an empty
 * file, an incremental one from a copy of the current generation (limits are always whole).
 */
export class EntityWriter {
  private readonly insert: Database.Statement<unknown[]>;
  private readonly toRow: (r: unknown) => unknown[];
  private batch: unknown[][] = [];

  constructor(
    private readonly db: Db,
    entity: ReplicatedEntity,
    mode: 'full' | 'incremental',
  ) {
    const spec = REPLICATED[entity] as unknown as {
      table: string;
      columns: readonly string[];
      toRow(r: unknown): unknown[];
    };
    // whole tables start empty (a retried download starts the table again)
    if (mode === 'full' || ALWAYS_FULL.has(entity)) db.exec(`DELETE FROM ${spec.table}`);
    this.toRow = spec.toRow;
    this.insert = db.prepare(
      `INSERT OR REPLACE INTO ${spec.table} (${spec.columns.join(', ')}) VALUES (${spec.columns.map(() => '?').join(', ')})`,
    );
  }

  /** Later duplicates of an id win. */
  add(row: unknown): void {
    this.batch.push(this.toRow(row));
    if (this.batch.length >= 2_000) this.flush();
  }

  flush(): void {
    const rows = this.batch;
    this.batch = [];
    if (rows.length) this.db.transaction(() => rows.forEach((r) => this.insert.run(...r)))();
  }
}

export function recordSync(
  db: Db,
  mode: 'full' | 'incremental',
  info: Record<ReplicatedEntity, EntitySyncInfo>,
  now: Date,
): void {
  const put = db.prepare(
    `INSERT INTO dir_sync_state (entity, synced_at, server_date, mode, rows, rejected) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(entity) DO UPDATE SET synced_at = excluded.synced_at, server_date = excluded.server_date,
       mode = excluded.mode, rows = excluded.rows, rejected = excluded.rejected`,
  );
  db.transaction(() => {
    for (const [e, i] of Object.entries(info))
      put.run(e, now.toISOString(), i.serverDate, mode, i.rows, i.rejected);
    if (mode === 'full')
      db.prepare(
        `INSERT INTO dir_sync_state (entity, synced_at, server_date, mode, rows) VALUES ('*full', ?, NULL, 'full', 0)
         ON CONFLICT(entity) DO UPDATE SET synced_at = excluded.synced_at`,
      ).run(now.toISOString());
  })();
}

/** The doctors who can accept a declaration today, from the replicated tables. */
export function doctorRows(db: Db, now: Date): DoctorRow[] {
  const today = now.toISOString().slice(0, 10);
  const rows = db
    .prepare(
      `SELECT e.id AS employee_id, e.party_id, p.last_name, p.first_name, p.second_name, e.speciality,
              e.division_id, e.legal_entity_id, d.name AS division_name,
              coalesce(le.public_name, le.short_name, le.name) AS legal_entity_name,
              coalesce(d.area, le.area) AS area, coalesce(d.settlement, le.settlement) AS settlement, d.address,
              d.latitude, d.longitude, lim.declarations_limit, lim.declarations_count
       FROM dir_employees e
       JOIN dir_parties p ON p.id = e.party_id
       JOIN dir_divisions d ON d.id = e.division_id
       JOIN dir_legal_entities le ON le.id = e.legal_entity_id
       LEFT JOIN dir_declaration_limits lim ON lim.party_id = e.party_id
       WHERE e.employee_type = 'DOCTOR' AND upper(e.status) = 'APPROVED' AND coalesce(e.is_active, 1) = 1
         AND e.speciality IN ('FAMILY_DOCTOR', 'THERAPIST', 'PEDIATRICIAN')
         AND (e.end_date IS NULL OR e.end_date >= ?)
         AND upper(d.status) = 'ACTIVE' AND coalesce(d.is_active, 1) = 1 AND d.legal_entity_id = e.legal_entity_id
         AND upper(le.status) = 'ACTIVE' AND coalesce(le.is_active, 1) = 1 AND le.type IN ('MSP', 'PRIMARY_CARE')`,
    )
    .all(today) as (Record<string, string | number | null> & {
    last_name: string | null;
    first_name: string | null;
    second_name: string | null;
    area: string | null;
    settlement: string | null;
    declarations_limit: number | null;
    declarations_count: number | null;
  })[];
  return rows.map((r) => {
    const fullName = [r.last_name, r.first_name, r.second_name].filter(Boolean).join(' ');
    return {
      employee_id: r.employee_id as string,
      party_id: r.party_id as string,
      full_name: fullName,
      name_norm: foldText(fullName),
      sort_key: ukrainianSortKey(fullName),
      speciality: r.speciality as string,
      division_id: r.division_id as string,
      legal_entity_id: r.legal_entity_id as string,
      division_name: r.division_name ?? null,
      legal_entity_name: r.legal_entity_name ?? null,
      area: r.area,
      area_norm: r.area ? foldArea(r.area) : null,
      settlement: r.settlement,
      settlement_norm: r.settlement ? foldSettlement(r.settlement) : null,
      address: r.address ?? null,
      latitude: r.latitude ?? null,
      longitude: r.longitude ?? null,
      declarations_limit: r.declarations_limit,
      declarations_count: r.declarations_count,
      free_places:
        r.declarations_limit === null
          ? null
          : Math.max(0, r.declarations_limit - (r.declarations_count ?? 0)),
    };
  });
}

/**
 * Replaces `dir_doctors` with `rows` in name order (rowid 1…n = sort key, then employee id, in
 * SQLite's binary order) and rebuilds the search index. Returns the number of doctors.
 */
export function writeDoctors(db: Db, rows: readonly DoctorRow[]): number {
  const cols = DOCTORS_COLUMNS.join(', ');
  db.exec('DROP TABLE IF EXISTS temp.dir_doctors_new');
  db.exec(`CREATE TEMP TABLE dir_doctors_new AS SELECT ${cols} FROM dir_doctors WHERE 0`);
  const insert = db.prepare(
    `INSERT INTO temp.dir_doctors_new (${cols}) VALUES (${DOCTORS_COLUMNS.map(() => '?').join(', ')})`,
  );
  db.transaction(() => {
    for (const r of rows) insert.run(...DOCTORS_COLUMNS.map((c) => r[c]));
    db.exec('DELETE FROM dir_doctors');
    db.exec(
      `INSERT INTO dir_doctors (rowid, ${cols})
       SELECT row_number() OVER (ORDER BY sort_key, employee_id), ${cols} FROM temp.dir_doctors_new`,
    );
  })();
  db.exec('DROP TABLE temp.dir_doctors_new');
  return writeDoctorIndex(db);
}

/** Rebuilds the searchable doctors (and their index) from the replicated tables. */
export const rebuildDoctors = (db: Db, now: Date): number => writeDoctors(db, doctorRows(db, now));

export function lastSyncs(
  db: Db,
): { entity: string; synced_at: string; server_date: string | null; mode: string }[] {
  return db.prepare('SELECT entity, synced_at, server_date, mode FROM dir_sync_state').all() as {
    entity: string;
    synced_at: string;
    server_date: string | null;
    mode: string;
  }[];
}
