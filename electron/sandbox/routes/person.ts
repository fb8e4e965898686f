import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { checkOtp, markOtpVerified, sendOtp } from '../domain/otp';
import { activeAuthMethods, loadPerson, maskPhone, type AuthMethodDoc } from '../domain/persons';
import { activeRelation, activeRelationsOf, relationVerification } from '../domain/relations';
import { userOf, type RequestContext } from '../http/context';
import { conflict, forbidden, notFound, unprocessable } from '../errors';
import { created, ok } from '../http/reply';
import type { Route } from '../http/router';
import { parseBody, pathUuid } from '../http/validate';
import { PHONE_RE } from '../rules/person-validation';
import { isoDateTime } from '../time';

function getPerson(ctx: RequestContext) {
  const person = loadPerson(ctx.state.db, userOf(ctx).personId);
  return ok({ ...person.doc, verification: person.verification });
}

/**
 * The person's verification and, for a patient with confidants, the relationship's: under a
 * confidant's token the relation between the two, otherwise the PRIMARY one.
 */
function getVerification(ctx: RequestContext) {
  const user = userOf(ctx);
  const person = loadPerson(ctx.state.db, user.personId);
  const data: Record<string, unknown> = { person_verification: person.verification };
  const relation =
    user.applicantPersonId !== user.personId
      ? activeRelation(ctx.state.db, user.personId, user.applicantPersonId, ctx.now())
      : activeRelationsOf(ctx.state.db, user.personId, ctx.now())[0];
  if (relation) data.confidant_person_relationship_verification = relationVerification(relation);
  return ok(data);
}

function listMethods(ctx: RequestContext) {
  const rows = ctx.state.db
    .prepare('SELECT doc FROM auth_methods WHERE person_id = ? ORDER BY rowid')
    .all(userOf(ctx).personId) as { doc: string }[];
  return ok(rows.map((r) => JSON.parse(r.doc) as unknown));
}

const CreateMethodRequest = z.object({
  authentication_method: z.object({
    type: z.literal('OTP'),
    phone_number: z.string().regex(PHONE_RE, 'expected a phone number +380XXXXXXXXX'),
    alias: z.string().min(1).max(255).optional(),
  }),
});

function createMethodRequest(ctx: RequestContext) {
  const user = userOf(ctx);
  const body = parseBody(CreateMethodRequest, ctx.body);
  const { db } = ctx.state;
  const current = activeAuthMethods(db, user.personId);
  if (current.some((m) => m.type === 'OTP' && m.phone_number === body.authentication_method.phone_number)) {
    throw conflict('This phone number is already an active authentication method');
  }
  return ctx.commit(() => {
    const id = randomUUID();
    const stamp = isoDateTime(ctx.now());
    db.prepare(
      "INSERT INTO auth_method_requests (id, person_id, type, phone_number, alias, status, inserted_at, updated_at) VALUES (?, ?, 'OTP', ?, ?, 'NEW', ?, ?)",
    ).run(
      id,
      user.personId,
      body.authentication_method.phone_number,
      body.authentication_method.alias ?? null,
      stamp,
      stamp,
    );
    sendOtp(ctx.state, id, body.authentication_method.phone_number);
    // eHealth: "if the person doesn't have active auth methods, then this block will be nil"
    const currentView =
      current.length === 0
        ? null
        : current.map((m) =>
            m.type === 'OTP'
              ? { type: m.type, phone_number: maskPhone(m.phone_number ?? '') }
              : { type: m.type },
          );
    return created(
      { id, status: 'NEW', channel: 'PIS' },
      { urgent: { authentication_method_current: currentView } },
    );
  });
}

interface MethodRequestRow {
  id: string;
  person_id: string;
  phone_number: string;
  alias: string | null;
  status: string;
}

function ownRequest(ctx: RequestContext): MethodRequestRow {
  const id = pathUuid(ctx.params.request_id, 'Authentication method request');
  const row = ctx.state.db.prepare('SELECT * FROM auth_method_requests WHERE id = ?').get(id) as
    MethodRequestRow | undefined;
  if (!row) throw notFound('Authentication method request not found');
  if (row.person_id !== userOf(ctx).personId)
    throw forbidden('Authentication method request belongs to another person');
  return row;
}

const Approve = z.object({ verification_code: z.number().int().min(0).max(9999) });

