/**
 * Larger directories for the search benchmark, made locally from a synced generation: every added doctor
 * copies a real row (division, place, speciality, limits) under a new id with a different name —
 * surname from one doctor, first name and patronymic from another of the same gender — so that
 * name frequencies stay realistic. Deterministic for a given seed and source directory.
 */
import type { Db } from '../../../electron/core/db/database';
import { DOCTORS_COLUMNS } from '../../../electron/core/directory/generation';
import { foldText, ukrainianSortKey } from '../../../electron/core/directory/normalize';
import { writeDoctors, type DoctorRow as KioskDoctorRow } from '../../../electron/core/directory/replica';
import { Prng } from '../lib/prng';

type DoctorRow = KioskDoctorRow & { employee_id: string; party_id: string; full_name: string };

/**
 * Adds synthetic doctors until the directory generation `db` holds `target`; returns how many
 * were added. The kiosk's own writer stores them (name order, search index).
 */
export function growDirectory(db: Db, target: number, seed: number): number {
  const rows = db
    .prepare(`SELECT ${DOCTORS_COLUMNS.join(', ')} FROM dir_doctors ORDER BY employee_id`)
    .all() as DoctorRow[];
  const missing = target - rows.length;
  if (missing <= 0) return 0;
  if (rows.length === 0) throw new Error('the directory is empty: nothing to grow from');
  const rnd = new Prng(seed);
  // patronymics tell the gender: -ич (men), -на (women)
  const male = rows.filter((r) => /ич$/u.test(r.full_name));
  const female = rows.filter((r) => !/ич$/u.test(r.full_name));
  const generation = rows.filter((r) => r.employee_id.includes('~')).length;
  const added: DoctorRow[] = [];
  for (let i = 0; i < missing; i++) {
    const base = rows[i % rows.length] as DoctorRow;
    const pool = /ич$/u.test(base.full_name) ? male : female;
    const surnameDonor = rnd.pick(pool.length ? pool : rows).full_name.split(' ');
    const nameDonor = rnd.pick(pool.length ? pool : rows).full_name.split(' ');
    const fullName = [surnameDonor[0], nameDonor[1], nameDonor[2]].filter(Boolean).join(' ');
    const copy = generation + i + 1;
    // everything else (division, place, limits) is the copied doctor's
    added.push({
      ...base,
      employee_id: `${base.employee_id}~${copy}`,
      party_id: `${base.party_id}~${copy}`,
      full_name: fullName,
      name_norm: foldText(fullName),
      sort_key: ukrainianSortKey(fullName),
    });
  }
  writeDoctors(db, [...rows, ...added]);
  return missing;
}
