import { randomUUID } from 'node:crypto';
import type { Migration } from '../../core/db';

/**
 * The sandbox's own schema (its own database file, never the kiosk's). Directory rows keep the
 * eHealth JSON document in `doc` next to the columns the business rules and `depth` queries need.
 */
const initial: Migration = {
  version: 1,
  name: 'sandbox-initial',
  up(db) {
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

      CREATE TABLE regions (id TEXT PRIMARY KEY, name TEXT NOT NULL, koatuu TEXT NOT NULL);
      CREATE TABLE districts (id TEXT PRIMARY KEY, region_id TEXT NOT NULL REFERENCES regions(id),
        name TEXT NOT NULL, koatuu TEXT NOT NULL);
      CREATE INDEX districts_region ON districts(region_id);
      CREATE TABLE settlements (id TEXT PRIMARY KEY, region_id TEXT NOT NULL REFERENCES regions(id),
        district_id TEXT REFERENCES districts(id), name TEXT NOT NULL, type TEXT NOT NULL,
        koatuu TEXT NOT NULL, mountain_group INTEGER NOT NULL, parent_settlement_id TEXT,
        latitude REAL NOT NULL, longitude REAL NOT NULL);
      CREATE INDEX settlements_region ON settlements(region_id);
      CREATE INDEX settlements_district ON settlements(district_id);
      CREATE TABLE streets (id TEXT PRIMARY KEY, settlement_id TEXT NOT NULL REFERENCES settlements(id),
        type TEXT NOT NULL, name TEXT NOT NULL);
      CREATE INDEX streets_settlement ON streets(settlement_id);

      CREATE TABLE legal_entities (id TEXT PRIMARY KEY, type TEXT NOT NULL, status TEXT NOT NULL,
        is_active INTEGER NOT NULL, updated_at TEXT NOT NULL, doc TEXT NOT NULL, license TEXT NOT NULL);
      CREATE INDEX legal_entities_updated ON legal_entities(updated_at);
      CREATE TABLE divisions (id TEXT PRIMARY KEY, legal_entity_id TEXT NOT NULL REFERENCES legal_entities(id),
        status TEXT NOT NULL, updated_at TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX divisions_le ON divisions(legal_entity_id);
      CREATE INDEX divisions_updated ON divisions(updated_at);
      CREATE TABLE parties (id TEXT PRIMARY KEY, declarations_limit INTEGER NOT NULL,
        declarations_base_count INTEGER NOT NULL, updated_at TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX parties_updated ON parties(updated_at);
      CREATE TABLE employees (id TEXT PRIMARY KEY, party_id TEXT NOT NULL REFERENCES parties(id),
        legal_entity_id TEXT NOT NULL REFERENCES legal_entities(id), division_id TEXT REFERENCES divisions(id),
        status TEXT NOT NULL, employee_type TEXT NOT NULL, speciality TEXT, position TEXT NOT NULL,
        updated_at TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX employees_party ON employees(party_id);
      CREATE INDEX employees_updated ON employees(updated_at);
      CREATE TABLE healthcare_services (id TEXT PRIMARY KEY, division_id TEXT NOT NULL REFERENCES divisions(id),
        updated_at TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX healthcare_services_updated ON healthcare_services(updated_at);
      CREATE TABLE employee_roles (id TEXT PRIMARY KEY, employee_id TEXT NOT NULL REFERENCES employees(id),
        healthcare_service_id TEXT NOT NULL REFERENCES healthcare_services(id), updated_at TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX employee_roles_updated ON employee_roles(updated_at);
      CREATE TABLE contract_divisions (contract_id TEXT NOT NULL, division_id TEXT NOT NULL REFERENCES divisions(id),
        changed_at TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (contract_id, division_id));
      CREATE INDEX contract_divisions_changed ON contract_divisions(changed_at);

      CREATE TABLE persons (id TEXT PRIMARY KEY, tax_id TEXT, persona_id TEXT UNIQUE,
        birth_anchor TEXT, doc TEXT NOT NULL, verification TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX persons_tax_id ON persons(tax_id);

      CREATE TABLE clients (id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, secret TEXT NOT NULL,
        allowed_scope TEXT NOT NULL, blocked INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE users (id TEXT PRIMARY KEY, person_id TEXT NOT NULL UNIQUE REFERENCES persons(id),
        tax_id TEXT NOT NULL, inserted_at TEXT NOT NULL);
      CREATE TABLE apps (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id),
        client_id TEXT NOT NULL REFERENCES clients(id), applicant_user_id TEXT NOT NULL, scope TEXT NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT);
      CREATE UNIQUE INDEX apps_user_client ON apps(user_id, client_id) WHERE deleted_at IS NULL;
      CREATE TABLE nonces (jti TEXT PRIMARY KEY, client_id TEXT NOT NULL, expires_at INTEGER NOT NULL, used_at TEXT);
      CREATE TABLE tokens (id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
        user_id TEXT NOT NULL REFERENCES users(id), person_id TEXT NOT NULL, client_id TEXT NOT NULL,
        app_id TEXT NOT NULL, scope TEXT NOT NULL, session_id TEXT NOT NULL, expires_at INTEGER NOT NULL,
        revoked_at TEXT, inserted_at TEXT NOT NULL);
      CREATE INDEX tokens_session ON tokens(session_id);

      CREATE TABLE auth_methods (id TEXT PRIMARY KEY, person_id TEXT NOT NULL REFERENCES persons(id),
        doc TEXT NOT NULL, is_active INTEGER NOT NULL);
      CREATE INDEX auth_methods_person ON auth_methods(person_id);
      CREATE TABLE auth_method_requests (id TEXT PRIMARY KEY, person_id TEXT NOT NULL REFERENCES persons(id),
        type TEXT NOT NULL, phone_number TEXT NOT NULL, alias TEXT, status TEXT NOT NULL,
        inserted_at TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE otps (id TEXT PRIMARY KEY, request_id TEXT NOT NULL, phone_number TEXT NOT NULL,
        code TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL, expires_at TEXT NOT NULL,
        inserted_at TEXT NOT NULL);
      CREATE INDEX otps_request ON otps(request_id);
      CREATE TABLE sms (id INTEGER PRIMARY KEY AUTOINCREMENT, phone_number TEXT NOT NULL, text TEXT NOT NULL,
        code TEXT, sent_at TEXT NOT NULL);
      CREATE INDEX sms_phone ON sms(phone_number);

      CREATE TABLE person_requests (id TEXT PRIMARY KEY, person_id TEXT NOT NULL REFERENCES persons(id),
        status TEXT NOT NULL, doc TEXT NOT NULL, signed_content TEXT, inserted_at TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX person_requests_person ON person_requests(person_id);

      CREATE TABLE declaration_requests (id TEXT PRIMARY KEY, person_id TEXT NOT NULL REFERENCES persons(id),
        employee_id TEXT NOT NULL, division_id TEXT NOT NULL, legal_entity_id TEXT NOT NULL, party_id TEXT NOT NULL,
        status TEXT NOT NULL, status_reason TEXT, declaration_id TEXT NOT NULL, declaration_number TEXT NOT NULL,
        start_date TEXT, end_date TEXT, doc TEXT, signed_content TEXT,
        inserted_at TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX declaration_requests_person ON declaration_requests(person_id);

      CREATE TABLE declarations (id TEXT PRIMARY KEY, person_id TEXT NOT NULL REFERENCES persons(id),
        employee_id TEXT NOT NULL, division_id TEXT NOT NULL, legal_entity_id TEXT NOT NULL, party_id TEXT NOT NULL,
        declaration_number TEXT NOT NULL, status TEXT NOT NULL, start_date TEXT NOT NULL, end_date TEXT NOT NULL,
        signed_at TEXT NOT NULL, reason TEXT, reason_description TEXT, declaration_request_id TEXT,
        content TEXT NOT NULL, signed_content TEXT, seed TEXT NOT NULL, inserted_at TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX declarations_person ON declarations(person_id);
      CREATE INDEX declarations_party ON declarations(party_id, status);

      CREATE TABLE idempotency (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, state TEXT NOT NULL,
        boot_id TEXT NOT NULL, method TEXT NOT NULL, path TEXT NOT NULL, status INTEGER, response TEXT,
        headers TEXT, replays INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, completed_at TEXT);
      CREATE TABLE applied_operations (id INTEGER PRIMARY KEY AUTOINCREMENT, idempotency_key TEXT,
        method TEXT NOT NULL, path TEXT NOT NULL, person_id TEXT, status INTEGER NOT NULL, applied_at TEXT NOT NULL);
      CREATE INDEX applied_operations_key ON applied_operations(idempotency_key);
    `);
  },
};

/**
 * Scans of documents a person must upload (`POST /api/pis/documents`): one row per document type
 * asked for, the uploaded JPEG kept in the row until eHealth's storage would have taken it.
 * `person_request_id` names the person request that asked for it (null: asked by another process).
 */
const personDocuments: Migration = {
  version: 2,
  name: 'person-documents',
  up(db) {
    db.exec(`
      CREATE TABLE person_documents (id TEXT PRIMARY KEY, person_id TEXT NOT NULL REFERENCES persons(id),
        type TEXT NOT NULL, person_request_id TEXT, status TEXT NOT NULL, content BLOB, size INTEGER,
        sha256 TEXT, width INTEGER, height INTEGER, inserted_at TEXT NOT NULL, uploaded_at TEXT,
        submitted_at TEXT);
      CREATE INDEX person_documents_person ON person_documents(person_id, status);
      CREATE INDEX person_documents_request ON person_documents(person_request_id);
    `);
  },
};

/**
 * Confidant persons (parents, guardians) act for a patient: the registered relations (eHealth MPI
 * `confidant_person_relationships`), the applicant behind a token and behind each act, an approval per
 * patient, client and applicant, and the confidant sign-ins' contents already taken. Relations of a
 * database seeded before come from its persons' `confidant_person`.
 */
const confidantRelations: Migration = {
  version: 3,
  name: 'confidant-relations',
  up(db) {
    db.exec(`
      CREATE TABLE confidant_relations (id TEXT PRIMARY KEY, person_id TEXT NOT NULL REFERENCES persons(id),
        confidant_person_id TEXT NOT NULL REFERENCES persons(id), relation_type TEXT NOT NULL,
        is_active INTEGER NOT NULL, active_to TEXT, verification_status TEXT NOT NULL,
        verification_reason TEXT NOT NULL, verification_comment TEXT, documents TEXT NOT NULL,
        inserted_at TEXT NOT NULL);
      CREATE INDEX confidant_relations_person ON confidant_relations(person_id);
      CREATE TABLE confidant_sign_ins (content_sha256 TEXT PRIMARY KEY, used_at TEXT NOT NULL);
      ALTER TABLE tokens ADD COLUMN applicant_user_id TEXT;
      ALTER TABLE tokens ADD COLUMN applicant_person_id TEXT;
      ALTER TABLE person_requests ADD COLUMN applicant_person_id TEXT;
      ALTER TABLE declaration_requests ADD COLUMN applicant_person_id TEXT;
      ALTER TABLE declarations ADD COLUMN applicant_person_id TEXT;
      DROP INDEX apps_user_client;
      CREATE UNIQUE INDEX apps_user_client_applicant ON apps(user_id, client_id, applicant_user_id)
        WHERE deleted_at IS NULL;
    `);
    const persons = db.prepare('SELECT id, doc, updated_at FROM persons').all() as {
      id: string;
      doc: string;
      updated_at: string;
    }[];
    const insert = db.prepare(
      `INSERT INTO confidant_relations (id, person_id, confidant_person_id, relation_type, is_active, active_to,
         verification_status, verification_reason, verification_comment, documents, inserted_at)
       VALUES (?, ?, ?, ?, 1, NULL, 'VERIFIED', 'MANUAL_COMFIRMED', NULL, ?, ?)`,
    );
    const known = db.prepare('SELECT 1 FROM persons WHERE id = ?');
    for (const p of persons) {
      const doc = JSON.parse(p.doc) as { confidant_person?: Record<string, unknown>[] };
      for (const c of doc.confidant_person ?? []) {
        if (typeof c.person_id !== 'string' || !known.get(c.person_id)) continue;
        insert.run(
          randomUUID(),
          p.id,
          c.person_id,
          c.relation_type === 'SECONDARY' ? 'SECONDARY' : 'PRIMARY',
          JSON.stringify(c.documents_relationship ?? []),
          p.updated_at,
        );
      }
    }
  },
};

export const sandboxMigrations: readonly Migration[] = [initial, personDocuments, confidantRelations];
