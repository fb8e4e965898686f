import { normalizeApostrophes } from '../apostrophe';
import { isValidPhone } from './contacts';
import { ageInYears, isIsoDate } from './dates';
import type { PersonInput, RuleViolation } from './types';
import { personViolations, type PersonRulesContext } from './validate';

/**
 * Registering oneself with eHealth (trusted-PIS sign-up): the person rules of a person request, plus
 * what eHealth checks against the key certificate that signs the registration — the signer is the
 * person (tax id = the certificate's DRFO; without a tax id, the passport or ID card number is), the
 * certificate's given name contains the first name and its surname is the last name — one phone for
 * the SMS code, and an age of at least 14 (a child is registered by a parent).
 */

/** What the key certificate says about its owner (read in main from the opened key). */
export interface CertificateIdentity {
  drfo: string;
  surname: string | null;
  /** Given name and patronymic, as certificates carry them («Остап Юрійович»). */
  givenName: string | null;
}

const MIN_AGE = 14;

const fold = (s: string): string => normalizeApostrophes(s.normalize('NFC')).trim();
const compact = (s: string): string => s.replace(/\s+/gu, '').toUpperCase();

/** A DRFO of 10 digits is a tax id; anything else (a passport or ID card number) means none was taken. */
export const isTaxIdDrfo = (drfo: string): boolean => /^[0-9]{10}$/.test(compact(drfo));

/** The identity checks alone (the certificate against the typed person), in eHealth's order. */
export function identityViolations(
  p: Pick<PersonInput, 'tax_id' | 'no_tax_id' | 'first_name' | 'last_name' | 'documents'>,
  cert: CertificateIdentity,
): RuleViolation[] {
  const drfo = compact(cert.drfo);
  const same =
    p.no_tax_id === true
      ? p.documents.some(
          (d) => (d.type === 'PASSPORT' || d.type === 'NATIONAL_ID') && compact(d.number) === drfo,
        )
      : compact(p.tax_id ?? '') === drfo;
  if (!same) return [{ path: p.no_tax_id === true ? 'documents' : 'tax_id', rule: 'registration.notSigner' }];
  const given = fold(cert.givenName ?? '').toLowerCase();
  if (!given || !given.includes(fold(p.first_name).toLowerCase()))
    return [{ path: 'first_name', rule: 'registration.firstName' }];
  if (fold(cert.surname ?? '') !== fold(p.last_name))
    return [{ path: 'last_name', rule: 'registration.lastName' }];
  return [];
}

/**
 * Every reason eHealth would refuse this registration. `authPhone` is the phone the SMS code goes to
 * (the registration's one authentication method).
 */
export function registrationViolations(
  p: PersonInput,
  authPhone: string,
  cert: CertificateIdentity,
  ctx: PersonRulesContext,
): RuleViolation[] {
  const out = personViolations(p, ctx);
  if (!isValidPhone(authPhone))
    out.push({ path: 'authentication_methods.0.phone_number', rule: 'phone.format' });
  if (out.length > 0) return out;
  if (isIsoDate(p.birth_date) && ageInYears(p.birth_date, ctx.today) < MIN_AGE)
    return [{ path: 'birth_date', rule: 'registration.under14' }];
  return identityViolations(p, cert);
}

/**
 * The JSON the patient signs to register (`POST /api/pis/sign-up`'s decoded payload): the person as
 * typed (normalized), eHealth's `no_tax_id` always present, the phone of the SMS code as the one
 * authentication method, consent and the patient's signature flag, and the PIS's nonce as `jwt`.
 */
export function registrationPayload(p: PersonInput, authPhone: string, jwt: string): Record<string, unknown> {
  return {
    person: {
      ...p,
      no_tax_id: p.no_tax_id === true,
      authentication_methods: [{ type: 'OTP', phone_number: authPhone }],
      process_disclosure_data_consent: true,
    },
    patient_signed: true,
    process_disclosure_data_consent: true,
    jwt,
  };
}
