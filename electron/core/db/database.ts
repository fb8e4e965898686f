import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
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

/** Opens (creating if needed) a database file with WAL, foreign keys and the given migrations applied. */
export function openDatabase(file: string, migrations: readonly Migration[], opts: OpenOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file, { readonly: opts.readonly ?? false });
  try {
    db.pragma('busy_timeout = 5000');
    if (!opts.readonly) {
      if (file !== ':memory:') db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${opts.synchronous ?? 'FULL'}`);
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
