import type { Migration } from '../database';

/**
 * Registrar accounts (a staff code and a scrypt-hashed PIN with its own salt and cost parameters)
 * and the kiosk-wide PIN lockout, which survives a restart so that pulling the plug does not reset
 * the count of wrong PINs. Staff codes are not personal data; no names are kept.
 */
export const m0006Registrar: Migration = {
  version: 6,
  name: 'registrar',
  up(db) {
    db.exec(`
      CREATE TABLE registrar_accounts (
        registrar_id TEXT PRIMARY KEY CHECK (length(registrar_id) BETWEEN 1 AND 24),
        pin_salt BLOB NOT NULL CHECK (length(pin_salt) >= 16),
        pin_hash BLOB NOT NULL CHECK (length(pin_hash) >= 32),
        pin_params TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE registrar_lockout (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
        locks INTEGER NOT NULL DEFAULT 0 CHECK (locks >= 0),
        locked_until TEXT
      ) STRICT;
      INSERT INTO registrar_lockout (id, failures, locks, locked_until) VALUES (1, 0, 0, NULL);
    `);
  },
};
