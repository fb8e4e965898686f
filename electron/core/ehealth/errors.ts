import type { ConnectivityCause } from '#shared/contract/app';
import type { ErrorCode } from '#shared/errors';
import type { KioskError } from '#shared/result';
import { ErrorEnvelope } from './envelope';

/** eHealth's own error, kept as it came (minus rule params) so the registrar sees what eHealth said. */
export interface EhealthErrorInfo {
  status: number;
  type: string | null;
  message: string | null;
  invalid: {
    entry: string | null;
    entryType: string | null;
    rules: { rule: string | null; description: string | null }[];
  }[];
  requestId: string | null;
}

/**
 * Details every eHealth failure carries. `retryable` is the delivery decision (network, 5xx, 429,
 * an idempotent request still in flight); `refreshFailed` means the patient's tokens are no longer
 * accepted — only the patient can fix that.
 */
export interface EhealthFailureDetails {
  retryable: boolean;
  status?: number;
  network?: boolean;
  timeout?: boolean;
  retryAfterSeconds?: number;
  refreshFailed?: boolean;
  idempotencyInFlight?: boolean;
  ehealth?: EhealthErrorInfo;
  reason?: string;
  /** For failures of the link (network-class): why, as the registrar is told it. */
  cause?: ConnectivityCause;
}

export type EhealthFailure = KioskError & { details: EhealthFailureDetails & Record<string, unknown> };

export function failure(code: ErrorCode, message: string, details: EhealthFailureDetails): EhealthFailure {
  return { code, message, details: { ...details } };
}

/** Parses `Retry-After` given as seconds or as an HTTP date; null when absent or unusable. */
export function parseRetryAfter(value: string | null, now: Date = new Date()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.min(Number(trimmed), 24 * 3600);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.min((at - now.getTime()) / 1000, 24 * 3600));
}

export function parseErrorBody(status: number, text: string): EhealthErrorInfo | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = ErrorEnvelope.safeParse(json);
  if (!parsed.success) return null;
  const e = parsed.data.error;
  // a well-formed eHealth error says what kind of error it is
  if (typeof e.type !== 'string' && typeof e.message !== 'string') return null;
  return {
    status,
    type: e.type ?? null,
    message: e.message ?? null,
    invalid: (e.invalid ?? []).map((i) => ({
      entry: i.entry ?? null,
      entryType: i.entry_type ?? null,
      rules: (i.rules ?? []).map((r) => ({ rule: r.rule ?? null, description: r.description ?? null })),
    })),
    requestId: typeof parsed.data.meta?.request_id === 'string' ? parsed.data.meta.request_id : null,
  };
}

const SMS_MESSAGES: [RegExp, ErrorCode][] = [
  [/invalid verification code/i, 'SMS_CODE_WRONG'],
  [/verification code expired/i, 'SMS_CODE_EXPIRED'],
  [/maximum attempts/i, 'SMS_ATTEMPTS_EXCEEDED'],
];

/** An idempotent replay that arrived while the first request is still being processed (IETF draft: 409). */
const isIdempotencyInFlight = (status: number, info: EhealthErrorInfo | null): boolean =>
  status === 409 && /idempoten/i.test(`${info?.type ?? ''} ${info?.message ?? ''}`);

/** Maps an HTTP error status and eHealth's error envelope onto a kiosk error code, keeping eHealth's error. */
export function mapHttpError(
  status: number,
  bodyText: string,
  retryAfterHeader: string | null,
  now: Date = new Date(),
): EhealthFailure {
  const info = parseErrorBody(status, bodyText);
  const ehealth = info ?? {
    status,
    type: null,
    message: null,
    invalid: [],
    requestId: null,
  };
  const text = `${info?.type ?? ''} ${info?.message ?? ''}`;
  const retryAfter = parseRetryAfter(retryAfterHeader, now);
  const withRetryAfter = retryAfter === null ? {} : { retryAfterSeconds: retryAfter };

  if (status === 429 || status >= 500) {
    return failure('EHEALTH_UNAVAILABLE', `eHealth answered ${status}`, {
      retryable: true,
      status,
      ehealth,
      cause: status === 429 ? 'rate-limited' : 'server-error',
      ...withRetryAfter,
    });
  }
  if (isIdempotencyInFlight(status, info)) {
    return failure('EHEALTH_UNAVAILABLE', 'the same request is still being processed by eHealth', {
      retryable: true,
      status,
      idempotencyInFlight: true,
      ehealth,
      ...withRetryAfter,
    });
  }
  for (const [re, code] of SMS_MESSAGES) {
    if (status < 500 && re.test(text))
      return failure(code, `eHealth refused the code (${status})`, { retryable: false, status, ehealth });
  }
  if (
    /person.*not found|not found.*person/i.test(text) &&
    (status === 403 || status === 404 || status === 422 || status === 401)
  ) {
    return failure('PERSON_NOT_FOUND', 'eHealth does not know this person', {
      retryable: false,
      status,
      ehealth,
    });
  }
  const code: ErrorCode =
    status === 401
      ? 'EHEALTH_UNAUTHORIZED'
      : status === 403
        ? 'EHEALTH_FORBIDDEN'
        : status === 404
          ? 'EHEALTH_NOT_FOUND'
          : status === 409
            ? 'EHEALTH_CONFLICT'
            : status === 422 && info?.type === 'validation_failed'
              ? 'VALIDATION'
              : 'EHEALTH_REJECTED';
  return failure(code, `eHealth refused the request (${status}${info?.type ? ` ${info.type}` : ''})`, {
    retryable: false,
    status,
    ehealth,
  });
}

