/**
 * The baseline for directory search: the same query as `DirectorySearch.search` — same input
 * parsing, filters, count, page order and row reads — but in SQL, the name matched by a plain
 * `LIKE` scan over the folded name instead of the kiosk's in-memory index (on a generation
 * prepared by `prepareLikeBaseline`). Every typed word must
 * start a word of the name, as with FTS5 prefix queries, so both return the same doctors (the
 * bench counts the queries where they agree).
 */
import {
  DoctorSearchQuery as DoctorSearchQuerySchema,
  type DoctorSearchQuery,
} from '#shared/contract/doctors';
import type { Db } from '../../../electron/core/db/database';
import type { ClinicLocation } from '../../../electron/core/directory/clinic';
import { distanceKm, specialitiesForAge } from '../../../electron/core/directory/eligibility';
import { foldArea, foldSettlement, searchTokens } from '../../../electron/core/directory/normalize';

/**
 * Gives a directory generation (a copy the bench owns) what the LIKE scan orders by: the clinic
 * rank and distance of every doctor, computed here from the clinic's definition (its legal entity
 * or divisions first, then the great-circle distance; unknown distances last), and an index in
 * that order — as the kiosk's search stored them before it kept the order in memory.
 */
export function prepareLikeBaseline(db: Db, clinic: ClinicLocation | null): void {
  const cols = (db.prepare('PRAGMA table_info(dir_doctors)').all() as { name: string }[]).map((c) => c.name);
  if (!cols.includes('clinic_rank')) {
    db.exec('ALTER TABLE dir_doctors ADD COLUMN clinic_rank INTEGER NOT NULL DEFAULT 0');
    db.exec('ALTER TABLE dir_doctors ADD COLUMN clinic_distance_km REAL NOT NULL DEFAULT 1e9');
    db.exec(
      'CREATE INDEX dir_doctors_order ON dir_doctors (clinic_rank DESC, clinic_distance_km, sort_key, employee_id)',
    );
  }
  const rows = db
    .prepare('SELECT rowid AS id, division_id, legal_entity_id, latitude, longitude FROM dir_doctors')
    .all() as {
    id: number;
    division_id: string;
    legal_entity_id: string;
    latitude: number | null;
    longitude: number | null;
  }[];
  const update = db.prepare('UPDATE dir_doctors SET clinic_rank = ?, clinic_distance_km = ? WHERE rowid = ?');
  const point = typeof clinic?.latitude === 'number' && typeof clinic.longitude === 'number';
  db.transaction(() => {
    for (const r of rows) {
      const rank =
        clinic &&
        (clinic.legalEntityId === r.legal_entity_id || (clinic.divisionIds ?? []).includes(r.division_id))
          ? 1
          : 0;
      const km =
        point && r.latitude !== null && r.longitude !== null
          ? distanceKm(r.latitude, r.longitude, clinic?.latitude as number, clinic?.longitude as number)
          : 1e9;
      update.run(rank, km, r.id);
    }
  })();
}

export interface LikeAnswer {
  total: number;
  /** employee ids of the page, in order */
  page: string[];
}

export function likeSearch(db: Db, input: DoctorSearchQuery): LikeAnswer | null {
  const parsed = DoctorSearchQuerySchema.safeParse(input);
  if (!parsed.success) return null;
  const q = parsed.data;
  const synced = db.prepare('SELECT max(synced_at) AS at FROM dir_sync_state').get() as { at: string | null };
  if (synced.at === null) return null;
  const allowed = specialitiesForAge(q.age).filter((s) => !q.speciality || s === q.speciality);
  if (allowed.length === 0) return { total: 0, page: [] };

  const where: string[] = [`speciality IN (${allowed.map(() => '?').join(', ')})`];
  const args: unknown[] = [...allowed];
  if (q.text !== undefined && q.text.trim() !== '') {
    const tokens = searchTokens(q.text);
    if (tokens.length === 0) return { total: 0, page: [] };
    for (const t of tokens) {
      // a word of the name starts with it (folded names are words separated by single spaces)
      where.push(`(' ' || name_norm) LIKE ?`);
      args.push(`% ${t}%`);
    }
  }
  if (q.oblast) {
    where.push('area_norm = ?');
    args.push(foldArea(q.oblast));
  }
  if (q.settlement) {
    where.push('settlement_norm = ?');
    args.push(foldSettlement(q.settlement));
  }
  if (q.divisionId) {
    where.push('division_id = ?');
    args.push(q.divisionId);
  }
  if (q.legalEntityId) {
    where.push('legal_entity_id = ?');
    args.push(q.legalEntityId);
  }
  if (!q.includeFull) where.push('(free_places IS NULL OR free_places > 0)');
  const whereSql = where.join(' AND ');
  // a name alone: read the table straight through. Left to itself the planner walks the index on
  // speciality and fetches every row at random — several times slower, an unfair baseline. With a
  // place or clinic filter the planner's index on it is the plain choice.
  const placed = Boolean(q.oblast || q.settlement || q.divisionId || q.legalEntityId);
  const from = q.text?.trim() && !placed ? 'dir_doctors NOT INDEXED' : 'dir_doctors';
  const total = (
    db.prepare(`SELECT count(*) AS n FROM ${from} WHERE ${whereSql}`).get(...args) as { n: number }
  ).n;
  const ids = db
    .prepare(
      `SELECT rowid FROM ${from} WHERE ${whereSql}
       ORDER BY clinic_rank DESC, clinic_distance_km ASC, sort_key ASC, employee_id ASC LIMIT ? OFFSET ?`,
    )
    .pluck()
    .all(...args, q.pageSize, (q.page - 1) * q.pageSize) as number[];
  const read = db.prepare('SELECT * FROM dir_doctors WHERE rowid = ?');
  const page = ids.map((id) => (read.get(id) as { employee_id: string }).employee_id);
  return { total, page };
}
