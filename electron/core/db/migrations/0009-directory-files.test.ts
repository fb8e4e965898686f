import { describe, expect, it } from 'vitest';
import { openDatabase } from '../database';
import { kioskMigrations } from './index';
import { m0009DirectoryFiles } from './0009-directory-files';

describe('migration 0009 directory-files', () => {
  it('drops the directory tables (and their search index) and keeps everything else', () => {
    const before = kioskMigrations.slice(0, 8);
    const db = openDatabase(':memory:', before);
    db.prepare(
      `INSERT INTO dir_doctors (employee_id, party_id, full_name, name_norm, sort_key, speciality, division_id, legal_entity_id)
       VALUES ('e1', 'p', 'А', 'а', 'a', 'THERAPIST', 'd', 'l')`,
    ).run();
    db.exec("INSERT INTO dir_doctors_fts (dir_doctors_fts) VALUES ('rebuild')");
    db.prepare(
      "INSERT INTO settings (key, value, encrypted, updated_at) VALUES ('directory.clinic', '{}', 0, 'now')",
    ).run();
    const tables = () =>
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]).sort();
    expect(tables().filter((t) => t.startsWith('dir_')).length).toBeGreaterThan(8);
    db.transaction(() => m0009DirectoryFiles.up(db))();
    expect(tables().filter((t) => t.startsWith('dir_'))).toEqual([]);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'directory.clinic'").pluck().get()).toBe('{}');
    expect(tables()).toEqual(expect.arrayContaining(['settings', 'outbox_operations']));
    db.close();
  });
});
