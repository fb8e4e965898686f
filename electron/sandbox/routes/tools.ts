import { z } from 'zod';
import { queries, sql, type Sql } from '../../core/db';
import type { SandboxClock } from '../clock';
import { FaultConfigError } from '../faults';
import type { RequestContext } from '../http/context';
import { invalidEntry, notFound, validationFailed } from '../errors';
import { imageOf } from '../domain/documents';
import { ok } from '../http/reply';
import type { Route } from '../http/router';
import { appliedUnder, recentApplied } from '../http/idempotency';
import { parseBody, pathUuid } from '../http/validate';
import { getMeta } from '../seed';

/** Sandbox-only endpoints under /sandbox/: health, SMS inbox, faults, clock, inspection. Not part of eHealth. */
export interface ToolDeps {
  clock: SandboxClock;
  personas: () => unknown[];
  /** Revokes a persona's certificate (its OCSP status and eHealth's sign-in follow). */
  revoke: (personaId: string) => boolean;
}

const count = (ctx: RequestContext, q: Sql): number => queries(ctx.state.db).value<number>(q) ?? 0;

function health(ctx: RequestContext) {
  return ok({
    status: ctx.state.faults.config.outage ? 'outage' : 'ok',
    seed: ctx.state.seed,
    seeded_at: getMeta(ctx.state.db, 'seeded_at'),
    now: ctx.now().toISOString(),
    counts: {
      legal_entities: count(ctx, sql`SELECT count(*) AS n FROM legal_entities`),
      divisions: count(ctx, sql`SELECT count(*) AS n FROM divisions`),
      doctors: count(ctx, sql`SELECT count(*) AS n FROM employees WHERE employee_type = 'DOCTOR'`),
      settlements: count(ctx, sql`SELECT count(*) AS n FROM settlements`),
    },
    faults: ctx.state.faults.config,
  });
}

function smsInbox(ctx: RequestContext) {
  const phone = ctx.query.get('phone');
  if (!phone)
    throw validationFailed([invalidEntry('$.phone', 'required', 'phone is required', 'query_param')]);
  // an unencoded '+' arrives as a space
  let number = phone.trim();
  if (/^380\d{9}$/.test(number)) number = `+${number}`;
  const rows = ctx.state.db
    .prepare('SELECT phone_number, text, code, sent_at FROM sms WHERE phone_number = ? ORDER BY id DESC')
    .all(number);
  return ok(rows);
}

function setFaults(ctx: RequestContext) {
  try {
    ctx.state.faults.set(ctx.body as Partial<import('../faults').FaultConfig>);
  } catch (e) {
    if (e instanceof FaultConfigError)
      throw validationFailed([invalidEntry(`$.${e.field}`, 'invalid', e.message)]);
    throw e;
  }
  return ok(ctx.state.faults.config);
}

function resetFaults(ctx: RequestContext) {
  ctx.state.faults.reset();
  return ok(ctx.state.faults.config);
}

/** How often a change was applied per idempotency key: exactly-once delivery is checked with this. */
function operations(ctx: RequestContext) {
  const key = ctx.query.get('idempotency_key');
  if (key) {
    const { applied, record } = appliedUnder(ctx.state.db, key);
    return ok({
      idempotency_key: key,
      applied,
      replays: record?.replays ?? 0,
      state: record?.state ?? null,
      status: record?.status ?? null,
      method: record?.method ?? null,
      path: record?.path ?? null,
    });
  }
  return ok(recentApplied(ctx.state.db));
}

function signedContent(ctx: RequestContext) {
  const table =
    ctx.params.kind === 'declarations'
      ? 'declarations'
      : ctx.params.kind === 'person_requests'
        ? 'person_requests'
        : null;
  if (!table) throw notFound();
  const id = pathUuid(ctx.params.id);
  const row = ctx.state.db
    .prepare(`SELECT signed_content, person_id, applicant_person_id FROM ${table} WHERE id = ?`)
    .get(id) as
    { signed_content: string | null; person_id: string; applicant_person_id: string | null } | undefined;
  if (!row?.signed_content) throw notFound('No signed content');
  // who signed it: the patient, or the confidant person acting for them
  return ok({
    signed_content: row.signed_content,
    signed_content_encoding: 'base64',
    person_id: row.person_id,
    applicant_person_id: row.applicant_person_id ?? row.person_id,
  });
}

