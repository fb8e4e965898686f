import { describe, expect, it } from 'vitest';
import { openDatabase } from '../database';
import { kioskMigrations } from './index';
import { m0008EnvironmentData } from './0008-environment-data';

const insertOperation = (db: ReturnType<typeof openDatabase>, id: string) =>
  db
    .prepare(
      `INSERT INTO outbox_operations (id, reference_code, kind, state, idempotency_key, created_at, updated_at)
       VALUES (?, ?, 'app.revoke', 'captured', ?, 'now', 'now')`,
    )
    .run(id, `REF-${id}`, `idem-${id}`);

describe('migration 0008 environment data', () => {
  it('stamps queued operations with the environment the kiosk is set to, and audit entries stay as they were', () => {
    const db = openDatabase(':memory:', kioskMigrations.slice(0, 7));
    db.prepare(
      `INSERT INTO settings (key, value, encrypted, updated_at) VALUES ('environment', '"prod"', 0, 'now')`,
    ).run();
    insertOperation(db, 'op-1');
    db.prepare(
      `INSERT INTO audit_log (at, actor, action, prev_hash, hash) VALUES ('now', 'kiosk', 'x', '0', 'h1')`,
    ).run();
    db.transaction(() => m0008EnvironmentData.up(db))();

    expect(db.prepare('SELECT id, environment FROM outbox_operations').all()).toEqual([
      { id: 'op-1', environment: 'prod' },
    ]);
    expect(db.prepare('SELECT action, environment FROM audit_log').all()).toEqual([
      { action: 'x', environment: null },
    ]);
    expect(() =>
      db.prepare("UPDATE outbox_operations SET environment = 'staging' WHERE id = 'op-1'").run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO audit_log (at, actor, action, prev_hash, hash, environment)
           VALUES ('now', 'kiosk', 'y', 'h1', 'h2', 'staging')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('without a stored environment (a new kiosk trains), or with a damaged one, operations are training', () => {
    for (const stored of [null, 'not json', '"staging"']) {
      const db = openDatabase(':memory:', kioskMigrations.slice(0, 7));
      if (stored)
        db.prepare(
          `INSERT INTO settings (key, value, encrypted, updated_at) VALUES ('environment', ?, 0, 'now')`,
        ).run(stored);
      insertOperation(db, 'op-1');
      db.transaction(() => m0008EnvironmentData.up(db))();
      expect(db.prepare('SELECT environment FROM outbox_operations').get()).toEqual({
        environment: 'training',
      });
      db.close();
    }
  });

  it('is the eighth kiosk migration', () => {
    expect(kioskMigrations[7]).toBe(m0008EnvironmentData);
  });
});