function approveMethodRequest(ctx: RequestContext) {
  const request = ownRequest(ctx);
  const body = parseBody(Approve, ctx.body);
  const { db } = ctx.state;
  if (request.status !== 'NEW') throw conflict(`Authentication method request is ${request.status}, not NEW`);
  const otp = checkOtp(ctx.state, request.id, body.verification_code);
  const now = ctx.now();
  return ctx.commit(() => {
    const stamp = isoDateTime(now);
    markOtpVerified(db, otp.id);
    db.prepare("UPDATE auth_method_requests SET status = 'COMPLETED', updated_at = ? WHERE id = ?").run(
      stamp,
      request.id,
    );
    const method: AuthMethodDoc = {
      id: randomUUID(),
      type: 'OTP',
      phone_number: request.phone_number,
      ...(request.alias ? { alias: request.alias } : {}),
      started_at: stamp,
      is_active: true,
      inserted_by: userOf(ctx).userId,
      updated_by: userOf(ctx).userId,
      person_id: request.person_id,
      inserted_at: stamp,
      updated_at: stamp,
    };
    db.prepare('INSERT INTO auth_methods (id, person_id, doc, is_active) VALUES (?, ?, ?, 1)').run(
      method.id,
      request.person_id,
      JSON.stringify(method),
    );
    return created({ id: request.id, status: 'COMPLETED', channel: 'PIS' });
  });
}

function resendOtp(ctx: RequestContext) {
  const request = ownRequest(ctx);
  if (request.status !== 'NEW') throw conflict(`Authentication method request is ${request.status}, not NEW`);
  return ctx.commit(() => ok(sendOtp(ctx.state, request.id, request.phone_number)));
}

function ownMethod(ctx: RequestContext): AuthMethodDoc {
  const id = pathUuid(ctx.params.id, 'Authentication method');
  const row = ctx.state.db.prepare('SELECT person_id, doc FROM auth_methods WHERE id = ?').get(id) as
    { person_id: string; doc: string } | undefined;
  if (!row) throw notFound('Authentication method not found');
  if (row.person_id !== userOf(ctx).personId)
    throw forbidden('Authentication method belongs to another person');
  return JSON.parse(row.doc) as AuthMethodDoc;
}

function deactivateMethod(ctx: RequestContext) {
  const method = ownMethod(ctx);
  const { db } = ctx.state;
  if (!method.is_active) throw conflict('Authentication method is not active');
  if (activeAuthMethods(db, userOf(ctx).personId).length <= 1)
    throw unprocessable('Person must have at least one active authentication method');
  return ctx.commit(() => {
    const stamp = isoDateTime(ctx.now());
    const updated = {
      ...method,
      is_active: false,
      ended_at: stamp,
      updated_by: userOf(ctx).userId,
      updated_at: stamp,
    };
    db.prepare('UPDATE auth_methods SET doc = ?, is_active = 0 WHERE id = ?').run(
      JSON.stringify(updated),
      method.id,
    );
    return created(updated);
  });
}

const UpdateMethod = z.object({ alias: z.string().min(1).max(255) });

function updateMethod(ctx: RequestContext) {
  const method = ownMethod(ctx);
  const body = parseBody(UpdateMethod, ctx.body);
  if (!method.is_active) throw conflict('Authentication method is not active');
  return ctx.commit(() => {
    const stamp = isoDateTime(ctx.now());
    const updated = { ...method, alias: body.alias, updated_by: userOf(ctx).userId, updated_at: stamp };
    ctx.state.db
      .prepare('UPDATE auth_methods SET doc = ? WHERE id = ?')
      .run(JSON.stringify(updated), method.id);
    return created(updated);
  });
}

const READ = 'person:sign_in';
const WRITE = 'authentication_method:write';

export const personRoutes: Route[] = [
  { method: 'GET', pattern: '/api/pis/person', access: { kind: 'user', scope: READ }, handler: getPerson },
  {
    method: 'GET',
    pattern: '/api/pis/person/verification',
    access: { kind: 'user', scope: READ },
    handler: getVerification,
  },
  {
    method: 'GET',
    pattern: '/api/pis/person/authentication_methods',
    access: { kind: 'user', scope: READ },
    handler: listMethods,
  },
  {
    method: 'POST',
    pattern: '/api/pis/authentication_method_requests',
    access: { kind: 'user', scope: WRITE, acting: true },
    handler: createMethodRequest,
  },
  {
    method: 'PATCH',
    pattern: '/api/pis/authentication_method_requests/:request_id/actions/approve',
    access: { kind: 'user', scope: WRITE, acting: true },
    handler: approveMethodRequest,
  },
  {
    method: 'POST',
    pattern: '/api/pis/authentication_method_requests/:request_id/actions/resend_otp',
    access: { kind: 'user', scope: WRITE, acting: true },
    handler: resendOtp,
  },
  {
    method: 'PATCH',
    pattern: '/api/pis/authentication_methods/:id/actions/deactivate',
    access: { kind: 'user', scope: WRITE, acting: true },
    handler: deactivateMethod,
  },
  {
    method: 'PATCH',
    pattern: '/api/pis/authentication_methods/:id',
    access: { kind: 'user', scope: WRITE, acting: true },
    handler: updateMethod,
  },
];
