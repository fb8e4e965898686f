import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../core/db';
import { signJwt, verifyJwt } from '../auth/jwt';
import { findToken, issueToken, revokeSession, type Grant } from '../auth/tokens';
import { requireActiveRelation } from '../domain/relations';
import { userOf, type RequestContext } from '../http/context';
import { accessDenied, invalidField, unprocessable } from '../errors';
import { created, ok } from '../http/reply';
import type { Route } from '../http/router';
import { parseBody } from '../http/validate';
import { drfoMatches, readSignedJson } from '../signature';
import { isoDateTime, unixSeconds } from '../time';

interface ClientRow {
  id: string;
  name: string;
  type: string;
  secret: string;
  allowed_scope: string;
  blocked: number;
}

export function authenticateClient(
  db: Db,
  clientId: string,
  secret: string | undefined,
  requireSecret: boolean,
): ClientRow {
  const client = db.prepare('SELECT * FROM clients WHERE id = ?').get(clientId) as ClientRow | undefined;
  if (!client || client.blocked) throw accessDenied('Invalid client id or secret.');
  if ((requireSecret || client.type === 'TRUSTED_PIS') && secret !== client.secret)
    throw accessDenied('Invalid client id or secret.');
  return client;
}

const NonceBody = z.object({ client_id: z.string().min(1), client_secret: z.string().optional() });

function nonce(ctx: RequestContext) {
  const body = parseBody(NonceBody, ctx.body);
  const client = authenticateClient(ctx.state.db, body.client_id, body.client_secret, false);
  const now = ctx.now();
  const jti = randomUUID();
  const iat = unixSeconds(now);
  const exp = iat + ctx.state.config.nonceTtlSeconds;
  const token = signJwt(
    {
      aud: 'mithril-login',
      iss: 'EHealth',
      typ: 'access',
      nonce: randomUUID(),
      jti,
      iat,
      nbf: iat - 1,
      exp,
      sub: client.id,
    },
    ctx.state.jwtSecret,
  );
  return ctx.commit(() => {
    ctx.state.db
      .prepare('INSERT INTO nonces (jti, client_id, expires_at) VALUES (?, ?, ?)')
      .run(jti, client.id, exp);
    return ok({ token });
  });
}

const SignInBody = z.object({
  token: z.object({
    grant_type: z.literal('pis_auth'),
    client_id: z.string().min(1),
    client_secret: z.string().min(1),
    signed_content: z.string().min(1),
    signed_content_encoding: z.string().min(1),
    scope: z.string().min(1),
  }),
});

export function requestedScope(client: ClientRow, scope: string, entry: string): string {
  const requested = [...new Set(scope.split(/\s+/).filter(Boolean))];
  const allowed = new Set(client.allowed_scope.split(/\s+/));
  const extra = requested.filter((s) => !allowed.has(s));
  if (requested.length === 0) throw invalidField(entry, 'required', 'scope must not be empty');
  if (extra.length > 0)
    throw invalidField(entry, 'subset', `Scope is not allowed for the client: ${extra.join(' ')}`);
  return requested.join(' ');
}

/** Checks the signed nonce and uses it up (single use, expiring, issued to this client). */
export function consumeNonce(db: Db, signed: unknown, clientId: string, secret: Buffer, now: Date): void {
  const jwt = signed && typeof signed === 'object' ? (signed as Record<string, unknown>).jwt : undefined;
  if (typeof jwt !== 'string') throw unprocessable('Signed content does not contain field jwt.');
  const claims = verifyJwt(jwt, secret);
  if (!claims || claims.aud !== 'mithril-login' || typeof claims.jti !== 'string')
    throw accessDenied('Invalid nonce (jwt).');
  const row = db
    .prepare('SELECT client_id, expires_at, used_at FROM nonces WHERE jti = ?')
    .get(claims.jti) as { client_id: string; expires_at: number; used_at: string | null } | undefined;
  if (!row || row.client_id !== clientId) throw accessDenied('Invalid nonce (jwt).');
  if (row.used_at) throw accessDenied('Nonce has already been used.');
  if (row.expires_at <= unixSeconds(now)) throw accessDenied('Nonce expired.');
  db.prepare('UPDATE nonces SET used_at = ? WHERE jti = ? AND used_at IS NULL').run(
    isoDateTime(now),
    claims.jti,
  );
}

