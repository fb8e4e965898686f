/**
 * The directory lives apart from the kiosk database, one folder per eHealth environment and one file
 * per generation in it: `<data dir>/directory/<environment>/gen-<n>.db`, written whole by a sync
 * beside the one in use (`gen-<n>.db.building`), made durable, then published by one rename. The
 * newest published generation is the environment's directory; a sync killed at any point leaves only
 * a `.building` file that the next sync removes, and the previous generation untouched. A published
 * generation is never written again: an incremental sync copies it and changes the copy.
 *
 * Training and the real environments never share a directory: each generation also records the
 * environment it was synced from (`dir_meta`), and a kiosk opens only its own environment's.
 */
import Database from 'better-sqlite3';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Environment } from '#shared/contract/app';
import type { Db } from '../db';

export const DIRECTORY_FOLDER = 'directory';
/**
 * Bump when the generation schema changes: older generations are then ignored (a full sync follows).
 * 2: the generation records its environment.
 */
export const GENERATION_SCHEMA = 2;

const NAME = /^gen-(\d+)\.db$/;

export interface Generation {
  n: number;
  file: string;
}

/** Where a sync writes: the environment's folder, and the environment the generation records. */
export interface GenerationTarget {
  folder: string;
  environment: Environment;
}

/** The folder of one environment's directory generations. */
export function directoryFolder(dataDir: string, environment: Environment): string {
  return join(dataDir, DIRECTORY_FOLDER, environment);
}

/**
 * Removes generations written before the directory was kept per environment
 * (`<data dir>/directory/gen-<n>.db`): nothing says which environment they came from, so no kiosk
 * may search them; the environment's own folder fills at its next sync. Best effort.
 */
export function removeUnkeyedGenerations(dataDir: string): void {
  removeStale(join(dataDir, DIRECTORY_FOLDER), Number.POSITIVE_INFINITY);
}

/** The environment a generation was synced from (null: none recorded, or not a generation). */
export function generationEnvironment(db: Db): string | null {
  try {
    const v = db.prepare("SELECT value FROM dir_meta WHERE key = 'environment'").pluck().get();
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

/** Published generations, newest first. */
export function generations(folder: string): Generation[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .map((f) => ({ m: NAME.exec(f), f }))
    .filter((x): x is { m: RegExpExecArray; f: string } => x.m !== null)
    .map(({ m, f }) => ({ n: Number(m[1]), file: join(folder, f) }))
    .sort((a, b) => b.n - a.n);
}

/** Removes what a killed sync left behind and generations older than `keep`. Best effort. */
export function removeStale(folder: string, keep: number | null): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const f of names) {
    const m = NAME.exec(f);
    const stale =
      f.endsWith('.building') ||
      f.endsWith('.building-journal') ||
      (m && keep !== null && Number(m[1]) < keep);
    if (!stale) continue;
    try {
      rmSync(join(folder, f), { force: true });
    } catch {
      // still open elsewhere (Windows): removed on a later start
    }
  }
}

export const DOCTORS_COLUMNS = [
  'employee_id',
  'party_id',
  'full_name',
  'name_norm',
  'sort_key',
  'speciality',
  'division_id',
  'legal_entity_id',
  'division_name',
  'legal_entity_name',
  'area',
  'area_norm',
  'settlement',
  'settlement_norm',
  'address',
  'latitude',
  'longitude',
  'declarations_limit',
  'declarations_count',
  'free_places',
] as const;

/**
 * The replicated tables (as the bulk entities), the derived `dir_doctors` — one row per doctor
 * who can accept declarations, stored in name order (rowid 1, 2, … = alphabetical, see
 * doctor-index.ts) — the search index in `dir_index`, the sync record, and the generation's
 * environment in `dir_meta`.
 */
