import { Readable } from 'node:stream';
import pino from 'pino';
import { openDatabase, type Db } from '../../../core/db/database';
import { issueToken } from '../../auth/tokens';
import { sandboxMigrations } from '../../db/migrations';
import { Faults } from '../../faults';
import type { SandboxState } from '../../state';
import { unavailableVerifier } from '../../signature';
import { exchangeOf, type Exchange, type Front, type Verdict } from '../exchange';
import { IdempotencyStore } from '../idempotency';
import type { RecordedExchange } from '../recorder';
import { Router, type Route } from '../router';

export const API_KEY = 'test-api-key';
export const NOW = new Date('2026-03-02T08:00:00.000Z');
export const BASE_URL = 'http://127.0.0.1:9';

export interface TestFront extends Front {
  db: Db;
  recorded: RecordedExchange[];
}

/** A front on an empty sandbox database (schema only), a fixed clock and the given routes. */
export function testFront(
  opts: { eHealth?: Route[]; tools?: Route[]; random?: () => number; record?: boolean } = {},
): TestFront {
  const db = openDatabase(':memory:', sandboxMigrations);
  const state: SandboxState = {
    db,
    now: () => NOW,
    baseUrl: BASE_URL,
    config: {
      clientId: 'client-1',
      clientSecret: API_KEY,
      apiKey: API_KEY,
      scope: 'person:sign_in',
      accessTokenTtlSeconds: 900,
      refreshTokenTtlSeconds: 8 * 3600,
      nonceTtlSeconds: 900,
      requestTtlDays: 1,
      declarationTermDays: 365,
      otpTtlMinutes: 15,
      otpMaxAttempts: 3,
      pageSizeMax: 300,
      pageSizeDefault: 50,
      uploadUrlTtlSeconds: 3600,
    },
    jwtSecret: Buffer.alloc(32, 1),
    faults: new Faults(opts.random ?? (() => 0)),
    verifier: unavailableVerifier,
    log: pino({ level: 'silent' }),
    bootId: 'boot-1',
    seed: 'small',
    tsa: null,
    ocsp: null,
  };
  const recorded: RecordedExchange[] = [];
  return {
    db,
    recorded,
    state,
    eHealth: new Router().add(...(opts.eHealth ?? [])),
    tools: new Router().add(...(opts.tools ?? [])),
    idempotency: new IdempotencyStore(db, state.bootId),
    recorder: opts.record === false ? null : { write: (e) => void recorded.push(e) },
  };
}

/** An exchange as it arrives: the body (if any) is still to be received. */
export function arriving(
  method: string,
  target: string,
  opts: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Exchange {
  const chunks = opts.body === undefined ? [] : [Buffer.from(opts.body)];
  return exchangeOf({ method, url: target, headers: opts.headers ?? {} }, Readable.from(chunks), BASE_URL);
}

/** An exchange whose body has been received (the stages after `receive` read `raw`). */
export function received(
  method: string,
  target: string,
  opts: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Exchange {
  const x = arriving(method, target, opts);
  x.raw = opts.body === undefined ? Buffer.alloc(0) : Buffer.from(opts.body);
  return x;
}

/** A patient with an access token; `birthDate` decides their legal capacity. */
export function patient(
  db: Db,
  opts: { scope: string; birthDate?: string; capacity?: 'VERIFIED' | 'NOT_VERIFIED' },
): { personId: string; token: string } {
  const personId = `person-${Math.random().toString(16).slice(2)}`;
  const verification = {
    verification_status: 'VERIFIED',
    details: opts.capacity
      ? { legal_capacity: { verification_status: opts.capacity, verification_reason: 'ONLINE_TEST' } }
      : {},
  };
  db.prepare('INSERT INTO persons (id, tax_id, doc, verification, updated_at) VALUES (?, ?, ?, ?, ?)').run(
    personId,
    null,
    JSON.stringify({ id: personId, birth_date: opts.birthDate ?? '1980-01-01' }),
    JSON.stringify(verification),
    NOW.toISOString(),
  );
  const userId = `user-${personId}`;
  db.prepare('INSERT INTO users (id, person_id, tax_id, inserted_at) VALUES (?, ?, ?, ?)').run(
    userId,
    personId,
    '1234567890',
    NOW.toISOString(),
  );
  const token = issueToken(
    db,
    'access_token',
    {
      userId,
      personId,
      applicantUserId: userId,
      applicantPersonId: personId,
      clientId: 'client-1',
      appId: 'app-1',
      scope: opts.scope,
      sessionId: 's-1',
    },
    900,
    NOW,
  );
  return { personId, token: token.value };
}

export interface Envelope {
  meta: Record<string, unknown>;
  data?: unknown;
  error?: { type: string; message: string };
}

/** The sandbox answer of a verdict: status, headers and its parsed envelope. */
export function replyOf(verdict: Verdict): {
  status: number;
  headers: Record<string, string>;
  json: Envelope;
} {
  if (!verdict || !('reply' in verdict)) throw new Error(`not a reply: ${JSON.stringify(verdict)}`);
  const r = verdict.reply;
  return {
    status: r.status,
    headers: r.headers,
    json: r.body === null ? { meta: {} } : (JSON.parse(r.body) as Envelope),
  };
}