/** The person whose tax id is the signer's DRFO (passport-number DRFOs compared transliteration-insensitively). */
export function personByDrfo(db: Db, drfo: string): string | null {
  const exact = db.prepare('SELECT id FROM persons WHERE tax_id = ?').get(drfo.replace(/\s+/g, '')) as
    { id: string } | undefined;
  if (exact) return exact.id;
  const candidates = db
    .prepare("SELECT id, tax_id FROM persons WHERE tax_id IS NOT NULL AND tax_id GLOB '*[^0-9]*'")
    .all() as { id: string; tax_id: string }[];
  return candidates.find((c) => drfoMatches(drfo, c.tax_id))?.id ?? null;
}

async function signIn(ctx: RequestContext) {
  const { token } = parseBody(SignInBody, ctx.body);
  const { db } = ctx.state;
  const client = authenticateClient(db, token.client_id, token.client_secret, true);
  if (client.type !== 'TRUSTED_PIS') throw accessDenied('Client is not allowed to issue login token.');
  const scope = requestedScope(client, token.scope, '$.token.scope');
  const signed = await readSignedJson(
    ctx.state.verifier,
    token.signed_content,
    token.signed_content_encoding,
    ctx.now(),
    '$.token.signed_content',
  );
  consumeNonce(db, signed.json, client.id, ctx.state.jwtSecret, ctx.now());
  const personId = personByDrfo(db, signed.signer.drfo);
  if (!personId) throw accessDenied('Person with tax id from digital signature not found.');
  const pid = personId;

  return ctx.commit(() => created(grantPatient(ctx, client.id, pid, signed.signer.drfo, scope)));
}

/** The person's user, made on their first sign-in (or a confidant's first sign-in for them). */
function userFor(db: Db, personId: string, taxId: string, stamp: string): string {
  const user = db.prepare('SELECT id FROM users WHERE person_id = ?').get(personId) as
    { id: string } | undefined;
  if (user) return user.id;
  const id = randomUUID();
  db.prepare('INSERT INTO users (id, person_id, tax_id, inserted_at) VALUES (?, ?, ?, ?)').run(
    id,
    personId,
    taxId,
    stamp,
  );
  return id;
}

/**
 * Signs the person in for the client (inside a commit): their user (made on first sign-in), the
 * client's app with the scope added, and a new access and refresh token. The access token object
 * as `/api/pis/sign-in` and `/api/pis/sign-up` answer it. With `applicant` a confidant person signs
 * in for the patient `pid` (`/api/pis/confidant/sign-in`): the app is the patient's for this client
 * and this applicant, and the tokens carry the applicant (`drfo` is then the patient's tax id).
 */
