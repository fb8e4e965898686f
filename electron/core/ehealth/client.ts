import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ConnectivityCause } from '#shared/contract/app';
import type { Result } from '#shared/result';
import type { EhealthConfig } from './config';
import { Meta, Paging, SuccessEnvelope } from './envelope';
import {
  failure,
  mapHttpError,
  networkFailure,
  notEhealthAnswer,
  notEhealthFailure,
  parseErrorBody,
  type EhealthFailure,
} from './errors';
import { TooLargeError } from '../io';
import { ServerClock } from './server-clock';
import { fetchTransport, type HttpMethod, type HttpTransport } from './transport';

/**
 * Something that holds a patient's access token and can renew it. `refresh` fails with
 * `details.refreshFailed = true` when eHealth refuses the refresh token (only the patient can fix
 * that) and with a retryable failure when eHealth could not be reached.
 */
export interface TokenSource {
  accessToken(): string | null;
  refresh(): Promise<Result<void>>;
}

export type CallAuth = 'none' | 'api-key' | TokenSource | { bearer: string };

export type QueryValue = string | number | boolean | null | undefined;

export interface CallOptions<T> {
  method: HttpMethod;
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** 'api-key' (default): only the client's api-key; a TokenSource adds the patient's bearer token. */
  auth?: CallAuth;
  /** Sent as `X-Idempotency-Key`: replays of the same key and payload return the first response. */
  idempotencyKey?: string;
  /** Schema of the envelope's `data`. Extra fields are tolerated by the schemas in ./schemas. */
  data?: z.ZodType<T>;
  timeoutMs?: number;
  /** The largest answer read (default: the transport's, 16 MiB); bulk dumps raise it. */
  maxBodyBytes?: number;
}

export interface EhealthResponse<T> {
  status: number;
  data: T;
  meta: Meta | undefined;
  paging: Paging | undefined;
  urgent: unknown;
}

/**
 * What a call looked like from the network's point of view (the connectivity monitor listens):
 * eHealth answered, eHealth failed (5xx, 429), something else answered instead of eHealth (a
 * captive portal, a proxy), or nothing answered.
 */
export type CallOutcome = 'ok' | 'server-error' | 'not-ehealth' | 'network-error';

/** An outcome with its cause (why the link is not fine), as the connectivity monitor takes it. */
export interface LinkReport {
  outcome: CallOutcome;
  cause?: ConnectivityCause | null;
}

export interface EhealthClientOptions {
  transport?: HttpTransport;
  now?: () => Date;
  onOutcome?: (outcome: CallOutcome, cause?: ConnectivityCause | null) => void;
  /** eHealth's clock, measured from its `Date` headers (default: one of the client's own). */
  serverClock?: ServerClock;
}

export type EhealthResult<T> = { ok: true; value: EhealthResponse<T> } | { ok: false; error: EhealthFailure };

const isTokenSource = (a: CallAuth): a is TokenSource =>
  typeof a === 'object' && 'accessToken' in a && typeof a.accessToken === 'function';

/**
 * The eHealth PIS HTTP client: builds requests (api-key, bearer, idempotency key, request id),
 * parses the `{meta, data, paging, urgent}` envelope, maps errors to kiosk error codes while
 * keeping eHealth's error, and on 401 renews the patient's token once and repeats the call.
 */
export class EhealthClient {
  private readonly transport: HttpTransport;
  private readonly now: () => Date;
  /** eHealth's clock, from the `Date` header of its answers. */
  readonly serverClock: ServerClock;

  constructor(
    readonly config: EhealthConfig,
    private readonly opts: EhealthClientOptions = {},
  ) {
    this.transport = opts.transport ?? fetchTransport;
    this.now = opts.now ?? (() => new Date());
    this.serverClock = opts.serverClock ?? new ServerClock(this.now);
  }

