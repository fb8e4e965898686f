import { z } from 'zod';
import { sql } from '../../core/db';
import { advanceChain, buildDeclarationRequest } from '../domain/declaration-request-builder';
import { details, listItem, type RequestRow } from '../domain/declaration-request-views';
import {
  declarationCount,
  loadDivision,
  loadEmployee,
  loadLegalEntity,
  loadParty,
} from '../domain/directory';
import { expireStaleRequests } from '../domain/expiry';
import { loadPerson } from '../domain/persons';
import { userOf, type RequestContext } from '../http/context';
import {
  conflict,
  forbidden,
  invalidEntry,
  invalidField,
  notFound,
  unprocessable,
  validationFailed,
} from '../errors';
import { canonicalJson } from '../http/idempotency';
import { created, ok } from '../http/reply';
import type { Route } from '../http/router';
import { pagedList, termFilters } from '../http/paged-list';
import { enumParam, parseBody, pathUuid } from '../http/validate';
import { actorTaxId } from '../rules/capacity';
import { drfoMatches, readSignedJson } from '../signature';
import type { SandboxState } from '../state';
import { ageInYears, isoDateTime } from '../time';

const DECLARATION_SPECIALITIES = new Set(['FAMILY_DOCTOR', 'THERAPIST', 'PEDIATRICIAN']);
const PRIMARY_CARE_TYPES = new Set(['MSP', 'PRIMARY_CARE']);
const STATUSES = ['NEW', 'APPROVED', 'SIGNED', 'REJECTED', 'CANCELLED', 'EXPIRED'] as const;
const uuid = z
  .string()
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'expected a UUID');
const CreateBody = z.object({ employee_id: uuid, division_id: uuid });

function limitCheck(
  state: SandboxState,
  partyId: string,
  personId: string,
): { count: number; limit: number } {
  const party = loadParty(state.db, partyId);
  if (!party) throw notFound('Doctor not found');
  const count = declarationCount(state.db, partyId, party.declarationsBaseCount, personId);
  if (count >= party.declarationsLimit)
    throw unprocessable(`This doctor has ${count} declarations and could not sign more`);
  return { count, limit: party.declarationsLimit };
}

/** Every eligibility rule of declaration request creation, in eHealth's order. */
function eligibility(state: SandboxState, personId: string, employeeId: string, divisionId: string) {
  const { db } = state;
  const person = loadPerson(db, personId);
  const employee = loadEmployee(db, employeeId.toLowerCase());
  if (!employee) throw invalidField('$.employee_id', 'invalid', 'Employee not found');
  if (employee.status !== 'APPROVED')
    throw invalidField('$.employee_id', 'invalid', 'Invalid employee status');
  if (employee.employeeType !== 'DOCTOR')
    throw invalidField('$.employee_id', 'invalid', 'Employee must be a DOCTOR');
  const division = loadDivision(db, divisionId.toLowerCase());
  if (!division) throw invalidField('$.division_id', 'invalid', 'Division not found');
  if (division.status !== 'ACTIVE') throw invalidField('$.division_id', 'invalid', 'Division is not active');
  if (division.legalEntityId !== employee.legalEntityId)
    throw invalidField('$.employee_id', 'invalid', 'Employee does not belong to legal entity.');
  const legalEntity = loadLegalEntity(db, employee.legalEntityId);
  if (!legalEntity || legalEntity.status !== 'ACTIVE' || !legalEntity.isActive)
    throw conflict('Legal entity is not active');
  if (!PRIMARY_CARE_TYPES.has(legalEntity.type)) throw conflict('Invalid legal entity type');
  if (!employee.speciality || !DECLARATION_SPECIALITIES.has(employee.speciality)) {
    throw invalidField(
      '$.employee_id',
      'speciality_inclusion',
      "Employee's speciality does not belong to a doctor speciality: FAMILY_DOCTOR, THERAPIST, PEDIATRICIAN",
    );
  }
  const age = ageInYears(person.doc.birth_date, state.now());
  if (
    (employee.speciality === 'THERAPIST' && age < 18) ||
    (employee.speciality === 'PEDIATRICIAN' && age >= 18)
  ) {
    throw validationFailed([
      invalidEntry('$.data', 'invalid_age', "Doctor speciality doesn't match patient's age"),
    ]);
  }
  const party = loadParty(db, employee.partyId);
  if (!party) throw notFound('Doctor not found');
  const { count, limit } = limitCheck(state, employee.partyId, person.id);
  return { person, employee, division, legalEntity, party, count, limit };
}

