import { isErrorCode } from '#shared/errors';
import type { KioskError } from '#shared/result';
import { dictionaries, translate } from './translate';
import type { Language } from './types';

/**
 * The `details` a service may attach that the renderer turns into words. Services put counts and
 * durations here (never personal data):
 *   attemptsLeft       — wrong password / SMS code / PIN: tries remaining before a lock;
 *   retryAfterSeconds  — a lock: how long until the next try is allowed.
 */
const nonNegativeInteger = (value: unknown): number | null =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;

const positiveNumber = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;

/** A plain-language sentence (or two) for an error, in the patient's language. */
export const errorText = (language: Language, error: Pick<KioskError, 'code' | 'details'>): string => {
  const dictionary = dictionaries[language];
  // a newer main may send a code this renderer does not know yet: say something true, not nothing
  const parts = [isErrorCode(error.code) ? dictionary.errors[error.code] : dictionary.errors.INTERNAL];
  const attemptsLeft = nonNegativeInteger(error.details?.attemptsLeft);
  if (attemptsLeft !== null) parts.push(translate(language, 'error.attemptsLeft', { count: attemptsLeft }));
  const retryAfter = positiveNumber(error.details?.retryAfterSeconds);
  if (retryAfter !== null)
    parts.push(translate(language, 'error.retryInMinutes', { count: Math.ceil(retryAfter / 60) }));
  return parts.join(' ');
};
