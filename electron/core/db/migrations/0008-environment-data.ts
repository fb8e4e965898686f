import type { Migration } from '../database';

/**
 * Training and the real eHealth environments keep their data apart: every outbox operation and
 * every audit entry names the environment it was made in. The kiosk runs in one environment at a
 * time and its outbox sees (and its worker delivers) only that environment's operations, so nothing
 * made in training can reach production or the reverse.
 *
 * Operations already queued belong to the environment the kiosk is set to now (the only one they can
 * have been made in since the last switch: a switch waits for the outbox to settle). Audit entries are
 * append-only: earlier ones keep no environment (null).
 */
export const m0008EnvironmentData: Migration = {
  version: 8,
  name: 'environment-data',
  up(db) {
    db.exec(`
      ALTER TABLE outbox_operations ADD COLUMN environment TEXT NOT NULL DEFAULT 'training'
        CHECK (environment IN ('training', 'demo', 'preprod', 'prod'));
      UPDATE outbox_operations SET environment = coalesce(
        (SELECT json_extract(value, '$') FROM settings
          WHERE key = 'environment' AND encrypted = 0 AND json_valid(value)
            AND json_extract(value, '$') IN ('training', 'demo', 'preprod', 'prod')),
        'training');
      CREATE INDEX outbox_operations_environment ON outbox_operations (environment, state, seq);

      ALTER TABLE audit_log ADD COLUMN environment TEXT
        CHECK (environment IS NULL OR environment IN ('training', 'demo', 'preprod', 'prod'));
    `);
  },
};
