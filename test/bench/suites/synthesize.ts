/**
 * Larger directories for the search benchmark, made locally from a synced one: every added doctor
 * copies a real row (division, place, speciality, limits) under a new id with a different name —
 * surname from one doctor, first name and patronymic from another of the same gender — so that
 * name frequencies stay realistic. Deterministic for a given seed and source directory.
 */
import type { Db } from '../../../electron/core/db/database';
import { foldText, ukrainianSortKey } from '../../../electron/core/directory/normalize';
import { Prng } from '../lib/prng';

type DoctorRow = Record<string, unknown> & { employee_id: string; party_id: string; full_name: string };

/** Copies the database into a new file (compact, consistent, without the WAL). */
export function copyDatabase(db: Db, file: string): void {
  db.prepare('VACUUM INTO ?').run(file);
}

/** Adds synthetic doctors until the directory holds `target`; returns how many were added. */
export function growDirectory(db: Db, target: number, seed: number): number {
  const rows = db.prepare('SELECT * FROM dir_doctors ORDER BY employee_id').all() as DoctorRow[];
  const missing = target - rows.length;
  if (missing <= 0) return 0;
  if (rows.length === 0) throw new Error('the directory is empty: nothing to grow from');
  const rnd = new Prng(seed);
  // patronymics tell the gender: -ич (men), -на (women)
  const male = rows.filter((r) => /ич$/u.test(r.full_name));
  const female = rows.filter((r) => !/ич$/u.test(r.full_name));
  const columns = Object.keys(rows[0] as DoctorRow);
  const insert = db.prepare(
    `INSERT INTO dir_doctors (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  );
  const generation = (
    db.prepare("SELECT count(*) AS n FROM dir_doctors WHERE employee_id LIKE '%~%'").get() as {
      n: number;
    }
  ).n;
  // bulk load: the table's indexes are dropped and built again afterwards (same definitions)
  const indexes = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'dir_doctors' AND sql IS NOT NULL",
    )
    .all() as { name: string; sql: string }[];
  db.transaction(() => {
    for (const ix of indexes) db.exec(`DROP INDEX "${ix.name.replace(/"/g, '""')}"`);
    for (let i = 0; i < missing; i++) {
      const base = rows[i % rows.length] as DoctorRow;
      const pool = /ич$/u.test(base.full_name) ? male : female;
      const surnameDonor = rnd.pick(pool.length ? pool : rows).full_name.split(' ');
      const nameDonor = rnd.pick(pool.length ? pool : rows).full_name.split(' ');
      const fullName = [surnameDonor[0], nameDonor[1], nameDonor[2]].filter(Boolean).join(' ');
      const copy = generation + i + 1;
      // everything else (division, place, clinic rank and distance, limits) is the copied doctor's
      insert.run({
        ...base,
        employee_id: `${base.employee_id}~${copy}`,
        party_id: `${base.party_id}~${copy}`,
        full_name: fullName,
        name_norm: foldText(fullName),
        sort_key: ukrainianSortKey(fullName),
      });
    }
    for (const ix of indexes) db.exec(ix.sql);
    db.exec("INSERT INTO dir_doctors_fts (dir_doctors_fts) VALUES ('rebuild')");
  })();
  return missing;
}
