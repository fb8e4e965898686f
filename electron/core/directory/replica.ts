import type { Db } from '../db/database';
import { applyClinicOrder, readClinic } from './clinic';
import { foldArea, foldSettlement, foldText, ukrainianSortKey } from './normalize';
import { ALWAYS_FULL, REPLICATED, REPLICATED_ENTITIES, type ReplicatedEntity } from './tables';

const stageTable = (e: ReplicatedEntity) => `dir_stage_${e}`;

export interface EntitySyncInfo {
  rows: number;
  rejected: number;
  serverDate: string | null;
}

/**
 * The local copy of the directory. A sync downloads into TEMP staging tables (gone if the
 * process dies), then `apply` replaces or merges the live tables and rebuilds the doctor index in
 * one transaction: a failed or interrupted sync leaves the previous directory exactly as it was.
 */
export class DirectoryReplica {
  constructor(private readonly db: Db) {}

  prepareStage(): void {
    for (const e of REPLICATED_ENTITIES) {
      const spec = REPLICATED[e];
      this.db.exec(`DROP TABLE IF EXISTS temp.${stageTable(e)}`);
      this.db.exec(
        `CREATE TEMP TABLE ${stageTable(e)} (${spec.columns.map((c, i) => (i === 0 ? `${c} TEXT PRIMARY KEY` : c)).join(', ')})`,
      );
    }
  }

  dropStage(): void {
    for (const e of REPLICATED_ENTITIES) this.db.exec(`DROP TABLE IF EXISTS temp.${stageTable(e)}`);
  }

  /** Adds downloaded rows to the staging table (later duplicates of an id win). */
  stage<E extends ReplicatedEntity>(
    entity: E,
    rows: readonly Parameters<(typeof REPLICATED)[E]['toRow']>[0][],
  ): void {
    const spec = REPLICATED[entity] as unknown as {
      columns: readonly string[];
      toRow(r: unknown): unknown[];
    };
    const insert = this.db.prepare(
      `INSERT OR REPLACE INTO temp.${stageTable(entity)} (${spec.columns.join(', ')}) VALUES (${spec.columns.map(() => '?').join(', ')})`,
    );
    const chunk = 5_000;
    for (let i = 0; i < rows.length; i += chunk) {
      this.db.transaction(() => {
        for (const r of rows.slice(i, i + chunk)) insert.run(...spec.toRow(r));
      })();
    }
  }

  /**
   * Moves the staged rows into the live tables — replacing them (full) or merging changes
   * (incremental; limits are always whole) — rebuilds the doctor index and records the sync, all
   * in one transaction. `beforeCommit` exists for tests that prove a failure rolls everything back.
   */
  apply(
    mode: 'full' | 'incremental',
    info: Record<ReplicatedEntity, EntitySyncInfo>,
    now: Date,
    beforeCommit?: () => void,
  ): number {
    return this.db
      .transaction(() => {
        for (const e of REPLICATED_ENTITIES) {
          const { table, columns } = REPLICATED[e];
          const cols = columns.join(', ');
          if (mode === 'full' || ALWAYS_FULL.has(e)) {
            this.db.exec(`DELETE FROM ${table}`);
            this.db.exec(`INSERT INTO ${table} (${cols}) SELECT ${cols} FROM temp.${stageTable(e)}`);
          } else {
            this.db.exec(
              `INSERT OR REPLACE INTO ${table} (${cols}) SELECT ${cols} FROM temp.${stageTable(e)}`,
            );
          }
          this.db
            .prepare(
              `INSERT INTO dir_sync_state (entity, synced_at, server_date, mode, rows, rejected) VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT(entity) DO UPDATE SET synced_at = excluded.synced_at, server_date = excluded.server_date,
                 mode = excluded.mode, rows = excluded.rows, rejected = excluded.rejected`,
            )
            .run(e, now.toISOString(), info[e].serverDate, mode, info[e].rows, info[e].rejected);
        }
        if (mode === 'full') {
          this.db
            .prepare(
              `INSERT INTO dir_sync_state (entity, synced_at, server_date, mode, rows) VALUES ('*full', ?, NULL, 'full', 0)
               ON CONFLICT(entity) DO UPDATE SET synced_at = excluded.synced_at`,
            )
            .run(now.toISOString());
        }
        const doctors = this.rebuildDoctors(now);
        beforeCommit?.();
        return doctors;
      })
      .immediate();
  }

  /** Rebuilds the searchable list of doctors who can accept a declaration today. */
  rebuildDoctors(now: Date): number {
    const today = now.toISOString().slice(0, 10);
    const rows = this.db
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
      .all(today) as {
      employee_id: string;
      party_id: string;
      last_name: string | null;
      first_name: string | null;
      second_name: string | null;
      speciality: string;
      division_id: string;
      legal_entity_id: string;
      division_name: string | null;
      legal_entity_name: string | null;
      area: string | null;
      settlement: string | null;
      address: string | null;
      latitude: number | null;
      longitude: number | null;
      declarations_limit: number | null;
      declarations_count: number | null;
    }[];
    this.db.exec('DELETE FROM dir_doctors');
    const insert = this.db.prepare(
      `INSERT INTO dir_doctors (employee_id, party_id, full_name, name_norm, sort_key, speciality, division_id,
         legal_entity_id, division_name, legal_entity_name, area, area_norm, settlement, settlement_norm, address,
         latitude, longitude, declarations_limit, declarations_count, free_places)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const r of rows) {
      const fullName = [r.last_name, r.first_name, r.second_name].filter(Boolean).join(' ');
      const free =
        r.declarations_limit === null
          ? null
          : Math.max(0, r.declarations_limit - (r.declarations_count ?? 0));
      insert.run(
        r.employee_id,
        r.party_id,
        fullName,
        foldText(fullName),
        ukrainianSortKey(fullName),
        r.speciality,
        r.division_id,
        r.legal_entity_id,
        r.division_name,
        r.legal_entity_name,
        r.area,
        r.area ? foldArea(r.area) : null,
        r.settlement,
        r.settlement ? foldSettlement(r.settlement) : null,
        r.address,
        r.latitude,
        r.longitude,
        r.declarations_limit,
        r.declarations_count,
        free,
      );
    }
    applyClinicOrder(this.db, readClinic(this.db));
    this.db.exec("INSERT INTO dir_doctors_fts (dir_doctors_fts) VALUES ('rebuild')");
    return rows.length;
  }

  lastSyncs(): { entity: string; synced_at: string; server_date: string | null; mode: string }[] {
    return this.db.prepare('SELECT entity, synced_at, server_date, mode FROM dir_sync_state').all() as {
      entity: string;
      synced_at: string;
      server_date: string | null;
      mode: string;
    }[];
  }
}
