/**
 * Disk-full episodes of the soak: SQLite answers SQLITE_FULL to the writes it could not make on a
 * full disk. (An injected failure rather than a full file system: the soak runs on any machine.)
 */
import Database from 'better-sqlite3';

/**
 * A full disk for every better-sqlite3 connection in this process, while `full()` says so: a
 * statement that would change the database fails with SQLITE_FULL and changes nothing (it runs in
 * a savepoint that is rolled back); one that changes nothing (a DELETE that finds no row) still
 * succeeds, as it does on a full disk. DDL fails outright. Returns what puts SQLite back.
 */
export function failWritesWhen(full: () => boolean): () => void {
  const probe = new Database(':memory:');
  const statement = Object.getPrototypeOf(probe.prepare('SELECT 1')) as {
    run: (...a: unknown[]) => Database.RunResult;
  };
  probe.close();
  const diskFull = () => new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
  const run = statement.run;
  const exec = Database.prototype.exec;
  const control = /^\s*(begin|commit|end|rollback|savepoint|release)\b/i;
  statement.run = function (
    this: { reader: boolean; source: string; database: Database.Database },
    ...args: unknown[]
  ) {
    // transactions themselves (better-sqlite3 runs BEGIN/COMMIT as statements) write nothing
    if (!full() || this.reader || control.test(this.source)) return run.apply(this, args);
    const db = this.database;
    exec.call(db, 'SAVEPOINT soak_disk_full');
    let result: Database.RunResult;
    try {
      result = run.apply(this, args);
    } catch (e) {
      exec.call(db, 'ROLLBACK TO soak_disk_full; RELEASE soak_disk_full');
      throw e;
    }
    if (result.changes > 0) {
      exec.call(db, 'ROLLBACK TO soak_disk_full; RELEASE soak_disk_full');
      throw diskFull();
    }
    exec.call(db, 'RELEASE soak_disk_full');
    return result;
  };
  Database.prototype.exec = function (this: Database.Database, sql: string) {
    if (full() && !/^\s*(select|pragma)\b/i.test(sql)) throw diskFull();
    return exec.call(this, sql);
  };
  return () => {
    statement.run = run;
    Database.prototype.exec = exec;
  };
}
