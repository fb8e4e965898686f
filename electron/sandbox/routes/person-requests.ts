import { randomUUID } from 'node:crypto';
import { sql } from '../../core/db';
import { askForDocuments, cancelDocumentsOf, documentsOfRequest } from '../domain/documents';
import { expireStaleRequests } from '../domain/expiry';
import { loadPerson } from '../domain/persons';
import { userOf, type RequestContext } from '../http/context';
import { conflict, forbidden, invalidEntry, notFound, unprocessable, validationFailed } from '../errors';
import { canonicalJson } from '../http/idempotency';
import { ok, created } from '../http/reply';
import type { Route } from '../http/router';
import { pagedList } from '../http/paged-list';
import { enumParam, parseBody, pathUuid } from '../http/validate';
import { personRequestContent } from '../printout';
import { documentsNeeded, TAX_ID_DOCUMENT } from '../rules/document-needs';
import { PersonRequestSchema, personRuleViolations } from '../rules/person-validation';
import { actorTaxId } from '../rules/capacity';
import { drfoMatches, readSignedJson } from '../signature';
import { isoDateTime } from '../time';
import { z } from 'zod';
import { requestDocuments, toUpload } from './documents';

const STATUSES = ['NEW', 'APPROVED', 'SIGNED', 'REJECTED', 'EXPIRED', 'CANCELLED'] as const;
const SAME_PERSON = 'Person that logged in, person that is changed and person that sign should be the same';

interface RequestRow {
  id: string;
  person_id: string;
  status: string;
  doc: string;
  signed_content: string | null;
  inserted_at: string;
  updated_at: string;
}

function createRequest(ctx: RequestContext) {
  const user = userOf(ctx);
  const body = parseBody(PersonRequestSchema, ctx.body);
  const { db } = ctx.state;
  const now = ctx.now();
  if (body.process_disclosure_data_consent !== true) {
    throw validationFailed([
      invalidEntry(
        '$.process_disclosure_data_consent',
        'acceptance',
        'consent to process and disclose personal data must be given (true)',
      ),
    ]);
  }
  const settlementExists = (id: string) => !!db.prepare('SELECT 1 FROM settlements WHERE id = ?').get(id);
  const violations = personRuleViolations(body.person, now, settlementExists);
  if (violations.length > 0) throw validationFailed(violations);
  const current = loadPerson(db, user.personId);
  if (current.taxId && (body.person.no_tax_id === true || body.person.tax_id !== current.taxId))
    throw unprocessable(SAME_PERSON);

  const needed = documentsNeeded(
    {
      ...current.doc,
      documents: current.doc.documents.map((d) => ({ type: d.type ?? '', number: d.number ?? '' })),
    },
    body.person,
  );

  return ctx.commit(() => {
    const stamp = isoDateTime(now);
    const open = db
      .prepare("SELECT id FROM person_requests WHERE person_id = ? AND status IN ('NEW', 'APPROVED')")
      .all(user.personId) as { id: string }[];
    db.prepare(
      "UPDATE person_requests SET status = 'CANCELLED', updated_at = ? WHERE person_id = ? AND status IN ('NEW', 'APPROVED')",
    ).run(stamp, user.personId);
    cancelDocumentsOf(
      db,
      open.map((r) => r.id),
    );
    const person = { id: user.personId, ...body.person, no_tax_id: body.person.no_tax_id ?? false };
    const data = {
      id: randomUUID(),
      status: 'APPROVED',
      channel: 'PIS',
      inserted_at: stamp,
      updated_at: stamp,
      patient_signed: body.patient_signed,
      process_disclosure_data_consent: body.process_disclosure_data_consent,
      content: personRequestContent(person),
      person,
    };
    db.prepare(
      'INSERT INTO person_requests (id, person_id, status, doc, inserted_at, updated_at, applicant_person_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(data.id, user.personId, data.status, JSON.stringify(data), stamp, stamp, user.applicantPersonId);
    askForDocuments(db, user.personId, needed, data.id, now);
    // the specification's item is its Document (`type`, `number`) with the upload `url`
    const documents = toUpload(ctx.state, documentsOfRequest(db, data.id)).map((d) => ({
      ...d,
      number:
        d.type === TAX_ID_DOCUMENT
          ? (body.person.tax_id ?? '')
          : (body.person.documents.find((x) => x.type === d.type)?.number ?? ''),
    }));
    return created(data, { urgent: { documents } });
  });
}

function ownRequest(ctx: RequestContext): RequestRow {
  expireStaleRequests(ctx.state);
  const id = pathUuid(ctx.params.id, 'Person request');
  const row = ctx.state.db.prepare('SELECT * FROM person_requests WHERE id = ?').get(id) as
    RequestRow | undefined;
  if (!row) throw notFound('Person request not found');
  if (row.person_id !== userOf(ctx).personId) throw forbidden('Person request belongs to another person');
  return row;
}

const docOf = (row: RequestRow): Record<string, unknown> => ({
  ...(JSON.parse(row.doc) as Record<string, unknown>),
  status: row.status,
  updated_at: row.updated_at,
});

function listRequests(ctx: RequestContext) {
  expireStaleRequests(ctx.state);
  const user = userOf(ctx);
  const status = enumParam(ctx.query, 'status', STATUSES, true);
  const channel = enumParam(ctx.query, 'channel', ['PIS', 'MIS', 'CABINET'] as const, true);
  return pagedList(
    ctx,
    {
      from: sql`person_requests`,
      where: [
        sql`person_id = ${user.personId}`,
        status && sql`status = ${status}`,
        // every request here was made through a PIS: another channel has none
        channel && channel !== 'PIS' && sql`0`,
      ],
      orderBy: sql`inserted_at DESC, id`,
    },
    (r: RequestRow) => {
      const d = docOf(r);
      const person = d.person as Record<string, unknown>;
      return {
        id: r.id,
        status: r.status,
        channel: 'PIS',
        inserted_at: r.inserted_at,
        updated_at: r.updated_at,
        person: {
          first_name: person.first_name,
          last_name: person.last_name,
          ...(person.second_name ? { second_name: person.second_name } : {}),
        },
      };
    },
  );
}

function getRequest(ctx: RequestContext) {
  const row = ownRequest(ctx);
  const links = row.signed_content
    ? [
        {
          type: 'SIGNED_CONTENT',
          url: `${ctx.state.baseUrl}/sandbox/signed_content/person_requests/${row.id}`,
        },
      ]
    : [];
  const documents =
    row.status === 'APPROVED' || row.status === 'NEW' ? requestDocuments(ctx.state, row.id) : [];
  return ok(docOf(row), { urgent: { documents, links } });
}

const CompleteBody = z.object({
  signed_content: z.string().min(1),
  signed_content_encoding: z.string().min(1),
});
const TIMESTAMPS = new Set(['inserted_at', 'updated_at']);
const withoutTimestamps = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !TIMESTAMPS.has(k)));

