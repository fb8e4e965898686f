import { describe, expect, it } from 'vitest';
import { openDatabase } from '../database';
import { kioskMigrations } from './index';
import { m0007Enrollment } from './0007-enrollment';

describe('migration 0007 enrollment', () => {
  it('adds a single-row enrolment table on top of 0006, keeping registrar accounts', () => {
    const db = openDatabase(':memory:', kioskMigrations.slice(0, 6));
    db.prepare(
      `INSERT INTO registrar_accounts (registrar_id, pin_salt, pin_hash, pin_params, created_at, updated_at)
       VALUES ('R-01', ?, ?, '{}', 'now', 'now')`,
    ).run(Buffer.alloc(16), Buffer.alloc(32));
    db.transaction(() => m0007Enrollment.up(db))();

    const insert = db.prepare(
      `INSERT INTO registrar_enrollment (id, code_salt, code_hash, code_params, issued_at, expires_at)
       VALUES (?, ?, ?, '{}', ?, ?)`,
    );
    insert.run(1, Buffer.alloc(16), Buffer.alloc(32), '2026-03-01T09:00:00Z', '2026-03-02T09:00:00Z');
    expect(() =>
      insert.run(2, Buffer.alloc(16), Buffer.alloc(32), '2026-03-01T09:00:00Z', '2026-03-02T09:00:00Z'),
    ).toThrow(/CHECK/);
    db.prepare('DELETE FROM registrar_enrollment').run();
    expect(() =>
      insert.run(1, Buffer.alloc(16), Buffer.alloc(32), '2026-03-02T09:00:00Z', '2026-03-01T09:00:00Z'),
    ).toThrow(/CHECK/);
    expect(() =>
      insert.run(1, Buffer.alloc(4), Buffer.alloc(32), '2026-03-01T09:00:00Z', '2026-03-02T09:00:00Z'),
    ).toThrow(/CHECK/);
    expect(db.prepare('SELECT registrar_id FROM registrar_accounts').all()).toEqual([
      { registrar_id: 'R-01' },
    ]);
    db.close();
  });

  it('is the seventh kiosk migration', () => {
    expect(kioskMigrations[6]).toBe(m0007Enrollment);
  });
});
