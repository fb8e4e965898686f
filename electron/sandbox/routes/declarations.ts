import { z } from 'zod';
import { sql } from '../../core/db';
import { divisionView, loadDivision, loadEmployee, loadLegalEntity, loadParty } from '../domain/directory';
import { loadPerson } from '../domain/persons';
import { userOf, type RequestContext } from '../http/context';
import { conflict, forbidden, notFound } from '../errors';
import { ok } from '../http/reply';
import type { Route } from '../http/router';
import { pagedList, termFilters } from '../http/paged-list';
import { enumParam, parseBody, pathUuid } from '../http/validate';
import type { SandboxState } from '../state';
import { isoDate, isoDateTime } from '../time';

const STATUSES = ['active', 'pending_verification', 'terminated', 'closed', 'rejected'] as const;

export interface DeclarationRow {
  id: string;
  person_id: string;
  employee_id: string;
  division_id: string;
  legal_entity_id: string;
  party_id: string;
  declaration_number: string;
  status: string;
  start_date: string;
  end_date: string;
  signed_at: string;
  reason: string | null;
  reason_description: string | null;
  declaration_request_id: string | null;
  content: string;
  signed_content: string | null;
  inserted_at: string;
  updated_at: string;
}

/** eHealth's scheduler: an active declaration past its end date is closed. Run lazily. */
function closeEnded(state: SandboxState): void {
  const now = state.now();
  state.db
    .prepare(
      "UPDATE declarations SET status = 'closed', reason = 'auto_expired', updated_at = ? WHERE status = 'active' AND end_date < ?",
    )
    .run(isoDateTime(now), isoDate(now));
}

const optional = (r: DeclarationRow) => ({
  ...(r.reason ? { reason: r.reason } : {}),
  ...(r.reason_description ? { reason_description: r.reason_description } : {}),
});

function listDeclarations(ctx: RequestContext) {
  closeEnded(ctx.state);
  const user = userOf(ctx);
  const q = ctx.query;
  const status = enumParam(q, 'status', STATUSES, true);
  return pagedList(
    ctx,
    {
      from: sql`declarations`,
      where: [sql`person_id = ${user.personId}`, status && sql`status = ${status}`, ...termFilters(q)],
      orderBy: sql`start_date DESC, inserted_at DESC`,
    },
    (r: DeclarationRow) => ({
      id: r.id,
      declaration_number: r.declaration_number,
      start_date: r.start_date,
      end_date: r.end_date,
      status: r.status,
      ...optional(r),
      person: { id: r.person_id },
      employee: { id: r.employee_id },
      division: { id: r.division_id },
      legal_entity: { id: r.legal_entity_id },
      inserted_at: r.inserted_at,
      updated_at: r.updated_at,
    }),
  );
}

function ownDeclaration(ctx: RequestContext): DeclarationRow {
  closeEnded(ctx.state);
  const id = pathUuid(ctx.params.id, 'Declaration');
  const row = ctx.state.db.prepare('SELECT * FROM declarations WHERE id = ?').get(id) as
    DeclarationRow | undefined;
  if (!row) throw notFound('Declaration not found');
  if (row.person_id !== userOf(ctx).personId) throw forbidden('Declaration belongs to another person');
  return row;
}

function getDeclaration(ctx: RequestContext) {
  const r = ownDeclaration(ctx);
  const person = loadPerson(ctx.state.db, r.person_id);
  const confidant = person.doc.confidant_person?.[0]?.person_id;
  return ok(
    {
      id: r.id,
      declaration_number: r.declaration_number,
      start_date: r.start_date,
      end_date: r.end_date,
      signed_at: r.signed_at,
      person: {
        id: r.person_id,
        ...(typeof confidant === 'string' ? { confidant_person: { id: confidant } } : {}),
      },
      employee: { id: r.employee_id },
      division: { id: r.division_id },
      legal_entity: { id: r.legal_entity_id },
      status: r.status,
      scope: 'family_doctor',
      ...(r.declaration_request_id ? { declaration_request_id: r.declaration_request_id } : {}),
      content: r.content,
      inserted_at: r.inserted_at,
      updated_at: r.updated_at,
      ...optional(r),
    },
    {
      urgent: {
        links: r.signed_content
          ? [
              {
                type: 'SIGNED_CONTENT',
                url: `${ctx.state.baseUrl}/sandbox/signed_content/declarations/${r.id}`,
              },
            ]
          : [],
      },
    },
  );
}

