import { describe, expect, it } from 'vitest';
import { openDatabase } from '../database';
import { kioskMigrations } from './index';
import { m0006Registrar } from './0006-registrar';

describe('migration 0006 registrar', () => {
  it('adds registrar accounts and a single lockout row on top of 0005, keeping existing data', () => {
    const before = kioskMigrations.slice(0, 5);
    const db = openDatabase(':memory:', before);
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('language', '\"en\"', 'now')").run();
    db.transaction(() => m0006Registrar.up(db))();

    expect(db.prepare('SELECT failures, locks, locked_until FROM registrar_lockout').all()).toEqual([
      { failures: 0, locks: 0, locked_until: null },
    ]);
    expect(() => db.prepare('INSERT INTO registrar_lockout (id) VALUES (2)').run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE registrar_lockout SET failures = -1').run()).toThrow(/CHECK/);

    const insert = db.prepare(
      `INSERT INTO registrar_accounts (registrar_id, pin_salt, pin_hash, pin_params, created_at, updated_at)
       VALUES (?, ?, ?, '{}', 'now', 'now')`,
    );
    insert.run('R-01', Buffer.alloc(16), Buffer.alloc(32));
    expect(() => insert.run('R-01', Buffer.alloc(16), Buffer.alloc(32))).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run('R-02', Buffer.alloc(4), Buffer.alloc(32))).toThrow(/CHECK/);
    expect(() => insert.run('', Buffer.alloc(16), Buffer.alloc(32))).toThrow(/CHECK/);
    expect(db.prepare('SELECT value FROM settings').get()).toEqual({ value: '"en"' });
    db.close();
  });

  it('is the sixth kiosk migration', () => {
    expect(kioskMigrations[5]).toBe(m0006Registrar);
  });
});
