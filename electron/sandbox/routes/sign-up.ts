import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { verifyJwt } from '../auth/jwt';
import { loadPerson, maskPhone } from '../domain/persons';
import { checkOtp, isPhoneVerified, markOtpVerified, sendOtp } from '../domain/otp';
import type { RequestContext } from '../http/context';
import { accessDenied, conflict, invalidEntry, unprocessable, validationFailed } from '../errors';
import { created, ok } from '../http/reply';
import type { Route } from '../http/router';
import { parseBody } from '../http/validate';
import { PHONE_RE } from '../rules/person-validation';
import { judgeRegistration } from '../rules/registration';
import { readSignedJson } from '../signature';
import { ageInYears, isoDateTime, unixSeconds } from '../time';
import { authenticateClient, consumeNonce, grantPatient, personByDrfo, requestedScope } from './auth';

/**
 * Registration of a person eHealth does not know, by a trusted PIS:
 *   POST /api/sms_verifications (Authorization: the PIS's nonce) — an OTP to the phone, or
 *   "Verified" for a phone that passed a code before;
 *   POST /api/pis/sign-up — the КЕП-signed registration, the OTP, and the PIS's token request:
 *   the person is created (or completed) in the register, their user made, the scopes approved and
 *   the patient signed in (201 with the person, the user and an access token).
 */

const SmsVerificationBody = z.object({
  factor: z.string().regex(PHONE_RE, 'expected a phone number +380XXXXXXXXX'),
  type: z.literal('SMS'),
  content_hash: z.string().regex(/^[0-9a-fA-F]{32}$/, 'expected an MD5 hash (32 hex digits)'),
});

/** The trusted PIS's nonce in `Authorization: Bearer …`: ours, unexpired (it may be signed later). */
function requireNonce(ctx: RequestContext): void {
  const raw = ctx.headers.authorization;
  const header = Array.isArray(raw) ? raw[0] : raw;
  const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  if (!token) throw accessDenied('Authorization header with a nonce is required');
  const claims = verifyJwt(token, ctx.state.jwtSecret);
  if (!claims || claims.aud !== 'mithril-login' || typeof claims.jti !== 'string')
    throw accessDenied('Invalid nonce.');
  const row = ctx.state.db.prepare('SELECT expires_at FROM nonces WHERE jti = ?').get(claims.jti) as
    { expires_at: number } | undefined;
  if (!row) throw accessDenied('Invalid nonce.');
  if (row.expires_at <= unixSeconds(ctx.now())) throw accessDenied('Nonce expired.');
}

const registrationOtp = (phone: string) => `registration:${phone}`;

function smsVerification(ctx: RequestContext) {
  requireNonce(ctx);
  const body = parseBody(SmsVerificationBody, ctx.body);
  return ctx.commit(() => {
    if (isPhoneVerified(ctx.state.db, body.factor)) return ok({ result: 'Verified' });
    sendOtp(ctx.state, registrationOtp(body.factor), body.factor);
    return ok({ result: 'OTP sent' }, { urgent: { next_step: 'REQUEST_OTP' } });
  });
}

const SignUpBody = z.object({
  signed_content: z.string().min(1),
  signed_content_encoding: z.string().min(1),
  otp: z.number().int().min(0).max(9999).optional(),
  token: z.object({
    grant_type: z.literal('pis_auth'),
    client_id: z.string().min(1),
    client_secret: z.string().min(1),
    scope: z.string().min(1),
  }),
});

/** Legal capacity and the register checks as eHealth starts them for a person it has just created. */
function newPersonVerification(age: number, hasUnzr: boolean) {
  const check = (verification_status: string, verification_reason: string) => ({
    verification_status,
    verification_reason,
  });
  return {
    verification_status: 'NOT_VERIFIED',
    details: {
      drfo: { ...check('VERIFICATION_NEEDED', 'AUTO'), result: 0 },
      dracs_death: check('VERIFICATION_NEEDED', 'AUTO'),
      dracs_birth: check('VERIFICATION_NEEDED', 'AUTO'),
      nhs: check('VERIFICATION_NEEDED', 'AUTO'),
      unzr: hasUnzr
        ? { ...check('VERIFICATION_NEEDED', 'AUTO'), status: 0 }
        : { ...check('VERIFICATION_NOT_NEEDED', 'AUTO_DATA_ABSENT'), status: 0 },
      legal_capacity:
        age >= 18 ? check('VERIFICATION_NOT_NEEDED', 'AUTO') : check('NOT_VERIFIED', 'AUTO_DATA_ABSENT'),
    },
  };
}

