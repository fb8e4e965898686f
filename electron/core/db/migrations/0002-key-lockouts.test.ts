import { describe, expect, it } from 'vitest';
import { openDatabase } from '../database';
import { m0001Initial } from './0001-initial';
import { m0002KeyLockouts } from './0002-key-lockouts';

describe('migration 0002 key-lockouts', () => {
  it('adds key_lockouts on top of 0001 and keeps existing data', () => {
    const db = openDatabase(':memory:', [m0001Initial]);
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('language', '\"en\"', 'now')").run();
    db.transaction(() => m0002KeyLockouts.up(db))();
    db.prepare("INSERT INTO key_lockouts (key_fingerprint, failures) VALUES ('f', 5)").run();
    expect(() =>
      db.prepare("INSERT INTO key_lockouts (key_fingerprint, failures) VALUES ('g', -1)").run(),
    ).toThrow();
    expect(db.prepare('SELECT value FROM settings').get()).toEqual({ value: '"en"' });
    db.close();
  });
});
