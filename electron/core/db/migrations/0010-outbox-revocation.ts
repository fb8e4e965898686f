import type { Migration } from '../database';

/**
 * A signed act queued while its signer's certificate status could not be learnt by OCSP is marked
 * `revocation_check = 'pending'`: the delivery worker asks again before it sends it, and a revoked
 * certificate ends the act as rejected (with the reason) instead of delivering it.
 */
export const m0010OutboxRevocation: Migration = {
  version: 10,
  name: 'outbox-revocation',
  up(db) {
    db.exec(`
      ALTER TABLE outbox_operations ADD COLUMN revocation_check TEXT
        CHECK (revocation_check IS NULL OR revocation_check = 'pending');
    `);
  },
};
