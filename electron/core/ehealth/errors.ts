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

export function networkFailure(cause: unknown, timedOut: boolean): EhealthFailure {
  const reason =
    cause instanceof Error
      ? ((cause as Error & { cause?: { code?: string } }).cause?.code ?? cause.name)
      : 'unknown';
  return failure(
    'EHEALTH_UNAVAILABLE',
    timedOut ? 'eHealth did not answer in time' : 'eHealth is unreachable',
    {
      retryable: true,
      network: true,
      timeout: timedOut,
      reason: String(reason).slice(0, 64),
    },
  );
}

/** True for the failures a delivery should retry later (network, 5xx, 429, idempotent replay in flight). */
export const isRetryable = (e: KioskError): boolean =>
  (e.details as Partial<EhealthFailureDetails> | undefined)?.retryable === true;
