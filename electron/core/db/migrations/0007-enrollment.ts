import type { Migration } from '../database';

/**
 * The kiosk's enrolment code (one row at most): issued by the ops CLI on the machine, stored only as
 * a scrypt hash with its salt and cost, valid until `expires_at`, consumed once by the first
 * registrar's setup (`used_at`). Without an open code nobody can become the first registrar.
 */
export const m0007Enrollment: Migration = {
  version: 7,
  name: 'enrollment',
  up(db) {
    db.exec(`
      CREATE TABLE registrar_enrollment (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        code_salt BLOB NOT NULL CHECK (length(code_salt) >= 16),
        code_hash BLOB NOT NULL CHECK (length(code_hash) >= 32),
        code_params TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        expires_at TEXT NOT NULL CHECK (expires_at > issued_at),
        used_at TEXT
      ) STRICT;
    `);
  },
};
