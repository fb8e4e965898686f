import { describe, expect, it } from 'vitest';
import { openDatabase } from '../database';
import { m0001Initial } from './0001-initial';
import { m0002KeyLockouts } from './0002-key-lockouts';
import { m0003Outbox } from './0003-outbox';
import { m0004Directory } from './0004-directory';

describe('migration 0004 directory', () => {
  it('adds directory tables and an FTS5 index over dir_doctors, keeping earlier data', () => {
    const db = openDatabase(':memory:', [m0001Initial, m0002KeyLockouts, m0003Outbox]);
    db.prepare(
      "INSERT INTO outbox_operations (id, reference_code, kind, state, idempotency_key, created_at, updated_at) VALUES ('o', 'R', 'k', 'expired', 'i', 't', 't')",
    ).run();
    db.transaction(() => m0004Directory.up(db))();
    expect(db.prepare('SELECT count(*) AS n FROM outbox_operations').get()).toEqual({ n: 1 });

    const add = db.prepare(
      `INSERT INTO dir_doctors (employee_id, party_id, full_name, name_norm, sort_key, speciality, division_id, legal_entity_id)
       VALUES (?, 'p', ?, ?, ?, ?, 'd', 'l')`,
    );
    add.run('e1', 'Коваленко Ірина', 'коваленко ірина', 'коваленко ірина', 'FAMILY_DOCTOR');
    add.run('e2', 'Шевченко Петро', 'шевченко петро', 'шевченко петро', 'THERAPIST');
    expect(() => add.run('e3', 'X', 'x', 'x', 'SURGEON')).toThrow(/CHECK/);
    db.exec("INSERT INTO dir_doctors_fts (dir_doctors_fts) VALUES ('rebuild')");
    const hits = db
      .prepare(
        `SELECT d.employee_id FROM dir_doctors_fts f JOIN dir_doctors d ON d.rowid = f.rowid WHERE dir_doctors_fts MATCH ?`,
      )
      .all('"шев"*');
    expect(hits).toEqual([{ employee_id: 'e2' }]);
    expect(() =>
      db
        .prepare("INSERT INTO dir_sync_state (entity, synced_at, mode, rows) VALUES ('x', 't', 'partial', 1)")
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
