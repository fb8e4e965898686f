import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../core/db';
import { activeRelation } from '../domain/relations';
import {
  accessDenied,
  forbidden,
  invalidEntry,
  notFound,
  validationFailed,
  type InvalidEntry,
} from '../errors';
import type { RequestContext } from '../http/context';
import { created } from '../http/reply';
import type { Route } from '../http/router';
import { parseBody } from '../http/validate';
import type { PersonDoc } from '../seed/persons';
import { readSignedJson } from '../signature';
import { authenticateClient, consumeNonce, grantPatient, personByDrfo, requestedScope } from './auth';
import { foldText } from '../text';
import { isoDateTime } from '../time';

/**
 * `POST /api/pis/confidant/sign-in` (trusted PIS): a confidant person (parent, guardian) signs, with
 * their own key, content that identifies the patient; eHealth finds the patient, checks the registered
 * relation and issues tokens that act for the patient, the confidant recorded as the applicant
 * (`details.applicant_user_id`, `applicant_person_id`).
 *
 * From the specification: the body, the signature checks of sign-in, "only if there is a registered
 * relation", "search for active patient and create user", the answer. Decided here (README, "Acting
 * for a child"): the identifying fields and how they match, the freshness of the content, the errors.
 */

const SignInBody = z.object({
  signed_content: z.string().min(1),
  signed_content_encoding: z.string().min(1),
  token: z.object({
    grant_type: z.literal('pis_auth'),
    client_id: z.string().min(1),
    client_secret: z.string().min(1),
    scope: z.string().min(1),
  }),
});

/** The patient as the signed content identifies them (`Dummy Confidant patient sign-in`, or a person's fields). */
const Identification = z.looseObject({
  last_name: z.string().min(1).max(255),
  given_name: z.string().min(1).max(255).optional(),
  first_name: z.string().min(1).max(255).optional(),
  second_name: z.string().max(255).optional(),
  birth_date: z.string().optional(),
  tax_id: z.string().min(1).max(20).optional(),
  document: z.object({ type: z.string().min(1), number: z.string().min(1).max(255) }).optional(),
  documents: z.array(z.looseObject({ type: z.string(), number: z.string() })).optional(),
  jwt: z.string().optional(),
});
type Identification = z.infer<typeof Identification>;

const name = (s: string | undefined) => foldText((s ?? '').trim()).replace(/\s+/g, ' ');
const documentNumber = (n: string) => n.replace(/\s+/g, '').toLocaleUpperCase('uk-UA');

function identificationOf(json: unknown): Identification {
  const parsed = Identification.safeParse(json);
  const problems: InvalidEntry[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push(
        invalidEntry(
          `$.signed_content.${issue.path.join('.')}`,
          'invalid',
          `signed content: ${issue.message}`,
        ),
      );
    throw validationFailed(problems);
  }
  const id = parsed.data;
  if (!id.given_name && !id.first_name)
    problems.push(
      invalidEntry('$.signed_content.given_name', 'required', 'given_name (or first_name) is required'),
    );
  if (!id.tax_id && !id.document && !id.documents?.length)
    problems.push(
      invalidEntry(
        '$.signed_content.tax_id',
        'required',
        'tax_id or document {type, number} is required to identify the patient',
      ),
    );
  if (problems.length > 0) throw validationFailed(problems);
  return id;
}

function matches(doc: PersonDoc, id: Identification): boolean {
  if (name(doc.last_name) !== name(id.last_name)) return false;
  const first = name(doc.first_name);
  const full = name(`${doc.first_name} ${doc.second_name ?? ''}`);
  if (id.given_name !== undefined && name(id.given_name) !== full && name(id.given_name) !== first)
    return false;
  if (id.first_name !== undefined && name(id.first_name) !== first) return false;
  if (id.second_name !== undefined && id.second_name !== '' && name(id.second_name) !== name(doc.second_name))
    return false;
  if (id.birth_date !== undefined && id.birth_date !== doc.birth_date) return false;
  const documents = [...(id.document ? [id.document] : []), ...(id.documents ?? [])];
  const byTax = id.tax_id !== undefined && !!doc.tax_id && doc.tax_id === id.tax_id.trim();
  const byDocument = documents.some((given) =>
    doc.documents.some(
      (d) => d.type === given.type && documentNumber(d.number ?? '') === documentNumber(given.number),
    ),
  );
  return byTax || byDocument;
}

/** The one registered patient the content identifies, or 404. */
function findPatient(db: Db, id: Identification): string {
  const rows = db.prepare('SELECT id, doc FROM persons').all() as { id: string; doc: string }[];
  const found = rows.filter((r) => matches(JSON.parse(r.doc) as PersonDoc, id));
  if (found.length !== 1) throw notFound('Patient not found by the signed data');
  return (found[0] as { id: string }).id;
}

/**
 * The content is the proof of this sign-in only: with a nonce (`jwt` from `/oauth/nonce`), that nonce
 * is used up; without one, its time-stamp must be recent (the nonce's lifetime) and the same content is
 * taken once.
 */
function requireFresh(
  ctx: RequestContext,
  id: Identification,
  clientId: string,
  base64: string,
  signedAt: string | null,
): void {
  const { db, config, jwtSecret } = ctx.state;
  const now = ctx.now();
  if (id.jwt !== undefined) return consumeNonce(db, { jwt: id.jwt }, clientId, jwtSecret, now);
  const at = signedAt ? Date.parse(signedAt) : NaN;
  if (Number.isNaN(at) || now.getTime() - at > config.nonceTtlSeconds * 1000 || at - now.getTime() > 60_000)
    throw accessDenied('Signed content is too old: sign the patient data again.');
  const digest = createHash('sha256').update(base64).digest('hex');
  const used = db
    .prepare('INSERT OR IGNORE INTO confidant_sign_ins (content_sha256, used_at) VALUES (?, ?)')
    .run(digest, isoDateTime(now));
  if (used.changes === 0) throw accessDenied('Signed content has already been used.');
}

async function confidantSignIn(ctx: RequestContext) {
  const body = parseBody(SignInBody, ctx.body);
  const { db } = ctx.state;
  const client = authenticateClient(db, body.token.client_id, body.token.client_secret, true);
  if (client.type !== 'TRUSTED_PIS') throw accessDenied('Client is not allowed to issue login token.');
  const scope = requestedScope(client, body.token.scope, '$.token.scope');
  const signed = await readSignedJson(
    ctx.state.verifier,
    body.signed_content,
    body.signed_content_encoding,
    ctx.now(),
  );
  const id = identificationOf(signed.json);
  const confidantId = personByDrfo(db, signed.signer.drfo);
  if (!confidantId) throw accessDenied('Person with tax id from digital signature not found.');
  const patientId = findPatient(db, id);
  if (!activeRelation(db, patientId, confidantId, ctx.now()))
    throw forbidden('There is no registered relation between the confidant person and the patient');

  return ctx.commit(() => {
    requireFresh(ctx, id, client.id, signed.base64, signed.signer.signedAt);
    const patientTaxId = (
      db.prepare('SELECT tax_id FROM persons WHERE id = ?').get(patientId) as {
        tax_id: string | null;
      }
    ).tax_id;
    return created(
      grantPatient(ctx, client.id, patientId, patientTaxId ?? '', scope, {
        personId: confidantId,
        drfo: signed.signer.drfo,
      }),
    );
  });
}

export const confidantRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/api/pis/confidant/sign-in',
    access: { kind: 'api-key' },
    handler: confidantSignIn,
  },
];
