import Database from 'better-sqlite3';
import type { Db } from './database';
import { forgetStatements } from './sql';

/**
 * Makes every write statement whose SQL matches `pattern` fail as SQLite does when the disk is full
 * (SqliteError SQLITE_FULL), so a test can put a full disk at exactly one step of a multi-step
 * change. Returns the function that ends the fault. Statements the query layer cached before are
 * forgotten at both ends, so the fault reaches every statement prepared while it lasts and none after.
 */
export function failWritesLike(db: Db, pattern: RegExp): () => void {
  const original = db.prepare;
  forgetStatements(db);
  const full = () => new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
  db.prepare = function prepare(this: Db, sql: string) {
    const statement = original.call(this, sql);
    if (!pattern.test(sql)) return statement;
    return new Proxy(statement, {
      get(target, prop) {
        if (prop === 'run')
          return () => {
            throw full();
          };
        // read from the statement itself: its native getters (busy, reader) refuse a proxy as receiver
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  } as Db['prepare'];
  return () => {
    db.prepare = original;
    forgetStatements(db);
  };
}
