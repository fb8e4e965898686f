import type Database from 'better-sqlite3';
import { queries, sql, type Db } from '../db';
import { writeDoctorIndex, type DoctorIndex } from './doctor-index';
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
    // small batches: rows do not live long enough to reach the old generation of the heap
    if (this.batch.length >= 200) this.flush();
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

/** The joins and conditions that make a doctor searchable: can accept a declaration today. */
const ELIGIBLE_DOCTORS = `
  FROM dir_employees e
  JOIN dir_parties p ON p.id = e.party_id
  JOIN dir_divisions d ON d.id = e.division_id
  JOIN dir_legal_entities le ON le.id = e.legal_entity_id
  LEFT JOIN dir_declaration_limits lim ON lim.party_id = e.party_id
  WHERE e.employee_type = 'DOCTOR' AND upper(e.status) = 'APPROVED' AND coalesce(e.is_active, 1) = 1
    AND e.speciality IN ('FAMILY_DOCTOR', 'THERAPIST', 'PEDIATRICIAN')
    AND (e.end_date IS NULL OR e.end_date >= @today)
    AND upper(d.status) = 'ACTIVE' AND coalesce(d.is_active, 1) = 1 AND d.legal_entity_id = e.legal_entity_id
    AND upper(le.status) = 'ACTIVE' AND coalesce(le.is_active, 1) = 1 AND le.type IN ('MSP', 'PRIMARY_CARE')`;

/** The names and folding of the search, as SQL functions of this connection (the same code as in JS). */
function registerFolding(db: Db): void {
  const place = (f: (v: string) => string) => (v: unknown) =>
    typeof v === 'string' && v !== '' ? f(v) : null;
  db.function('kiosk_full_name', { deterministic: true }, (last: unknown, first: unknown, second: unknown) =>
    [last, first, second].filter((x): x is string => typeof x === 'string' && x !== '').join(' '),
  );
  db.function('kiosk_fold', { deterministic: true }, (v: unknown) => foldText(String(v ?? '')));
  db.function('kiosk_sort_key', { deterministic: true }, (v: unknown) => ukrainianSortKey(String(v ?? '')));
  db.function('kiosk_fold_area', { deterministic: true }, place(foldArea));
  db.function('kiosk_fold_settlement', { deterministic: true }, place(foldSettlement));
}

const COLS = DOCTORS_COLUMNS.join(', ');

/** Moves the staged doctors into `dir_doctors` in name order (rowid 1…n) and rebuilds the index. */
function publishDoctors(db: Db): DoctorIndex {
  db.transaction(() => {
    db.exec('DELETE FROM dir_doctors');
    db.exec(
      `INSERT INTO dir_doctors (rowid, ${COLS})
       SELECT row_number() OVER (ORDER BY sort_key, employee_id), ${COLS} FROM temp.dir_doctors_new`,
    );
  })();
  db.exec('DROP TABLE temp.dir_doctors_new');
  return writeDoctorIndex(db);
}

/**
 * Replaces `dir_doctors` with `rows` in name order (rowid 1…n = sort key, then employee id, in
 * SQLite's binary order) and rebuilds the search index, which it returns.
 */
export function writeDoctors(db: Db, rows: readonly DoctorRow[]): DoctorIndex {
  db.exec('DROP TABLE IF EXISTS temp.dir_doctors_new');
  db.exec(`CREATE TEMP TABLE dir_doctors_new AS SELECT ${COLS} FROM dir_doctors WHERE 0`);
  const insert = db.prepare(
    `INSERT INTO temp.dir_doctors_new (${COLS}) VALUES (${DOCTORS_COLUMNS.map(() => '?').join(', ')})`,
  );
  db.transaction(() => {
    for (const r of rows) insert.run(...DOCTORS_COLUMNS.map((c) => r[c]));
  })();
  return publishDoctors(db);
}

/**
 * Rebuilds the searchable doctors (and their index) from the replicated tables. The rows stream
 * through SQLite (names built and folded by the functions above); none is held in JavaScript.
 */
export function rebuildDoctors(db: Db, now: Date): DoctorIndex {
  registerFolding(db);
  db.exec('DROP TABLE IF EXISTS temp.dir_doctors_new');
  db.prepare(
    `CREATE TEMP TABLE dir_doctors_new AS
     SELECT employee_id, party_id, full_name, kiosk_fold(full_name) AS name_norm, kiosk_sort_key(full_name) AS sort_key,
            speciality, division_id, legal_entity_id, division_name, legal_entity_name,
            area, kiosk_fold_area(area) AS area_norm, settlement, kiosk_fold_settlement(settlement) AS settlement_norm,
            address, latitude, longitude, declarations_limit, declarations_count,
            CASE WHEN declarations_limit IS NULL THEN NULL
                 ELSE max(0, declarations_limit - coalesce(declarations_count, 0)) END AS free_places
     FROM (SELECT e.id AS employee_id, e.party_id, kiosk_full_name(p.last_name, p.first_name, p.second_name) AS full_name,
                  e.speciality, e.division_id, e.legal_entity_id, d.name AS division_name,
                  coalesce(le.public_name, le.short_name, le.name) AS legal_entity_name,
                  coalesce(d.area, le.area) AS area, coalesce(d.settlement, le.settlement) AS settlement, d.address,
                  d.latitude, d.longitude, lim.declarations_limit, lim.declarations_count
           ${ELIGIBLE_DOCTORS})`,
  ).run({ today: now.toISOString().slice(0, 10) });
  return publishDoctors(db);
}

export function lastSyncs(
  db: Db,
): { entity: string; synced_at: string; server_date: string | null; mode: string }[] {
  return queries(db).all<{ entity: string; synced_at: string; server_date: string | null; mode: string }>(
    sql`SELECT entity, synced_at, server_date, mode FROM dir_sync_state`,
  );
}