  url(path: string, query?: Record<string, QueryValue>): string {
    const u = new URL(this.config.baseUrl + (path.startsWith('/') ? path : `/${path}`));
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v !== undefined && v !== null && v !== '') u.searchParams.set(k, String(v));
    }
    return u.toString();
  }

  async call<T = unknown>(opts: CallOptions<T>): Promise<EhealthResult<T>> {
    const auth = opts.auth ?? 'api-key';
    if (isTokenSource(auth) && auth.accessToken() === null) {
      const renewed = await auth.refresh();
      if (!renewed.ok) return { ok: false, error: this.refreshError(renewed.error) };
    }
    const first = await this.once(opts, auth);
    if (first.ok || first.error.details.status !== 401 || !isTokenSource(auth)) return first;
    const renewed = await auth.refresh();
    if (!renewed.ok) return { ok: false, error: this.refreshError(renewed.error) };
    return this.once(opts, auth);
  }

  private refreshError(e: {
    code: string;
    message: string;
    details?: Record<string, unknown>;
  }): EhealthFailure {
    const d = (e.details ?? {}) as Partial<EhealthFailure['details']>;
    if (d.retryable) return e as EhealthFailure;
    return failure(
      'EHEALTH_UNAUTHORIZED',
      'the patient must sign in again: eHealth refused the refresh token',
      {
        ...d,
        retryable: false,
        refreshFailed: true,
      },
    );
  }

  private headers(opts: CallOptions<unknown>, auth: CallAuth): Record<string, string> {
    const h: Record<string, string> = {
      Accept: 'application/json',
      'X-Request-ID': randomUUID(),
    };
    if (auth !== 'none') h['api-key'] = this.config.apiKey;
    if (opts.body !== undefined) h['Content-Type'] = 'application/json';
    if (opts.idempotencyKey) h['X-Idempotency-Key'] = opts.idempotencyKey;
    if (isTokenSource(auth)) {
      const t = auth.accessToken();
      if (t) h.Authorization = `Bearer ${t}`;
    } else if (typeof auth === 'object') {
      h.Authorization = `Bearer ${auth.bearer}`;
    }
    return h;
  }

  private async once<T>(opts: CallOptions<T>, auth: CallAuth): Promise<EhealthResult<T>> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, opts.timeoutMs ?? this.config.timeoutMs);
    let status: number;
    let text: string;
    let retryAfter: string | null;
    let date: string | null;
    let contentType: string | null;
    const sentAt = this.now().getTime();
    let answered = 0;
    try {
      const init = {
        method: opts.method,
        headers: this.headers(opts as CallOptions<unknown>, auth),
        signal: controller.signal,
        ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
        ...(opts.maxBodyBytes ? { maxBodyBytes: opts.maxBodyBytes } : {}),
      };
      const res = await this.transport(this.url(opts.path, opts.query), init);
      status = answered = res.status;
      retryAfter = res.headers.get('retry-after');
      date = res.headers.get('date');
      contentType = res.headers.get('content-type');
      text = await res.text();
    } catch (e) {
      if (e instanceof TooLargeError) {
        // an answer bigger than any eHealth answer is not eHealth's: a failure of the link, retried
        this.opts.onOutcome?.('not-ehealth', 'not-ehealth');
        const failed = notEhealthFailure(answered, 'not-ehealth');
        return { ok: false, error: { ...failed, details: { ...failed.details, reason: e.code } } };
      }
      const failed = networkFailure(e, timedOut);
      this.opts.onOutcome?.('network-error', failed.details.cause ?? null);
      return { ok: false, error: failed };
    } finally {
      clearTimeout(timer);
    }
    // only eHealth refuses: whatever else answered is a failure of the link, retried later
    const notEhealth = notEhealthAnswer(status, contentType, text);
    if (notEhealth) {
      this.opts.onOutcome?.('not-ehealth', notEhealth);
      return { ok: false, error: notEhealthFailure(status, notEhealth) };
    }
    // eHealth's clock: from its own answers only (a failing proxy's page may carry another one)
    if (status < 500 || parseErrorBody(status, text))
      this.serverClock.observe(date, sentAt, this.now().getTime());
    const serverFailing = status >= 500 || status === 429;
    this.opts.onOutcome?.(
      serverFailing ? 'server-error' : 'ok',
      serverFailing ? (status === 429 ? 'rate-limited' : 'server-error') : null,
    );
    if (status < 200 || status >= 300) {
      return { ok: false, error: mapHttpError(status, text, retryAfter, this.serverClock.serverNow()) };
    }
    return this.parseSuccess(status, text, opts.data);
  }

  private parseSuccess<T>(status: number, text: string, schema: z.ZodType<T> | undefined): EhealthResult<T> {
    if (status === 204 || text.trim() === '') {
      const empty = schema ? schema.safeParse(undefined) : { success: true as const, data: undefined as T };
      if (empty.success)
        return {
          ok: true,
          value: { status, data: empty.data, meta: undefined, paging: undefined, urgent: undefined },
        };
      return { ok: false, error: unexpected(status, 'empty response') };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, error: unexpected(status, 'response is not JSON') };
    }
    const env = SuccessEnvelope.safeParse(json);
    if (!env.success) return { ok: false, error: unexpected(status, 'response is not an eHealth envelope') };
    const data = schema
      ? schema.safeParse(env.data.data)
      : { success: true as const, data: env.data.data as T };
    if (!data.success) {
      return {
        ok: false,
        error: unexpected(
          status,
          'response data does not match the expected shape',
          data.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.code}`),
        ),
      };
    }
    const paging = Paging.safeParse(env.data.paging);
    return {
      ok: true,
      value: {
        status,
        data: data.data,
        meta: env.data.meta,
        paging: paging.success ? paging.data : undefined,
        urgent: env.data.urgent,
      },
    };
  }
}

function unexpected(status: number, reason: string, issues?: string[]): EhealthFailure {
  return failure('EHEALTH_REJECTED', `unexpected answer from eHealth: ${reason}`, {
    retryable: false,
    status,
    reason: issues ? `${reason}: ${issues.join('; ')}` : reason,
  });
}