export function grantPatient(
  ctx: RequestContext,
  clientId: string,
  pid: string,
  drfo: string,
  scope: string,
  applicant?: { personId: string; drfo: string },
): Record<string, unknown> & { user_id: string } {
  const { db, config } = ctx.state;
  const now = ctx.now();
  const stamp = isoDateTime(now);
  const user = { id: userFor(db, pid, drfo, stamp) };
  const applicantPersonId = applicant?.personId ?? pid;
  const applicantUserId = applicant ? userFor(db, applicant.personId, applicant.drfo, stamp) : user.id;
  const app = db
    .prepare(
      'SELECT id, scope FROM apps WHERE user_id = ? AND client_id = ? AND applicant_user_id = ? AND deleted_at IS NULL',
    )
    .get(user.id, clientId, applicantUserId) as { id: string; scope: string } | undefined;
  let appId: string;
  if (app) {
    appId = app.id;
    const merged = [...new Set([...app.scope.split(/\s+/), ...scope.split(/\s+/)])].filter(Boolean).join(' ');
    db.prepare('UPDATE apps SET scope = ?, updated_at = ? WHERE id = ?').run(merged, stamp, appId);
  } else {
    appId = randomUUID();
    db.prepare(
      'INSERT INTO apps (id, user_id, client_id, applicant_user_id, scope, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(appId, user.id, clientId, applicantUserId, scope, stamp, stamp);
  }
  const grant: Grant = {
    userId: user.id,
    personId: pid,
    applicantUserId,
    applicantPersonId,
    clientId,
    appId,
    scope,
    sessionId: randomUUID(),
  };
  const access = issueToken(db, 'access_token', grant, config.accessTokenTtlSeconds, now);
  const refresh = issueToken(db, 'refresh_token', grant, config.refreshTokenTtlSeconds, now);
  return {
    value: access.value,
    user_id: user.id,
    name: 'access_token',
    id: access.id,
    expires_at: access.expiresAt,
    details: {
      app_id: appId,
      applicant_user_id: applicantUserId,
      applicant_person_id: applicantPersonId,
      scope,
      refresh_token: refresh.value,
      grant_type: 'pis_auth',
      client_id: clientId,
    },
  };
}

const RefreshBody = z.object({
  token: z.object({
    client_id: z.string().min(1),
    client_secret: z.string().min(1),
    refresh_token: z.string().min(1),
    grant_type: z.literal('refresh_token'),
  }),
});

function refresh(ctx: RequestContext) {
  const { token } = parseBody(RefreshBody, ctx.body);
  const { db, config } = ctx.state;
  const client = authenticateClient(db, token.client_id, token.client_secret, true);
  const now = ctx.now();
  const row = findToken(db, token.refresh_token, 'refresh_token');
  if (!row || row.client_id !== client.id) throw accessDenied('Invalid refresh token.');
  if (row.revoked_at) throw accessDenied('Refresh token has been revoked.');
  if (row.expires_at <= unixSeconds(now)) throw accessDenied('Refresh token expired.');
  const app = db.prepare('SELECT id FROM apps WHERE id = ? AND deleted_at IS NULL').get(row.app_id);
  if (!app) throw accessDenied('Resource owner revoked access for the client.');
  const applicantPersonId = row.applicant_person_id ?? row.person_id;
  const applicantUserId = row.applicant_user_id ?? row.user_id;
  // a confidant's session lasts only as long as the relation it was opened for
  if (applicantPersonId !== row.person_id) requireActiveRelation(db, row.person_id, applicantPersonId, now);
  return ctx.commit(() => {
    const grant: Grant = {
      userId: row.user_id,
      personId: row.person_id,
      applicantUserId,
      applicantPersonId,
      clientId: row.client_id,
      appId: row.app_id,
      scope: row.scope,
      sessionId: row.session_id,
    };
    const access = issueToken(db, 'access_token', grant, config.accessTokenTtlSeconds, now);
    return created({
      value: access.value,
      user_id: row.user_id,
      user: { person_id: row.person_id },
      name: 'access_token',
      id: access.id,
      expires_at: access.expiresAt,
      details: {
        app_id: row.app_id,
        applicant_user_id: applicantUserId,
        applicant_person_id: applicantPersonId,
        scope: row.scope,
        grant_type: 'refresh_token',
        client_id: row.client_id,
      },
    });
  });
}

function logout(ctx: RequestContext) {
  const user = userOf(ctx);
  return ctx.commit(() => {
    revokeSession(ctx.state.db, user.sessionId, ctx.now());
    return ok({});
  });
}

export const authRoutes: Route[] = [
  { method: 'POST', pattern: '/oauth/nonce', access: { kind: 'api-key' }, handler: nonce },
  { method: 'POST', pattern: '/api/pis/sign-in', access: { kind: 'api-key' }, handler: signIn },
  { method: 'POST', pattern: '/oauth/tokens', access: { kind: 'api-key' }, handler: refresh },
  { method: 'POST', pattern: '/auth/logout', access: { kind: 'user' }, handler: logout },
];
