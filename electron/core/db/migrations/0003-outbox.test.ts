import { describe, expect, it } from 'vitest';
import { openDatabase } from '../database';
import { m0001Initial } from './0001-initial';
import { m0002KeyLockouts } from './0002-key-lockouts';
import { m0003Outbox } from './0003-outbox';

const insert = (
  db: ReturnType<typeof openDatabase>,
  id: string,
  state: string,
  payload: Buffer | null,
  patient: string | null,
) =>
  db
    .prepare(
      `INSERT INTO outbox_operations (id, reference_code, kind, state, patient_key, idempotency_key, payload, created_at, updated_at)
       VALUES (?, ?, 'app.revoke', ?, ?, ?, ?, 't', 't')`,
    )
    .run(id, `R-${id}`, state, patient, `k-${id}`, payload);

describe('migration 0003 outbox', () => {
  it('adds the outbox on top of 0002, keeps data, and enforces states and purged receipts', () => {
    const db = openDatabase(':memory:', [m0001Initial, m0002KeyLockouts]);
    db.prepare("INSERT INTO key_lockouts (key_fingerprint, failures) VALUES ('f', 1)").run();
    db.transaction(() => m0003Outbox.up(db))();
    expect(db.prepare('SELECT failures FROM key_lockouts').get()).toEqual({ failures: 1 });

    insert(db, 'a', 'captured', Buffer.from([1]), 'p1');
    insert(db, 'b', 'done', null, null);
    expect(() => insert(db, 'c', 'lost', null, null)).toThrow(/CHECK/);
    // a finished operation may not keep personal data
    expect(() => insert(db, 'd', 'done', Buffer.from([1]), null)).toThrow(/CHECK/);
    expect(() => insert(db, 'e', 'done', null, 'p1')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE outbox_operations SET state = 'done' WHERE id = 'a'").run()).toThrow(
      /CHECK/,
    );
    // reference codes and idempotency keys are unique; the order is the insertion order
    expect(() => insert(db, 'a', 'captured', null, 'p1')).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT id FROM outbox_operations ORDER BY seq').all()).toEqual([
      { id: 'a' },
      { id: 'b' },
    ]);
    expect(() =>
      db
        .prepare("INSERT INTO outbox_worker_lease (id, owner, pid, heartbeat_at) VALUES (2, 'o', 1, 't')")
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