export function createGenerationSchema(db: Db, environment: Environment): void {
  db.exec(`
    CREATE TABLE dir_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
    CREATE TABLE dir_legal_entities (
      id TEXT PRIMARY KEY, name TEXT, short_name TEXT, public_name TEXT, status TEXT, type TEXT,
      is_active INTEGER, edrpou TEXT, area TEXT, settlement TEXT, address TEXT, phones TEXT, updated_at TEXT
    ) STRICT;
    CREATE TABLE dir_divisions (
      id TEXT PRIMARY KEY, legal_entity_id TEXT, name TEXT, type TEXT, status TEXT, is_active INTEGER,
      latitude REAL, longitude REAL, area TEXT, region TEXT, settlement TEXT, settlement_id TEXT,
      address TEXT, phones TEXT, email TEXT, working_hours TEXT, updated_at TEXT
    ) STRICT;
    CREATE TABLE dir_healthcare_services (
      id TEXT PRIMARY KEY, legal_entity_id TEXT, division_id TEXT, speciality_type TEXT,
      providing_condition TEXT, status TEXT, is_active INTEGER, available_time TEXT, updated_at TEXT
    ) STRICT;
    CREATE TABLE dir_parties (
      id TEXT PRIMARY KEY, first_name TEXT, last_name TEXT, second_name TEXT, gender TEXT,
      year_of_birth TEXT, specialities TEXT, educations TEXT, qualifications TEXT, about_myself TEXT,
      working_experience TEXT, verification_status TEXT, updated_at TEXT
    ) STRICT;
    CREATE TABLE dir_employees (
      id TEXT PRIMARY KEY, party_id TEXT, division_id TEXT, legal_entity_id TEXT, position TEXT,
      status TEXT, employee_type TEXT, is_active INTEGER, speciality TEXT, speciality_level TEXT,
      start_date TEXT, end_date TEXT, updated_at TEXT
    ) STRICT;
    CREATE INDEX dir_employees_party ON dir_employees (party_id);
    CREATE TABLE dir_employee_roles (
      id TEXT PRIMARY KEY, employee_id TEXT, healthcare_service_id TEXT, status TEXT,
      start_date TEXT, end_date TEXT, updated_at TEXT
    ) STRICT;
    CREATE INDEX dir_employee_roles_employee ON dir_employee_roles (employee_id);
    CREATE TABLE dir_declaration_limits (
      party_id TEXT PRIMARY KEY, declarations_limit INTEGER, declarations_count INTEGER
    ) STRICT;
    CREATE TABLE dir_doctors (
      employee_id TEXT NOT NULL UNIQUE,
      party_id TEXT NOT NULL,
      full_name TEXT NOT NULL,
      name_norm TEXT NOT NULL,
      sort_key TEXT NOT NULL,
      speciality TEXT NOT NULL CHECK (speciality IN ('FAMILY_DOCTOR', 'THERAPIST', 'PEDIATRICIAN')),
      division_id TEXT NOT NULL,
      legal_entity_id TEXT NOT NULL,
      division_name TEXT, legal_entity_name TEXT,
      area TEXT, area_norm TEXT, settlement TEXT, settlement_norm TEXT, address TEXT,
      latitude REAL, longitude REAL,
      declarations_limit INTEGER, declarations_count INTEGER, free_places INTEGER
    ) STRICT;
    CREATE INDEX dir_doctors_settlement ON dir_doctors (settlement_norm);
    CREATE INDEX dir_doctors_area ON dir_doctors (area_norm);
    CREATE TABLE dir_index (part TEXT PRIMARY KEY, data BLOB NOT NULL) STRICT;
    CREATE TABLE dir_sync_state (
      entity TEXT PRIMARY KEY, synced_at TEXT NOT NULL, server_date TEXT,
      mode TEXT NOT NULL CHECK (mode IN ('full', 'incremental')),
      rows INTEGER NOT NULL, rejected INTEGER NOT NULL DEFAULT 0
    ) STRICT;
  `);
  db.prepare("INSERT INTO dir_meta (key, value) VALUES ('environment', ?)").run(environment);
  db.pragma(`user_version = ${GENERATION_SCHEMA}`);
}

/**
 * A generation being written: a new file (full sync) or a copy of `base` (incremental, which must
 * be of the same environment). Nobody reads it until `publish`, so it is written without a journal
 * and fsynced once at the end.
 */
export class GenerationDraft {
  readonly db: Db;
  readonly file: string;
  readonly n: number;
  private closed = false;

  constructor({ folder, environment }: GenerationTarget, base: Generation | null) {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    removeStale(folder, null);
    this.n = (generations(folder)[0]?.n ?? 0) + 1;
    this.file = join(folder, `gen-${this.n}.db.building`);
    rmSync(this.file, { force: true });
    if (base) {
      const source = new Database(base.file, { readonly: true, fileMustExist: true });
      try {
        const from = generationEnvironment(source);
        if (from !== environment)
          throw new Error(
            `the directory in use was synced from ${from ?? 'an unknown environment'}, not ${environment}`,
          );
        source.prepare('VACUUM INTO ?').run(this.file);
      } finally {
        source.close();
      }
    }
    this.db = new Database(this.file);
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.pragma('cache_size = -2000');
    // the doctors' staging and sort go to disk, not to the worker's memory
    this.db.pragma('temp_store = FILE');
    if (!base) createGenerationSchema(this.db, environment);
  }

  /** Makes the file durable and renames it into place; returns the published generation. */
  publish(): Generation {
    this.db.close();
    this.closed = true;
    const fd = openSync(this.file, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    const file = this.file.replace(/\.building$/, '');
    renameSync(this.file, file);
    syncFolder(file);
    return { n: this.n, file };
  }

  /** Drops the draft (a failed sync). */
  discard(): void {
    if (!this.closed) this.db.close();
    this.closed = true;
    rmSync(this.file, { force: true });
  }
}

function syncFolder(file: string): void {
  try {
    const fd = openSync(join(file, '..'), 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // folders cannot be fsynced everywhere (Windows); the rename is still atomic
  }
}
