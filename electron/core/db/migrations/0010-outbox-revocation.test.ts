import { describe, expect, it } from 'vitest';
import { openDatabase } from '../database';
import { kioskMigrations } from './index';
import { m0010OutboxRevocation } from './0010-outbox-revocation';

describe('migration 0010 outbox-revocation', () => {
  it('adds the pending revocation check to queued operations, keeping the queue', () => {
    const db = openDatabase(':memory:', kioskMigrations.slice(0, 9));
    db.prepare(
      `INSERT INTO outbox_operations (id, reference_code, kind, state, idempotency_key, created_at, updated_at)
       VALUES ('op-1', 'ABCD-EFGH', 'app.revoke', 'waiting-network', 'k-1', 'now', 'now')`,
    ).run();
    db.transaction(() => m0010OutboxRevocation.up(db))();
    expect(db.prepare('SELECT id, state, revocation_check FROM outbox_operations').all()).toEqual([
      { id: 'op-1', state: 'waiting-network', revocation_check: null },
    ]);
    db.prepare("UPDATE outbox_operations SET revocation_check = 'pending'").run();
    expect(() => db.prepare("UPDATE outbox_operations SET revocation_check = 'maybe'").run()).toThrow(
      /CHECK/,
    );
    db.close();
  });

  it('is the tenth kiosk migration', () => {
    expect(kioskMigrations[9]).toBe(m0010OutboxRevocation);
  });
});