function createRequest(ctx: RequestContext) {
  const user = userOf(ctx);
  const body = parseBody(CreateBody, ctx.body);
  expireStaleRequests(ctx.state);
  const parts = eligibility(ctx.state, user.personId, body.employee_id, body.division_id);
  const { db } = ctx.state;
  return ctx.commit(() => {
    const now = ctx.now();
    const stamp = isoDateTime(now);
    // earlier unfinished requests to the same doctor at the same provider are cancelled
    db.prepare(
      "UPDATE declaration_requests SET status = 'CANCELLED', status_reason = 'request_cancelled', updated_at = ? WHERE person_id = ? AND employee_id = ? AND legal_entity_id = ? AND status IN ('NEW', 'APPROVED')",
    ).run(stamp, user.personId, parts.employee.id, parts.legalEntity.id);
    const data = buildDeclarationRequest(db, {
      ...parts,
      now,
      termDays: ctx.state.config.declarationTermDays,
    });
    db.prepare(
      `INSERT INTO declaration_requests (id, person_id, employee_id, division_id, legal_entity_id, party_id, status, declaration_id,
         declaration_number, start_date, end_date, doc, inserted_at, updated_at, applicant_person_id)
       VALUES (?, ?, ?, ?, ?, ?, 'NEW', ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      data.id,
      user.personId,
      parts.employee.id,
      parts.division.id,
      parts.legalEntity.id,
      parts.party.id,
      data.declaration_id,
      data.declaration_number,
      data.start_date,
      data.end_date,
      JSON.stringify(data),
      stamp,
      stamp,
      user.applicantPersonId,
    );
    return created(data);
  });
}

function ownRequest(ctx: RequestContext): RequestRow {
  expireStaleRequests(ctx.state);
  const id = pathUuid(ctx.params.id, 'Declaration request');
  const row = ctx.state.db.prepare('SELECT * FROM declaration_requests WHERE id = ?').get(id) as
    RequestRow | undefined;
  if (!row) throw notFound('Declaration request not found');
  if (row.person_id !== userOf(ctx).personId)
    throw forbidden('Declaration request belongs to another person');
  return row;
}

function getRequest(ctx: RequestContext) {
  const row = ownRequest(ctx);
  return ok(details(ctx.state, row), { urgent: { authentication_method_current: { type: 'NA' } } });
}

function listRequests(ctx: RequestContext) {
  expireStaleRequests(ctx.state);
  const user = userOf(ctx);
  const q = ctx.query;
  const status = enumParam(q, 'status', STATUSES, true);
  const channel = enumParam(q, 'channel', ['PIS', 'MIS', 'CABINET'] as const, true);
  return pagedList(
    ctx,
    {
      from: sql`declaration_requests`,
      where: [
        sql`person_id = ${user.personId}`,
        status && sql`status = ${status}`,
        // every request here was made through a PIS: another channel has none
        channel && channel !== 'PIS' && sql`0`,
        ...termFilters(q),
      ],
      orderBy: sql`inserted_at DESC, id`,
    },
    (r: RequestRow) => listItem(ctx.state, r),
  );
}

const SignBody = z.object({ signed_content: z.string().min(1), signed_content_encoding: z.string().min(1) });

async function signRequest(ctx: RequestContext) {
  const row = ownRequest(ctx);
  const body = parseBody(SignBody, ctx.body);
  if (row.status !== 'NEW' && row.status !== 'APPROVED')
    throw conflict(`Declaration request is ${row.status}; only a NEW request can be signed`);
  const { db } = ctx.state;
  const signed = await readSignedJson(
    ctx.state.verifier,
    body.signed_content,
    body.signed_content_encoding,
    ctx.now(),
  );
  const person = loadPerson(db, row.person_id);
  // the person who acts signs: the patient, or the confidant who signed in for them
  if (!drfoMatches(signed.signer.drfo, actorTaxId(db, userOf(ctx))))
    throw unprocessable('Does not match the signer drfo');
  const doc = JSON.parse(row.doc as string) as Record<string, unknown> & {
    data_to_be_signed: Record<string, unknown> & { person: Record<string, unknown> };
  };
  const expected = {
    ...doc.data_to_be_signed,
    person: { ...doc.data_to_be_signed.person, patient_signed: true },
  };
  if (canonicalJson(signed.json) !== canonicalJson(expected))
    throw unprocessable('Signed content does not match the previously created content');
  limitCheck(ctx.state, row.party_id, row.person_id);

  return ctx.commit(() => {
    const now = ctx.now();
    const stamp = isoDateTime(now);
    const fresh = db.prepare('SELECT status FROM declaration_requests WHERE id = ?').get(row.id) as {
      status: string;
    };
    if (fresh.status !== row.status)
      throw conflict(`Declaration request is ${fresh.status}; only a NEW request can be signed`);
    // one active declaration per person: the new one ends every active or pending one — status and
    // time only, as eHealth's declarations service does it (no reason code, no description)
    db.prepare(
      "UPDATE declarations SET status = 'terminated', updated_at = ? WHERE person_id = ? AND status IN ('active', 'pending_verification')",
    ).run(stamp, row.person_id);
    const status = person.doc.no_tax_id ? 'pending_verification' : 'active';
    db.prepare(
      `INSERT INTO declarations (id, person_id, employee_id, division_id, legal_entity_id, party_id, declaration_number, status, start_date,
         end_date, signed_at, reason, declaration_request_id, content, signed_content, seed, inserted_at, updated_at,
         applicant_person_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      row.declaration_id,
      row.person_id,
      row.employee_id,
      row.division_id,
      row.legal_entity_id,
      row.party_id,
      row.declaration_number,
      status,
      doc.start_date,
      doc.end_date,
      stamp,
      status === 'active' ? null : 'no_tax_id',
      row.id,
      doc.content,
      signed.base64,
      doc.seed,
      stamp,
      stamp,
      userOf(ctx).applicantPersonId,
    );
    advanceChain(db, String(doc.seed), row.declaration_id);
    const signedDoc = { ...doc, status: 'SIGNED' };
    db.prepare(
      "UPDATE declaration_requests SET status = 'SIGNED', doc = ?, signed_content = ?, updated_at = ? WHERE id = ?",
    ).run(JSON.stringify(signedDoc), signed.base64, stamp, row.id);
    return created(signedDoc);
  });
}

function rejectRequest(ctx: RequestContext) {
  const row = ownRequest(ctx);
  if (row.status !== 'NEW' && row.status !== 'APPROVED')
    throw conflict(`Declaration request is ${row.status}; only a NEW request can be rejected`);
  return ctx.commit(() => {
    const stamp = isoDateTime(ctx.now());
    const doc = row.doc ? { ...(JSON.parse(row.doc) as Record<string, unknown>), status: 'REJECTED' } : null;
    ctx.state.db
      .prepare(
        "UPDATE declaration_requests SET status = 'REJECTED', status_reason = 'request_rejected_by_patient', doc = ?, updated_at = ? WHERE id = ?",
      )
      .run(doc ? JSON.stringify(doc) : null, stamp, row.id);
    const updated = ctx.state.db
      .prepare('SELECT * FROM declaration_requests WHERE id = ?')
      .get(row.id) as RequestRow;
    return created(details(ctx.state, updated));
  });
}

export const declarationRequestRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/api/pis/declaration_requests',
    access: { kind: 'user', scope: 'declaration_request:write_pis', acting: true },
    handler: createRequest,
  },
  {
    method: 'GET',
    pattern: '/api/pis/declaration_requests',
    access: { kind: 'user', scope: 'declaration_request:read_pis' },
    handler: listRequests,
  },
  {
    method: 'GET',
    pattern: '/api/pis/declaration_requests/:id',
    access: { kind: 'user', scope: 'declaration_request:details_pis' },
    handler: getRequest,
  },
  {
    method: 'PATCH',
    pattern: '/api/pis/declaration_requests/:id/actions/sign',
    access: { kind: 'user', scope: 'declaration_request:sign_pis', acting: true },
    handler: signRequest,
  },
  {
    method: 'PATCH',
    pattern: '/api/pis/declaration_requests/:id/actions/reject',
    access: { kind: 'user', scope: 'declaration_request:reject_pis' },
    handler: rejectRequest,
  },
];
