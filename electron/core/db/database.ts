import Database from 'better-sqlite3';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

/** A numbered schema step. `up` runs inside a transaction together with the user_version bump. */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(`database schema version ${found} is newer than this program knows (${known}); refusing to open`);
    this.name = 'SchemaTooNewError';
  }
}

export interface OpenOptions {
  /** Durability we ship: FULL fsyncs the WAL on every commit (nothing a patient signed may be lost). */
  synchronous?: 'FULL' | 'NORMAL';
  readonly?: boolean;
}

export function checkMigrations(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`migration #${i} has version ${m.version}; versions must be 1, 2, 3, … without gaps`);
    }
  });
}

/** Applies pending migrations in order; each one and its version bump form one transaction. */
export function migrate(db: Db, migrations: readonly Migration[], upTo = migrations.length): number {
  checkMigrations(migrations);
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) throw new SchemaTooNewError(current, migrations.length);
  for (const m of migrations.slice(current, upTo)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}

/** The files SQLite keeps for a database: the file itself, its WAL, shared memory and rollback journal. */
export const sqliteFiles = (file: string): string[] => [
  file,
  `${file}-wal`,
  `${file}-shm`,
  `${file}-journal`,
];

/**
 * Database files are readable by the kiosk user only (0600). SQLite gives the -wal, -shm and
 * -journal files it creates the mode of the database file, so a new database is created 0600
 * before SQLite opens it, and files left by an older version with a wider mode are tightened.
 * (Windows has no such modes: there the data directory's ACL inherited from the user profile applies.)
 */
function ownerOnly(file: string, create: boolean): void {
  if (file === ':memory:' || process.platform === 'win32') return;
  if (create) closeSync(openSync(file, 'a', 0o600));
  for (const f of sqliteFiles(file)) {
    try {
      chmodSync(f, 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
}

/**
 * Opens (creating if needed) a database file with WAL, foreign keys and the given migrations
 * applied; owner-only files (see `ownerOnly`) and `secure_delete`, so deleted rows (purged
 * payloads, dropped tokens) are overwritten in the file rather than left in free pages.
 */
export function openDatabase(file: string, migrations: readonly Migration[], opts: OpenOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  if (!opts.readonly) ownerOnly(file, true);
  const db = new Database(file, { readonly: opts.readonly ?? false });
  try {
    db.pragma('busy_timeout = 5000');
    if (!opts.readonly) {
      db.pragma('secure_delete = ON');
      if (file !== ':memory:') db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${opts.synchronous ?? 'FULL'}`);
      // the WAL and shared-memory files exist now: make sure an older, wider mode does not survive
      ownerOnly(file, false);
    }
    db.pragma('foreign_keys = ON');
    if (opts.readonly) {
      const current = db.pragma('user_version', { simple: true }) as number;
      if (current > migrations.length) throw new SchemaTooNewError(current, migrations.length);
    } else {
      migrate(db, migrations);
    }
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
