import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../core/db';
import { accessDenied } from '../errors';
import { isoDateTime, unixSeconds } from '../time';

export const hashToken = (value: string): string => createHash('sha256').update(value).digest('hex');

/** The patient behind an access token, as the HTTP front hands it to a route. */
export interface AuthUser {
  userId: string;
  personId: string;
  /** who signed in: the patient themselves, or a confidant person acting for them */
  applicantUserId: string;
  applicantPersonId: string;
  clientId: string;
  appId: string;
  tokenId: string;
  sessionId: string;
  scope: string[];
}

export interface IssuedToken {
  id: string;
  value: string;
  expiresAt: number;
}

export interface Grant {
  userId: string;
  personId: string;
  applicantUserId: string;
  applicantPersonId: string;
  clientId: string;
  appId: string;
  scope: string;
  sessionId: string;
}

interface TokenRow {
  id: string;
  name: string;
  user_id: string;
  person_id: string;
  client_id: string;
  app_id: string;
  scope: string;
  session_id: string;
  expires_at: number;
  revoked_at: string | null;
  /** null on tokens issued before confidants: the patient themselves */
  applicant_user_id: string | null;
  applicant_person_id: string | null;
}

/** Opaque random tokens; only their SHA-256 is stored. */
export function issueToken(
  db: Db,
  name: 'access_token' | 'refresh_token',
  grant: Grant,
  ttlSeconds: number,
  now: Date,
): IssuedToken {
  const id = randomUUID();
  const value = randomBytes(32).toString('base64url');
  const expiresAt = unixSeconds(now) + ttlSeconds;
  db.prepare(
    `INSERT INTO tokens (id, hash, name, user_id, person_id, applicant_user_id, applicant_person_id, client_id, app_id,
       scope, session_id, expires_at, inserted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    hashToken(value),
    name,
    grant.userId,
    grant.personId,
    grant.applicantUserId,
    grant.applicantPersonId,
    grant.clientId,
    grant.appId,
    grant.scope,
    grant.sessionId,
    expiresAt,
    isoDateTime(now),
  );
  return { id, value, expiresAt };
}

export function findToken(
  db: Db,
  value: string,
  name: 'access_token' | 'refresh_token',
): TokenRow | undefined {
  return db.prepare('SELECT * FROM tokens WHERE hash = ? AND name = ?').get(hashToken(value), name) as
    TokenRow | undefined;
}

/** The patient behind a bearer token, or a 401. */
export function authenticate(db: Db, authorization: string | undefined, now: Date): AuthUser {
  if (!authorization) throw accessDenied('Authorization header required');
  const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!m) throw accessDenied('Authorization header must be a Bearer token');
  const row = findToken(db, m[1] as string, 'access_token');
  if (!row) throw accessDenied('Invalid access token');
  if (row.revoked_at) throw accessDenied('Access token has been revoked');
  if (row.expires_at <= unixSeconds(now)) throw accessDenied('Access token expired');
  return {
    userId: row.user_id,
    personId: row.person_id,
    applicantUserId: row.applicant_user_id ?? row.user_id,
    applicantPersonId: row.applicant_person_id ?? row.person_id,
    clientId: row.client_id,
    appId: row.app_id,
    tokenId: row.id,
    sessionId: row.session_id,
    scope: row.scope.split(/\s+/).filter(Boolean),
  };
}

export const revokeSession = (db: Db, sessionId: string, now: Date): void => {
  db.prepare('UPDATE tokens SET revoked_at = ? WHERE session_id = ? AND revoked_at IS NULL').run(
    isoDateTime(now),
    sessionId,
  );
};