/** The documents asked of a persona's person (or a person id) and what was uploaded: no image bytes. */
function personDocuments(ctx: RequestContext) {
  const { db } = ctx.state;
  const personaId = ctx.query.get('persona_id');
  const personId =
    ctx.query.get('person_id') ??
    (personaId
      ? (
          db.prepare('SELECT id FROM persons WHERE persona_id = ?').get(personaId) as
            { id: string } | undefined
        )?.id
      : undefined);
  if (!personId)
    throw validationFailed([
      invalidEntry(
        '$.persona_id',
        'required',
        'persona_id (or person_id) of a known person is required',
        'query_param',
      ),
    ]);
  return ok(
    db
      .prepare(
        'SELECT id, type, person_request_id, status, size, sha256, width, height, inserted_at, uploaded_at, submitted_at FROM person_documents WHERE person_id = ? ORDER BY rowid',
      )
      .all(personId),
  );
}

/** The uploaded image itself (image/jpeg), to check what a kiosk captured. */
function personDocumentContent(ctx: RequestContext) {
  const content = imageOf(ctx.state.db, pathUuid(ctx.params.id, 'Document'));
  if (!content) throw notFound('No image uploaded for this document');
  return { kind: 'bytes', status: 200, body: new Uint8Array(content), contentType: 'image/jpeg' } as const;
}

const Revocation = z.object({ persona_id: z.string().min(1).max(64) });

const Advance = z.object({
  advance_seconds: z
    .number()
    .int()
    .min(0)
    .max(10 * 365 * 86_400),
});

export function toolRoutes(deps: ToolDeps): Route[] {
  const none = { kind: 'none' } as const;
  return [
    { method: 'GET', pattern: '/sandbox/health', access: none, handler: health },
    { method: 'GET', pattern: '/sandbox/personas', access: none, handler: () => ok(deps.personas()) },
    { method: 'GET', pattern: '/sandbox/sms', access: none, handler: smsInbox },
    {
      method: 'GET',
      pattern: '/sandbox/faults',
      access: none,
      handler: (ctx) => ok(ctx.state.faults.config),
    },
    { method: 'PUT', pattern: '/sandbox/faults', access: none, handler: setFaults },
    { method: 'POST', pattern: '/sandbox/faults', access: none, handler: setFaults },
    { method: 'PATCH', pattern: '/sandbox/faults', access: none, handler: setFaults },
    { method: 'DELETE', pattern: '/sandbox/faults', access: none, handler: resetFaults },
    { method: 'GET', pattern: '/sandbox/operations', access: none, handler: operations },
    { method: 'GET', pattern: '/sandbox/signed_content/:kind/:id', access: none, handler: signedContent },
    { method: 'GET', pattern: '/sandbox/person_documents', access: none, handler: personDocuments },
    {
      method: 'GET',
      pattern: '/sandbox/person_documents/:id/content',
      access: none,
      handler: personDocumentContent,
    },
    {
      method: 'GET',
      pattern: '/sandbox/clock',
      access: none,
      handler: (ctx) => ok({ now: ctx.now().toISOString(), offset_seconds: deps.clock.offset / 1000 }),
    },
    {
      method: 'POST',
      pattern: '/sandbox/clock',
      access: none,
      handler: (ctx) => {
        const body = parseBody(Advance, ctx.body);
        deps.clock.advance(body.advance_seconds * 1000);
        return ok({ now: ctx.now().toISOString(), offset_seconds: deps.clock.offset / 1000 });
      },
    },
    {
      method: 'POST',
      pattern: '/sandbox/revocations',
      access: none,
      handler: (ctx) => {
        const body = parseBody(Revocation, ctx.body);
        if (!deps.revoke(body.persona_id)) throw notFound('Persona not found');
        return ok({ persona_id: body.persona_id, status: 'revoked' });
      },
    },
  ];
}
