import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, SchemaTooNewError, sqliteFiles, type Migration } from './database';
import { openKioskDatabase } from './kiosk-db';

const dirs: string[] = [];
const tempFile = () => {
  const d = mkdtempSync(join(tmpdir(), 'kiosk-db-'));
  dirs.push(d);
  return join(d, 'test.db');
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const m1: Migration = { version: 1, name: 'one', up: (db) => db.exec('CREATE TABLE a (x INTEGER)') };
const m2: Migration = { version: 2, name: 'two', up: (db) => db.exec('ALTER TABLE a ADD COLUMN y TEXT') };

describe('openDatabase', () => {
  it('uses WAL, FULL sync and foreign keys, and applies migrations in order', () => {
    const db = openDatabase(tempFile(), [m1, m2]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.prepare('INSERT INTO a (x, y) VALUES (1, ?)').run('z');
    db.close();
  });

  it('refuses to open a schema newer than it knows, and leaves it untouched', () => {
    const file = tempFile();
    openDatabase(file, [m1, m2]).close();
    expect(() => openDatabase(file, [m1])).toThrow(SchemaTooNewError);
    const again = openDatabase(file, [m1, m2]);
    expect(again.pragma('user_version', { simple: true })).toBe(2);
    again.close();
  });

  it('rolls a failing migration back together with its version bump', () => {
    const file = tempFile();
    const bad: Migration = {
      version: 2,
      name: 'bad',
      up: (db) => {
        db.exec('CREATE TABLE b (x INTEGER)');
        throw new Error('boom');
      },
    };
    expect(() => openDatabase(file, [m1, bad])).toThrow('boom');
    const db = openDatabase(file, [m1]);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'b'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('rejects gaps in migration numbering', () => {
    const db = openDatabase(':memory:', []);
    expect(() => migrate(db, [m2])).toThrow(/without gaps/);
    db.close();
  });
});

describe('database files at rest', () => {
  const modeOf = (f: string) => statSync(f).mode & 0o777;

  it.runIf(process.platform !== 'win32')(
    'creates kiosk.db and its WAL and shared-memory files readable by the kiosk user only, with secure_delete',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'kiosk-db-mode-'));
      dirs.push(dir);
      const previous = process.umask(0o022);
      try {
        const db = openKioskDatabase(dir);
        db.exec("INSERT INTO settings (key, value, updated_at) VALUES ('k', 'v', 'now')");
        expect(db.pragma('secure_delete', { simple: true })).toBe(1);
        const file = join(dir, 'kiosk.db');
        const present = sqliteFiles(file).filter((f) => existsSync(f));
        expect(present).toEqual(expect.arrayContaining([file, `${file}-wal`, `${file}-shm`]));
        for (const f of present) expect(modeOf(f).toString(8)).toBe('600');
        db.close();
      } finally {
        process.umask(previous);
      }
    },
  );

  it.runIf(process.platform !== 'win32')('tightens files an older version left world-readable', () => {
    const file = tempFile();
    openDatabase(file, [m1]).close();
    writeFileSync(`${file}-journal`, '');
    for (const f of [file, `${file}-journal`]) chmodSync(f, 0o644);
    const db = openDatabase(file, [m1, m2]);
    for (const f of sqliteFiles(file).filter((x) => existsSync(x))) expect(modeOf(f).toString(8)).toBe('600');
    db.close();
  });
});
