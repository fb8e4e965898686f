import pino, { type DestinationStream, type Logger } from 'pino';
import { isErrorCode } from '#shared/errors';

export type { Logger } from 'pino';

/**
 * Keys whose values never reach a log line, at any depth. Logs are for operations, not people:
 * names, tax ids, phones, documents, tokens and passwords are replaced before serialisation.
 */
const PERSONAL_KEYS = new Set(
  [
    'first_name',
    'last_name',
    'second_name',
    'firstName',
    'lastName',
    'secondName',
    'fullName',
    'full_name',
    'name',
    'surname',
    'givenName',
    'given_name',
    'commonName',
    'common_name',
    'tax_id',
    'taxId',
    'drfo',
    'edrpou',
    'unzr',
    'birth_date',
    'birthDate',
    'birth_settlement',
    'phone',
    'phone_number',
    'phoneNumber',
    'phones',
    'email',
    'documents',
    'document',
    'number',
    'addresses',
    'address',
    'emergency_contact',
    'secret',
    'password',
    'pin',
    'passphrase',
    'token',
    'access_token',
    'refresh_token',
    'accessToken',
    'refreshToken',
    'value',
    'verification_code',
    'signed_content',
    'signedContent',
    'data_to_be_signed',
    'content',
    'payload',
    'authorization',
    'cookie',
    'api-key',
    'apiKey',
    'api_key',
    'client_secret',
    'clientSecret',
    'person',
  ].map((k) => k.toLowerCase()),
);

const REDACTED = '[redacted]';

/**
 * Digits that look like a tax id, a phone, a UNZR or a document number (ID cards have nine digits;
 * passports and birth certificates a series of two capital letters — with a Roman-numeral prefix for
 * birth certificates — and six digits); e-mail addresses; bearer tokens. Lookarounds rather than
 * `\b`, which does not see Cyrillic letters as word characters.
 */
const PERSONAL_PATTERNS: RegExp[] = [
  /\+?\d[\d\s-]{8,}\d/g,
  /(?<!\d)\d{9}(?!\d)/g,
  /[^\s@"']+@[^\s@"']+\.[a-z]{2,}/gi,
  /Bearer\s+\S+/gi,
  /(?<![\p{L}\d])(?:[IVXІ]{1,4}-)?\p{Lu}{2}\s?№?\s?\d{6}(?!\d)/gu,
];

/**
 * Error codes are not personal data and operators need them: a `code` is kept when it is one of
 * the kiosk's error codes (shared/errors.ts), an outbox outcome, or a system/library code such as
 * ECONNRESET, ERR_…, UND_ERR_… or SQLITE_…. Anything else under `code` (an SMS code, a document
 * code) is redacted like any personal field.
 */
const OPERATIONAL_CODE =
  /^(?:E[A-Z0-9]{2,15}|(?:ERR|UND_ERR|SQLITE|ABORT)_[A-Z0-9_]{1,48}|DISCARDED|EXPIRED)$/;

export const isOperationalCode = (value: unknown): boolean =>
  isErrorCode(value) || (typeof value === 'string' && OPERATIONAL_CODE.test(value));

export function scrubText(text: string): string {
  return PERSONAL_PATTERNS.reduce((t, re) => t.replace(re, REDACTED), text);
}

export function scrub(value: unknown, depth = 0): unknown {
  if (depth > 8) return REDACTED;
  if (typeof value === 'string') return scrubText(value);
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  if (value instanceof Error) {
    const code = (value as Error & { code?: unknown }).code;
    return {
      type: value.name,
      message: scrubText(value.message),
      ...(code !== undefined ? { code: isOperationalCode(code) ? code : REDACTED } : {}),
    };
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const key = k.toLowerCase();
      out[k] =
        key === 'code'
          ? isOperationalCode(v)
            ? v
            : REDACTED
          : PERSONAL_KEYS.has(key)
            ? REDACTED
            : scrub(v, depth + 1);
    }
    return out;
  }
  return value;
}

export interface LoggerOptions {
  level?: pino.LevelWithSilent;
  destination?: DestinationStream;
  name?: string;
}

/** Structured JSON logs with personal data scrubbed from both fields and messages. */
export function createLogger(opts: LoggerOptions = {}): Logger {
  return pino(
    {
      name: opts.name ?? 'kiosk',
      level: opts.level ?? (process.env.KIOSK_LOG_LEVEL as pino.LevelWithSilent | undefined) ?? 'info',
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { log: (obj) => scrub(obj) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((a) => (typeof a === 'string' ? scrubText(a) : a)) as Parameters<
            typeof method
          >;
          method.apply(this, scrubbed);
        },
      },
    },
    opts.destination ?? pino.destination({ dest: 2, sync: true }),
  );
}

/** A logger that writes nothing (tests, CLI --json). */
export const silentLogger = (): Logger => pino({ level: 'silent' });
