import type { Migration } from '../database';

/**
 * The replicated doctor directory (from the PIS bulk endpoints) and its search index.
 * Raw tables mirror the bulk entities; `dir_doctors` is derived — one row per doctor who can
 * accept declarations — and indexed by FTS5 on a normalised name (see directory/normalize.ts).
 */
export const m0004Directory: Migration = {
  version: 4,
  name: 'directory',
  up(db) {
    db.exec(`
      CREATE TABLE dir_legal_entities (
        id TEXT PRIMARY KEY, name TEXT, short_name TEXT, public_name TEXT, status TEXT, type TEXT,
        is_active INTEGER, edrpou TEXT, area TEXT, settlement TEXT, address TEXT, phones TEXT,
        updated_at TEXT
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
        employee_id TEXT PRIMARY KEY,
        party_id TEXT NOT NULL,
        full_name TEXT NOT NULL,
        name_norm TEXT NOT NULL,
        sort_key TEXT NOT NULL,
        speciality TEXT NOT NULL CHECK (speciality IN ('FAMILY_DOCTOR', 'THERAPIST', 'PEDIATRICIAN')),
        division_id TEXT NOT NULL,
        legal_entity_id TEXT NOT NULL,
        division_name TEXT,
        legal_entity_name TEXT,
        area TEXT, area_norm TEXT,
        settlement TEXT, settlement_norm TEXT,
        address TEXT,
        latitude REAL, longitude REAL,
        declarations_limit INTEGER, declarations_count INTEGER, free_places INTEGER
      ) STRICT;
      CREATE INDEX dir_doctors_settlement ON dir_doctors (settlement_norm);
      CREATE INDEX dir_doctors_area ON dir_doctors (area_norm);
      CREATE INDEX dir_doctors_division ON dir_doctors (division_id);
      CREATE INDEX dir_doctors_legal_entity ON dir_doctors (legal_entity_id);

      CREATE VIRTUAL TABLE dir_doctors_fts USING fts5(
        name_norm,
        content = 'dir_doctors',
        tokenize = 'unicode61 remove_diacritics 0',
        prefix = '1 2 3'
      );

      CREATE TABLE dir_sync_state (
        entity TEXT PRIMARY KEY,
        synced_at TEXT NOT NULL,
        server_date TEXT,
        mode TEXT NOT NULL CHECK (mode IN ('full', 'incremental')),
        rows INTEGER NOT NULL,
        rejected INTEGER NOT NULL DEFAULT 0
      ) STRICT;
    `);
  },
};