async function signUp(ctx: RequestContext) {
  const body = parseBody(SignUpBody, ctx.body);
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
  const verdict = judgeRegistration(signed.json, signed.signer, ctx.now(), (id) =>
    Boolean(db.prepare('SELECT 1 FROM settlements WHERE id = ?').get(id)),
  );
  if (verdict.kind === 'invalid') throw validationFailed(verdict.entries);
  if (verdict.kind === 'child') throw unprocessable('Confidant person is mandatory for children');
  if (verdict.kind === 'identity') throw conflict(verdict.refusal.message);
  const { person } = verdict;
  const existing = personByDrfo(db, signed.signer.drfo);
  if (existing && db.prepare('SELECT 1 FROM users WHERE person_id = ?').get(existing))
    throw conflict('User with this tax_id already exists');
  const method = person.authentication_methods?.[0];
  const phone = method?.type === 'OTP' ? (method.phone_number ?? '') : null;
  let otpId: string | null = null;
  if (phone && !isPhoneVerified(db, phone)) {
    if (body.otp === undefined)
      throw validationFailed([invalidEntry('$.otp', 'required', 'The phone number is not verified.')]);
    otpId = checkOtp(ctx.state, registrationOtp(phone), body.otp).id;
  }
  consumeNonce(db, signed.json, client.id, ctx.state.jwtSecret, ctx.now());

  return ctx.commit(() => {
    const now = ctx.now();
    const stamp = isoDateTime(now);
    if (otpId) markOtpVerified(db, otpId);
    const personId = existing ?? randomUUID();
    const { authentication_methods: _methods, process_disclosure_data_consent: _consent, ...fields } = person;
    const doc = { ...fields, id: personId, no_tax_id: person.no_tax_id };
    const verification = newPersonVerification(ageInYears(person.birth_date, now), !!person.unzr);
    const taxId = person.no_tax_id ? signed.signer.drfo : (person.tax_id ?? null);
    if (existing)
      db.prepare('UPDATE persons SET doc = ?, updated_at = ? WHERE id = ?').run(
        JSON.stringify(doc),
        stamp,
        personId,
      );
    else
      db.prepare(
        'INSERT INTO persons (id, tax_id, persona_id, birth_anchor, doc, verification, updated_at) VALUES (?, ?, NULL, NULL, ?, ?, ?)',
      ).run(personId, taxId, JSON.stringify(doc), JSON.stringify(verification), stamp);
    const methodDoc = {
      id: randomUUID(),
      type: method?.type ?? 'NA',
      ...(phone ? { phone_number: phone } : {}),
      started_at: stamp,
      is_active: true,
      inserted_by: personId,
      updated_by: personId,
      person_id: personId,
      inserted_at: stamp,
      updated_at: stamp,
    };
    db.prepare('INSERT INTO auth_methods (id, person_id, doc, is_active) VALUES (?, ?, ?, 1)').run(
      methodDoc.id,
      personId,
      JSON.stringify(methodDoc),
    );
    // the registration is kept as the person's signed request (GET /sandbox/signed_content/person_requests/{id})
    const requestId = randomUUID();
    const request = {
      id: requestId,
      status: 'SIGNED',
      channel: 'PIS',
      inserted_at: stamp,
      updated_at: stamp,
      patient_signed: true,
      process_disclosure_data_consent: true,
      person: doc,
    };
    db.prepare(
      "INSERT INTO person_requests (id, person_id, status, doc, signed_content, inserted_at, updated_at) VALUES (?, ?, 'SIGNED', ?, ?, ?, ?)",
    ).run(requestId, personId, JSON.stringify(request), signed.base64, stamp, stamp);
    const token = grantPatient(ctx, client.id, personId, signed.signer.drfo, scope);
    const stored = loadPerson(db, personId).doc;
    return created({
      person: {
        ...stored,
        authentication_methods: [
          phone ? { type: methodDoc.type, phone_number: maskPhone(phone) } : { type: methodDoc.type },
        ],
      },
      user: { id: token.user_id, tax_id: signed.signer.drfo },
      token,
    });
  });
}

export const signUpRoutes: Route[] = [
  { method: 'POST', pattern: '/api/sms_verifications', access: { kind: 'nonce' }, handler: smsVerification },
  { method: 'POST', pattern: '/api/pis/sign-up', access: { kind: 'api-key' }, handler: signUp },
];
