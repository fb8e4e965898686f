import Database from 'better-sqlite3';
import type { Db } from './database';

/**
 * Makes every write statement whose SQL matches `pattern` fail as SQLite does when the disk is full
 * (SqliteError SQLITE_FULL), so a test can put a full disk at exactly one step of a multi-step
 * change. Returns the function that ends the fault.
 */
export function failWritesLike(db: Db, pattern: RegExp): () => void {
  const original = db.prepare;
  const full = () => new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
  db.prepare = function prepare(this: Db, sql: string) {
    const statement = original.call(this, sql);
    if (!pattern.test(sql)) return statement;
    return new Proxy(statement, {
      get(target, prop, receiver) {
        if (prop === 'run')
          return () => {
            throw full();
          };
        const value = Reflect.get(target, prop, receiver) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  } as Db['prepare'];
  return () => {
    db.prepare = original;
  };
}
