/**
 * One request on its way through the sandbox's HTTP front (http/pipeline.ts). The stages fill it in
 * one after the other; each reads only what the stages before it wrote.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import type { AuthUser } from '../auth/tokens';
import { STORAGE_PREFIX } from '../domain/documents';
import type { FaultDecision } from '../faults';
import type { SandboxState } from '../state';
import type { EnvelopeMeta, Rendered } from './envelope';
import type { IdempotencyStore } from './idempotency';
import type { RecordedExchange } from './recorder';
import type { Route, Router } from './router';

/**
 * `ehealth`: the simulated eHealth API (faults, api-key, idempotency, recording apply);
 * `tool`: `/sandbox/*`; `trust`: the QTSP's services `/tsa` and `/ocsp` — not eHealth's, so its
 * faults spare them; `storage`: eHealth's document storage behind the pre-signed upload URLs
 * (`/storage/…`: the link's faults apply, not the API's envelope rules, and it is not recorded).
 */
export type ExchangeKind = 'ehealth' | 'tool' | 'trust' | 'storage';

export interface Exchange {
  readonly method: string;
  readonly url: URL;
  readonly kind: ExchangeKind;
  readonly headers: IncomingHttpHeaders;
  readonly requestId: string;
  /** `X-Idempotency-Key` of a change sent to eHealth; the key its records are kept under */
  readonly idempotencyKey: string | undefined;
  /** what every envelope's meta repeats */
  readonly meta: EnvelopeMeta;
  /** the request's body as it arrives, read by the receive stage */
  readonly incoming: Readable;
  /** this request's roll of the fault dice (none for tools and trust services) */
  faults: FaultDecision;
  /** the body's bytes once received; `too-large` past the limit */
  raw: Buffer | 'too-large' | null;
  /** the parsed JSON body (null without one) */
  body: unknown;
  /** the body as JSON text for the traffic recorder; null without a JSON body */
  requestJson: string | null;
  route: Route | null;
  params: Record<string, string>;
  /** the patient behind the bearer token, on `user` routes */
  user: AuthUser | null;
}

/** An answer served in eHealth's place by something on the way (a captive portal): sent as it is. */
export interface ForeignAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * What a stage decides: `undefined` passes the exchange on to the next stage; `reply` is the
 * sandbox's answer (the record stage adds its Date, X-Request-ID and length, and records it);
 * `foreign` an answer not from the sandbox; `drop` kills the connection with no answer at all.
 */
export type Verdict = { reply: Rendered } | { foreign: ForeignAnswer } | { drop: true } | undefined;

/** The one running sandbox, as the stages see it. */
export interface Front {
  state: SandboxState;
  eHealth: Router;
  tools: Router;
  idempotency: IdempotencyStore;
  recorder: { write(e: RecordedExchange): void } | null;
}

export type Stage = (x: Exchange, front: Front) => Verdict | Promise<Verdict>;

export const DROP: Verdict = { drop: true };

/** No fault: what tools and trust services get, and eHealth calls until the faults stage rolls. */
export const NO_FAULTS: FaultDecision = Object.freeze({ error: null, drop: 'none' });

const MUTATING = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

export const headerOf = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
};

export const kindOf = (path: string): ExchangeKind =>
  path === '/sandbox' || path.startsWith('/sandbox/')
    ? 'tool'
    : path === '/tsa' || path === '/ocsp'
      ? 'trust'
      : path.startsWith(STORAGE_PREFIX)
        ? 'storage'
        : 'ehealth';

/** The exchange of a request that just arrived (the request target as Node gives it, e.g. `/x?y=1`). */
export function exchangeOf(
  req: { method?: string | undefined; url?: string | undefined; headers: IncomingHttpHeaders },
  incoming: Readable,
  baseUrl: string,
): Exchange {
  const target = req.url ?? '/';
  const url = new URL(target, 'http://sandbox.invalid');
  const method = (req.method ?? 'GET').toUpperCase();
  const kind = kindOf(url.pathname);
  const requestId = headerOf(req.headers, 'x-request-id') ?? randomUUID();
  // the key is echoed in the meta of any answer but the tools'; only eHealth keeps records under it
  const key =
    MUTATING.has(method) && kind !== 'tool' ? headerOf(req.headers, 'x-idempotency-key') : undefined;
  return {
    method,
    url,
    kind,
    headers: req.headers,
    requestId,
    idempotencyKey: kind === 'ehealth' ? key : undefined,
    meta: { url: `${baseUrl}${target}`, requestId, ...(key ? { idempotencyKey: key } : {}) },
    incoming,
    faults: NO_FAULTS,
    raw: null,
    body: null,
    requestJson: null,
    route: null,
    params: {},
    user: null,
  };
}
