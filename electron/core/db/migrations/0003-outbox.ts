import type { Migration } from '../database';

/**
 * The durable outbox: every mutating eHealth call is a row here before its first send.
 * `seq` is the delivery order (per patient); payloads and tokens are AES-GCM sealed blobs.
 * A finished operation keeps only its receipt (kind, times, state, eHealth id, reference code):
 * the CHECKs make "done but still holding personal data" impossible to store.
 */
export const m0003Outbox: Migration = {
  version: 3,
  name: 'outbox',
  up(db) {
    db.exec(`
      CREATE TABLE outbox_operations (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        reference_code TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN
          ('captured', 'waiting-network', 'sending', 'done', 'rejected', 'needs-patient', 'expired')),
        held INTEGER NOT NULL DEFAULT 0 CHECK (held IN (0, 1)),
        patient_key TEXT,
        flow_id TEXT,
        depends_on TEXT,
        idempotency_key TEXT NOT NULL UNIQUE,
        payload BLOB,
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at TEXT,
        last_error_kind TEXT,
        error TEXT,
        ehealth_id TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        expires_at TEXT,
        completed_at TEXT,
        purged_at TEXT,
        discarded_at TEXT,
        CHECK (state <> 'done' OR (payload IS NULL AND patient_key IS NULL))
      ) STRICT;

      CREATE INDEX outbox_operations_pending ON outbox_operations (state, next_attempt_at)
        WHERE state IN ('captured', 'waiting-network', 'sending');
      CREATE INDEX outbox_operations_patient ON outbox_operations (patient_key, seq)
        WHERE patient_key IS NOT NULL;
      CREATE INDEX outbox_operations_flow ON outbox_operations (flow_id) WHERE flow_id IS NOT NULL;

      CREATE TABLE outbox_credentials (
        patient_key TEXT PRIMARY KEY,
        tokens BLOB NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE outbox_worker_lease (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        owner TEXT NOT NULL,
        pid INTEGER NOT NULL,
        heartbeat_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