/** The expanded declaration of the terminate response: person, doctor, division and provider in full. */
function expanded(state: SandboxState, r: DeclarationRow): Record<string, unknown> {
  const { db } = state;
  const person = loadPerson(db, r.person_id);
  const employee = loadEmployee(db, r.employee_id);
  const party = loadParty(db, r.party_id);
  const division = loadDivision(db, r.division_id);
  const le = loadLegalEntity(db, r.legal_entity_id);
  const emp = employee?.doc ?? {};
  const info = (emp.additional_info ?? {}) as Record<string, unknown>;
  return {
    id: r.id,
    declaration_number: r.declaration_number,
    start_date: r.start_date,
    end_date: r.end_date,
    signed_at: r.signed_at,
    person: person.doc,
    employee: {
      id: r.employee_id,
      position: employee?.position,
      employee_type: employee?.employeeType,
      status: employee?.status === 'APPROVED' ? 'APPROVED' : 'DISMISSED',
      start_date: emp.start_date,
      ...(emp.end_date ? { end_date: emp.end_date } : {}),
      party: {
        id: r.party_id,
        first_name: party?.doc.first_name,
        last_name: party?.doc.last_name,
        second_name: party?.doc.second_name,
        phones: [],
      },
      division_id: r.division_id,
      legal_entity_id: r.legal_entity_id,
      doctor: {
        educations: info.educations ?? [],
        qualifications: info.qualifications ?? [],
        specialities: info.specialities ?? [],
      },
    },
    division: division ? divisionView(division) : { id: r.division_id },
    legal_entity: le
      ? {
          ...Object.fromEntries(
            [
              'id',
              'name',
              'short_name',
              'legal_form',
              'public_name',
              'edrpou',
              'status',
              'accreditation',
              'email',
              'phones',
              'addresses',
            ].map((k) => [k, le.doc[k]]),
          ),
          license: le.license,
        }
      : { id: r.legal_entity_id },
    status: r.status,
    scope: 'family_doctor',
    ...(r.declaration_request_id ? { declaration_request_id: r.declaration_request_id } : {}),
    content: r.content,
    inserted_at: r.inserted_at,
    updated_at: r.updated_at,
    ...optional(r),
  };
}

const TerminateBody = z.object({ reason_description: z.string().min(1).max(3000).optional() });

function terminate(ctx: RequestContext) {
  const r = ownDeclaration(ctx);
  const body = parseBody(TerminateBody, ctx.body);
  if (r.status !== 'active') throw conflict('Declaration is not active');
  return ctx.commit(() => {
    const stamp = isoDateTime(ctx.now());
    ctx.state.db
      .prepare(
        "UPDATE declarations SET status = 'terminated', reason = 'manual_person', reason_description = ?, updated_at = ? WHERE id = ? AND status = 'active'",
      )
      .run(body.reason_description ?? null, stamp, r.id);
    const updated = ctx.state.db
      .prepare('SELECT * FROM declarations WHERE id = ?')
      .get(r.id) as DeclarationRow;
    return ok(expanded(ctx.state, updated));
  });
}

export const declarationRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/pis/declarations',
    access: { kind: 'user', scope: 'declaration:read_pis' },
    handler: listDeclarations,
  },
  {
    method: 'GET',
    pattern: '/api/pis/declarations/:id',
    access: { kind: 'user', scope: 'declaration:read_pis' },
    handler: getDeclaration,
  },
  {
    method: 'PATCH',
    pattern: '/api/pis/declarations/:id/actions/terminate',
    access: { kind: 'user', scope: 'declaration:terminate_pis', acting: true },
    handler: terminate,
  },
];
