/**
 * What eHealth's answers to a registration say, read for the visitor: the nonce's expiry (the
 * registration's deadline) and eHealth's refusals of a sign-up as the fields the patient must change.
 */
import type { OperationView } from '#shared/contract/outbox';
import type { RuleViolation } from '#shared/rules/person/index';
import { pathFromEntry } from '../person';

/** eHealth's nonce lives about 15 minutes; used only when its own expiry cannot be read from it. */
export const NONCE_FALLBACK_MS = 15 * 60_000;

/**
 * When eHealth stops accepting the nonce, on the kiosk clock: the JWT's `exp` (seconds on eHealth's
 * clock) moved by the measured offset between the clocks. Null when the nonce carries no `exp`.
 */
export function nonceExpiry(nonce: string, toLocalMs: (serverMs: number) => number): Date | null {
  const part = nonce.split('.')[1];
  if (!part) return null;
  try {
    const claims = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof claims.exp === 'number' && Number.isFinite(claims.exp)
      ? new Date(toLocalMs(claims.exp * 1000))
      : null;
  } catch {
    return null;
  }
}

/** eHealth's identity refusals of a sign-up (409), as the field the patient must change. */
function identityViolation(message: string): RuleViolation | null {
  if (/should be the same/i.test(message)) return { path: 'tax_id', rule: 'registration.notSigner' };
  if (/first_name|given_name/i.test(message)) return { path: 'first_name', rule: 'registration.firstName' };
  if (/last_name|surname/i.test(message)) return { path: 'last_name', rule: 'registration.lastName' };
  return null;
}

/**
 * A refused registration's fields for the form: the identity rule eHealth named (409), or the
 * entries of its 422; empty when eHealth named none (the refusal is then shown as it is).
 */
export function refusedFields(code: string, view: OperationView): RuleViolation[] {
  const ehealth = view.error?.ehealth ?? null;
  if (code === 'EHEALTH_CONFLICT') {
    const v = identityViolation(ehealth?.message ?? '');
    return v ? [v] : [];
  }
  if (code !== 'VALIDATION') return [];
  const fields = (ehealth?.entries ?? []).map((e) => e.split(':')[0] ?? '').filter(Boolean);
  return [...new Set(fields.map(pathFromEntry))].map((path) => ({ path, rule: 'ehealth.refused' as const }));
}
