import { randomUUID } from 'node:crypto';
import { activeAuthMethods, maskPhone, type PersonRecord } from './persons';
import {
  divisionView,
  legalEntityView,
  partyView,
  type DivisionRecord,
  type EmployeeRecord,
  type LegalEntityRecord,
  type PartyRecord,
} from './directory';
import type { Db } from '../../core/db';
import { addressLine, declarationContent } from '../printout';
import { chainSeed, declarationNumber } from '../seed/numbers';
import { addDays, addYears, isoDate, parseIsoDate } from '../time';

export interface DeclarationRequestParts {
  person: PersonRecord;
  employee: EmployeeRecord;
  party: PartyRecord;
  division: DivisionRecord;
  legalEntity: LegalEntityRecord;
  now: Date;
  termDays: number;
}

/** end date: the term, but a pediatrician's declaration with a child ends the day before the 18th birthday */
export function declarationEndDate(
  start: Date,
  termDays: number,
  speciality: string | null,
  birthDate: string,
): string {
  let end = addDays(start, termDays);
  const birth = parseIsoDate(birthDate);
  if (speciality === 'PEDIATRICIAN' && birth) {
    const adulthood = addDays(addYears(birth, 18), -1);
    if (adulthood < end) end = adulthood;
  }
  return isoDate(end);
}

function chainHead(db: Db): string {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'declaration_chain_head'").get() as
    { value: string } | undefined;
  return row?.value ?? 'genesis';
}

export function advanceChain(db: Db, seed: string, declarationId: string): void {
  db.prepare(
    "INSERT INTO meta (key, value) VALUES ('declaration_chain_head', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
  ).run(chainSeed(seed, declarationId));
}

/** The full `Create_Declaration_Request_Response_PIS` data, including `data_to_be_signed`. */
export function buildDeclarationRequest(db: Db, parts: DeclarationRequestParts): Record<string, unknown> {
  const { person, employee, party, division, legalEntity, now } = parts;
  const id = randomUUID();
  const declarationId = randomUUID();
  const number = declarationNumber(Math.random);
  const seed = chainSeed(chainHead(db), id);
  const startDate = isoDate(now);
  const endDate = declarationEndDate(now, parts.termDays, employee.speciality, person.doc.birth_date);
  const methods = activeAuthMethods(db, person.id)
    .filter((m) => m.type === 'OTP' || m.type === 'OFFLINE')
    .map((m) =>
      m.type === 'OTP' ? { type: 'OTP', phone_number: maskPhone(m.phone_number ?? '') } : { type: m.type },
    );
  const personView = {
    ...person.doc,
    authentication_methods: methods.length > 0 ? methods : [{ type: 'NA' }],
    patient_signed: false,
    process_disclosure_data_consent: true,
  };
  const employeeView = { id: employee.id, position: employee.position, party: partyView(party) };
  const le = legalEntityView(legalEntity);
  const div = divisionView(division);
  const content = declarationContent({
    declarationNumber: number,
    startDate,
    endDate,
    person: person.doc,
    doctor: party.doc as { first_name?: string; last_name?: string; second_name?: string },
    speciality: employee.speciality ?? '',
    legalEntityName: String(legalEntity.doc.name),
    edrpou: String(legalEntity.doc.edrpou),
    divisionName: String(division.doc.name),
    divisionAddress: addressLine((division.doc.addresses as Record<string, unknown>[] | undefined)?.[0]),
  });
  const dataToBeSigned = {
    id,
    status: 'NEW',
    declaration_number: number,
    declaration_id: declarationId,
    start_date: startDate,
    end_date: endDate,
    content,
    channel: 'PIS',
    person: personView,
    employee: employeeView,
    legal_entity: le,
    division: div,
    seed,
  };
  return {
    id,
    seed,
    start_date: startDate,
    end_date: endDate,
    person: personView,
    scope: 'family doctor',
    declaration_number: number,
    declaration_id: declarationId,
    status: 'NEW',
    employee: { ...employeeView, speciality: employee.speciality },
    legal_entity: le,
    division: div,
    content,
    data_to_be_signed: dataToBeSigned,
    channel: 'PIS',
  };
}
