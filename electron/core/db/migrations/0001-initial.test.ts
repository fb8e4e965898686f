import { describe, expect, it } from 'vitest';
import { openDatabase } from '../database';
import { m0001Initial } from './0001-initial';

describe('migration 0001 initial', () => {
  it('creates settings and an audit log that refuses updates and deletes', () => {
    const db = openDatabase(':memory:', [m0001Initial]);
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('language', '\"uk\"', 'now')").run();
    db.prepare(
      "INSERT INTO audit_log (at, actor, action, prev_hash, hash) VALUES ('t', 'kiosk', 'boot', '0', 'h1')",
    ).run();
    expect(() => db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() =>
      db
        .prepare("INSERT INTO settings (key, value, encrypted, updated_at) VALUES ('k', 'v', 7, 'now')")
        .run(),
    ).toThrow();
    db.close();
  });
});
