import type { Migration } from '../database';

/**
 * Doctor search order without sorting at query time. "Doctors in this clinic first, then the
 * nearest" depends on the kiosk's clinic, which changes rarely: the rank and the distance are
 * computed when the directory is rebuilt or the clinic is set, and an index in that order lets a
 * search read its page directly instead of sorting a national directory (~25,000 doctors) each time.
 * `clinic_distance_km` is 1e9 when unknown (no clinic coordinates, or none for the division), so
 * unknown distances sort last in a plain ascending index.
 */
export const m0005DirectoryOrder: Migration = {
  version: 5,
  name: 'directory-order',
  up(db) {
    db.exec(`
      ALTER TABLE dir_doctors ADD COLUMN clinic_rank INTEGER NOT NULL DEFAULT 0 CHECK (clinic_rank IN (0, 1));
      ALTER TABLE dir_doctors ADD COLUMN clinic_distance_km REAL NOT NULL DEFAULT 1e9;
      CREATE INDEX dir_doctors_order ON dir_doctors (clinic_rank DESC, clinic_distance_km, sort_key, employee_id);
      CREATE INDEX dir_doctors_eligible ON dir_doctors (speciality, free_places);
    `);
  },
};
