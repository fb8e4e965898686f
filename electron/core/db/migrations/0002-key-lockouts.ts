import type { Migration } from '../database';

/**
 * Wrong-password counting per key file. The key is identified by a salted hash of its content
 * (never its path or owner), so a lockout survives a restart but says nothing about the patient.
 */
export const m0002KeyLockouts: Migration = {
  version: 2,
  name: 'key-lockouts',
  up(db) {
    db.exec(`
      CREATE TABLE key_lockouts (
        key_fingerprint TEXT PRIMARY KEY,
        failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
        last_failure_at TEXT,
        locked_until TEXT
      ) STRICT;
    `);
  },
};
