import type { Migration } from '../database';

/**
 * The doctor directory leaves the kiosk database: it is a replica of eHealth, now kept in files of
 * its own (`<data dir>/directory/gen-<n>.db`, see core/directory/generation.ts) so that a sync can
 * build the next one in a worker thread beside the one in use. The tables of migrations 0004 and
 * 0005 are dropped; the kiosk's schedule replicates the directory in full at its next start (the
 * status shows no sync until then). The clinic setting stays in `settings`.
 */
export const m0009DirectoryFiles: Migration = {
  version: 9,
  name: 'directory-files',
  up(db) {
    db.exec(`
      DROP TABLE IF EXISTS dir_doctors_fts;
      DROP TABLE IF EXISTS dir_doctors;
      DROP TABLE IF EXISTS dir_legal_entities;
      DROP TABLE IF EXISTS dir_divisions;
      DROP TABLE IF EXISTS dir_healthcare_services;
      DROP TABLE IF EXISTS dir_parties;
      DROP TABLE IF EXISTS dir_employees;
      DROP TABLE IF EXISTS dir_employee_roles;
      DROP TABLE IF EXISTS dir_declaration_limits;
      DROP TABLE IF EXISTS dir_sync_state;
    `);
  },
};
