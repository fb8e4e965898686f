import { declarationCount, loadDivision, loadEmployee, loadLegalEntity, loadParty } from './directory';
import type { SandboxState } from '../state';

/** Views of a stored declaration request: `Declaration_request_details` and the list item. */

export interface RequestRow {
  id: string;
  person_id: string;
  employee_id: string;
  division_id: string;
  legal_entity_id: string;
  party_id: string;
  status: string;
  status_reason: string | null;
  declaration_id: string;
  declaration_number: string;
  start_date: string | null;
  end_date: string | null;
  doc: string | null;
  signed_content: string | null;
  inserted_at: string;
  updated_at: string;
}

export function details(state: SandboxState, row: RequestRow): Record<string, unknown> {
  const doc = row.doc ? (JSON.parse(row.doc) as Record<string, unknown>) : null;
  const party = loadParty(state.db, row.party_id);
  const data: Record<string, unknown> = {
    id: row.id,
    declaration_number: row.declaration_number,
    declaration_id: row.declaration_id,
    ...(row.start_date ? { start_date: row.start_date } : {}),
    ...(row.end_date ? { end_date: row.end_date } : {}),
    scope: 'family doctor',
    status: row.status,
    ...(party
      ? {
          current_declaration_count: declarationCount(state.db, party.id, party.declarationsBaseCount),
          system_declaration_limit: party.declarationsLimit,
        }
      : {}),
    patient_id: row.person_id,
    employee_id: row.employee_id,
    legal_entity_id: row.legal_entity_id,
    division_id: row.division_id,
    ...(row.status_reason ? { status_reason: row.status_reason } : {}),
    ...(doc ? { data_to_be_signed: doc.data_to_be_signed } : {}),
    channel: 'PIS',
  };
  return data;
}

export function listItem(state: SandboxState, r: RequestRow): Record<string, unknown> {
  const doc = r.doc ? (JSON.parse(r.doc) as Record<string, Record<string, unknown>>) : null;
  const employee = loadEmployee(state.db, r.employee_id);
  const party = loadParty(state.db, r.party_id);
  const le = loadLegalEntity(state.db, r.legal_entity_id);
  const div = loadDivision(state.db, r.division_id);
  const names = (o: Record<string, unknown> | undefined) =>
    o
      ? {
          first_name: o.first_name,
          last_name: o.last_name,
          ...(o.second_name ? { second_name: o.second_name } : {}),
        }
      : {};
  return {
    id: r.id,
    declaration_number: r.declaration_number,
    ...(r.start_date ? { start_date: r.start_date } : {}),
    ...(r.end_date ? { end_date: r.end_date } : {}),
    channel: 'PIS',
    ...(r.status_reason ? { status_reason: r.status_reason } : {}),
    status: r.status.toLowerCase(),
    // an expired request has been cleared of the patient's personal data
    ...(doc ? { person: { id: r.person_id, ...names(doc.person) } } : {}),
    employee: {
      id: r.employee_id,
      ...(employee ? { position: employee.position } : {}),
      ...(party ? { party: { id: party.id, ...names(party.doc) } } : {}),
    },
    legal_entity: {
      id: r.legal_entity_id,
      ...(le
        ? {
            name: le.doc.name,
            short_name: le.doc.short_name,
            legal_form: le.doc.legal_form,
            edrpou: le.doc.edrpou,
          }
        : {}),
    },
    division: {
      id: r.division_id,
      ...(div
        ? {
            name: div.doc.name,
            type: div.doc.type,
            status: div.status,
            dls_id: div.doc.dls_id,
            dls_verified: div.doc.dls_verified,
          }
        : {}),
    },
  };
}