const DNS_CODES = /^(ENOTFOUND|EAI_AGAIN|EAI_FAIL|EAI_NONAME|EAI_NODATA)$/;
const TLS_CODES =
  /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH|EPROTO)/;

/** The error code of a failed fetch (undici puts the system error under `cause`). */
function errorCodeOf(e: unknown): string {
  if (!(e instanceof Error)) return 'unknown';
  const inner = (e as Error & { cause?: { code?: unknown; cause?: { code?: unknown } } }).cause;
  const code = inner?.code ?? inner?.cause?.code ?? (e as Error & { code?: unknown }).code;
  return typeof code === 'string' ? code : e.name;
}

/** Why a request got no answer, as the registrar is told it. */
export function linkCauseOf(code: string, timedOut: boolean): ConnectivityCause {
  if (timedOut) return 'timeout';
  if (DNS_CODES.test(code)) return 'dns';
  if (TLS_CODES.test(code)) return 'tls';
  if (/TIMEOUT/i.test(code)) return 'timeout';
  return 'unreachable';
}

export function networkFailure(cause: unknown, timedOut: boolean): EhealthFailure {
  const reason = errorCodeOf(cause);
  return failure(
    'EHEALTH_UNAVAILABLE',
    timedOut ? 'eHealth did not answer in time' : 'eHealth is unreachable',
    {
      retryable: true,
      network: true,
      timeout: timedOut,
      reason: String(reason).slice(0, 64),
      cause: linkCauseOf(reason, timedOut),
    },
  );
}

/**
 * Whether an HTTP answer came from eHealth at all. Only eHealth's own envelopes (and its empty
 * 204s) count; a redirect, an HTML page (a captive portal's or a proxy's login or error page), or
 * any other body is something between the kiosk and eHealth, and never a refusal by eHealth.
 */
export function notEhealthAnswer(
  status: number,
  contentType: string | null,
  text: string,
): ConnectivityCause | null {
  if (status >= 500 || status === 429) return null; // eHealth or its front failing: retried as such
  if (status >= 300 && status < 400) return 'captive-portal';
  if (/^\s*text\/html|xhtml/i.test(contentType ?? '') || /^\s*</.test(text)) return 'captive-portal';
  if (status >= 200 && status < 300) {
    if (status === 204 || text.trim() === '') return null;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return 'not-ehealth';
    }
    const isEnvelope =
      typeof json === 'object' &&
      json !== null &&
      !Array.isArray(json) &&
      Object.prototype.hasOwnProperty.call(json, 'data') &&
      ((json as { meta?: unknown }).meta === undefined ||
        (typeof (json as { meta?: unknown }).meta === 'object' &&
          (json as { meta?: unknown }).meta !== null));
    return isEnvelope ? null : 'not-ehealth';
  }
  return parseErrorBody(status, text) ? null : 'not-ehealth';
}

/** A failure for an answer that did not come from eHealth: network-class, retried, never a refusal. */
export function notEhealthFailure(status: number, cause: ConnectivityCause): EhealthFailure {
  return failure(
    'EHEALTH_UNAVAILABLE',
    cause === 'captive-portal'
      ? `the network answered instead of eHealth (${status}, a login page or proxy)`
      : `the answer did not come from eHealth (${status})`,
    { retryable: true, network: true, status, reason: cause, cause },
  );
}

/** True for the failures a delivery should retry later (network, 5xx, 429, idempotent replay in flight). */
export const isRetryable = (e: KioskError): boolean =>
  (e.details as Partial<EhealthFailureDetails> | undefined)?.retryable === true;
