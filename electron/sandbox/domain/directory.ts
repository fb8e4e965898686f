import type { Db } from '../../core/db';

/** Reads of the seeded directory and the shapes eHealth embeds in declaration requests. */

export interface EmployeeRecord {
  id: string;
  partyId: string;
  legalEntityId: string;
  divisionId: string | null;
  status: string;
  employeeType: string;
  speciality: string | null;
  position: string;
  doc: Record<string, unknown>;
}

export interface DivisionRecord {
  id: string;
  legalEntityId: string;
  status: string;
  doc: Record<string, unknown>;
}

export interface LegalEntityRecord {
  id: string;
  type: string;
  status: string;
  isActive: boolean;
  doc: Record<string, unknown>;
  license: Record<string, unknown>;
}

export interface PartyRecord {
  id: string;
  declarationsLimit: number;
  declarationsBaseCount: number;
  doc: Record<string, unknown>;
}

export function loadEmployee(db: Db, id: string): EmployeeRecord | null {
  const r = db.prepare('SELECT * FROM employees WHERE id = ?').get(id) as
    | {
        id: string;
        party_id: string;
        legal_entity_id: string;
        division_id: string | null;
        status: string;
        employee_type: string;
        speciality: string | null;
        position: string;
        doc: string;
      }
    | undefined;
  return r
    ? {
        id: r.id,
        partyId: r.party_id,
        legalEntityId: r.legal_entity_id,
        divisionId: r.division_id,
        status: r.status,
        employeeType: r.employee_type,
        speciality: r.speciality,
        position: r.position,
        doc: JSON.parse(r.doc) as Record<string, unknown>,
      }
    : null;
}

export function loadDivision(db: Db, id: string): DivisionRecord | null {
  const r = db.prepare('SELECT * FROM divisions WHERE id = ?').get(id) as
    { id: string; legal_entity_id: string; status: string; doc: string } | undefined;
  return r
    ? {
        id: r.id,
        legalEntityId: r.legal_entity_id,
        status: r.status,
        doc: JSON.parse(r.doc) as Record<string, unknown>,
      }
    : null;
}

export function loadLegalEntity(db: Db, id: string): LegalEntityRecord | null {
  const r = db.prepare('SELECT * FROM legal_entities WHERE id = ?').get(id) as
    { id: string; type: string; status: string; is_active: number; doc: string; license: string } | undefined;
  return r
    ? {
        id: r.id,
        type: r.type,
        status: r.status,
        isActive: r.is_active === 1,
        doc: JSON.parse(r.doc) as Record<string, unknown>,
        license: JSON.parse(r.license) as Record<string, unknown>,
      }
    : null;
}

export function loadParty(db: Db, id: string): PartyRecord | null {
  const r = db.prepare('SELECT * FROM parties WHERE id = ?').get(id) as
    { id: string; declarations_limit: number; declarations_base_count: number; doc: string } | undefined;
  return r
    ? {
        id: r.id,
        declarationsLimit: r.declarations_limit,
        declarationsBaseCount: r.declarations_base_count,
        doc: JSON.parse(r.doc) as Record<string, unknown>,
      }
    : null;
}

/** Declarations the doctor (party) already serves: seeded patients plus active declarations here. */
export function declarationCount(db: Db, partyId: string, base: number, excludingPersonId?: string): number {
  const row = db
    .prepare(
      "SELECT count(*) AS n FROM declarations WHERE party_id = ? AND status IN ('active', 'pending_verification') AND person_id IS NOT ?",
    )
    .get(partyId, excludingPersonId ?? null) as { n: number };
  return base + row.n;
}

const pick = (o: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));

export const divisionView = (d: DivisionRecord) =>
  pick(d.doc, [
    'id',
    'legal_entity_id',
    'name',
    'addresses',
    'phones',
    'email',
    'type',
    'external_id',
    'dls_id',
    'dls_verified',
    'location',
    'status',
  ]);

export function legalEntityView(le: LegalEntityRecord) {
  const { type: _type, ...license } = le.license;
  return {
    ...pick(le.doc, [
      'id',
      'name',
      'short_name',
      'legal_form',
      'public_name',
      'edrpou',
      'accreditation',
      'addresses',
      'phones',
      'email',
    ]),
    licenses: [license],
  };
}

export function partyView(p: PartyRecord) {
  return {
    id: p.id,
    no_tax_id: false,
    ...pick(p.doc, ['first_name', 'last_name', 'second_name']),
    phones: [] as unknown[],
  };
}