async function completeRequest(ctx: RequestContext) {
  const row = ownRequest(ctx);
  const body = parseBody(CompleteBody, ctx.body);
  if (row.status !== 'APPROVED' && row.status !== 'NEW')
    throw conflict(`Person request is ${row.status}; only an APPROVED request can be completed`);
  const notUploaded = documentsOfRequest(ctx.state.db, row.id).filter((d) => d.status === 'NEW');
  if (notUploaded.length > 0)
    throw conflict(
      `Documents must be uploaded before the request is signed: ${notUploaded.map((d) => d.type).join(', ')}`,
    );
  const signed = await readSignedJson(
    ctx.state.verifier,
    body.signed_content,
    body.signed_content_encoding,
    ctx.now(),
  );
  const { db } = ctx.state;
  const person = loadPerson(db, row.person_id);
  // the person who acts signs: the patient, or the confidant who signed in for them
  if (!drfoMatches(signed.signer.drfo, actorTaxId(db, userOf(ctx))))
    throw unprocessable('Does not match the signer drfo');
  const expected = { ...withoutTimestamps(docOf(row)), patient_signed: true };
  const given =
    signed.json && typeof signed.json === 'object' && !Array.isArray(signed.json)
      ? withoutTimestamps(signed.json as Record<string, unknown>)
      : null;
  if (!given || canonicalJson(given) !== canonicalJson(expected))
    throw unprocessable('Signed content does not match the previously created content');

  return ctx.commit(() => {
    const fresh = db.prepare('SELECT status FROM person_requests WHERE id = ?').get(row.id) as {
      status: string;
    };
    if (fresh.status !== row.status)
      throw conflict(`Person request is ${fresh.status}; only an APPROVED request can be completed`);
    const stamp = isoDateTime(ctx.now());
    const update = (docOf(row).person ?? {}) as Record<string, unknown>;
    const merged: Record<string, unknown> = { ...person.doc, ...update, id: person.id };
    for (const optional of ['second_name', 'email', 'phones', 'unzr', 'preferred_way_communication'])
      if (!(optional in update)) delete merged[optional];
    db.prepare('UPDATE persons SET doc = ?, updated_at = ? WHERE id = ?').run(
      JSON.stringify(merged),
      stamp,
      person.id,
    );
    const doc = { ...docOf(row), status: 'SIGNED', patient_signed: true, updated_at: stamp };
    db.prepare(
      "UPDATE person_requests SET status = 'SIGNED', doc = ?, signed_content = ?, updated_at = ?, applicant_person_id = ? WHERE id = ?",
    ).run(JSON.stringify(doc), signed.base64, stamp, userOf(ctx).applicantPersonId, row.id);
    return ok({ person_id: person.id, status: 'SIGNED', id: row.id, updated_at: stamp });
  });
}

function rejectRequest(ctx: RequestContext) {
  const row = ownRequest(ctx);
  if (row.status !== 'APPROVED' && row.status !== 'NEW')
    throw conflict(`Person request is ${row.status}; only a NEW or APPROVED request can be rejected`);
  return ctx.commit(() => {
    const stamp = isoDateTime(ctx.now());
    const doc = { ...docOf(row), status: 'REJECTED', updated_at: stamp };
    ctx.state.db
      .prepare("UPDATE person_requests SET status = 'REJECTED', doc = ?, updated_at = ? WHERE id = ?")
      .run(JSON.stringify(doc), stamp, row.id);
    cancelDocumentsOf(ctx.state.db, [row.id]);
    return ok(doc);
  });
}

const READ = 'person_request:read';
const WRITE = 'person_request:write';

export const personRequestRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/api/pis/person_requests',
    access: { kind: 'user', scope: WRITE, acting: true },
    handler: createRequest,
  },
  {
    method: 'GET',
    pattern: '/api/pis/person_requests',
    access: { kind: 'user', scope: READ },
    handler: listRequests,
  },
  {
    method: 'GET',
    pattern: '/api/pis/person_requests/:id',
    access: { kind: 'user', scope: READ },
    handler: getRequest,
  },
  {
    method: 'PATCH',
    pattern: '/api/pis/person_requests/:id/actions/complete',
    access: { kind: 'user', scope: WRITE, acting: true },
    handler: completeRequest,
  },
  {
    method: 'PATCH',
    pattern: '/api/pis/person_requests/:id/actions/reject',
    access: { kind: 'user', scope: WRITE },
    handler: rejectRequest,
  },
];
