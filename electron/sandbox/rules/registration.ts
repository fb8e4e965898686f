import { z } from 'zod';
import { invalidEntry, type InvalidEntry } from '../errors';
import { drfoMatches } from '../signature';
import { ageInYears } from '../time';
import { personRuleViolations, PersonUpdateSchema, PHONE_RE } from './person-validation';

/**
 * eHealth's rules for a person registering themselves (`POST /api/pis/sign-up`): the decoded payload
 * (`Person_Request_PIS` + `patient_signed`, `process_disclosure_data_consent`, the nonce as `jwt`)
 * and the identity checks of its cabinet registration — the signer is the person being registered
 * (tax id = the certificate's DRFO), the given name in the certificate contains the first name, and
 * the surname is the last name.
 */

const AuthMethodSchema = z.object({
  type: z.enum(['OTP', 'OFFLINE', 'NA']),
  phone_number: z.string().regex(PHONE_RE, 'expected +380XXXXXXXXX').optional(),
});

export const RegistrationPersonSchema = PersonUpdateSchema.extend({
  no_tax_id: z.boolean(),
  authentication_methods: z.array(AuthMethodSchema).optional(),
  process_disclosure_data_consent: z.boolean().optional(),
});

export const RegistrationSchema = z.object({
  person: RegistrationPersonSchema,
  patient_signed: z.boolean(),
  process_disclosure_data_consent: z.boolean(),
  jwt: z.string().min(1),
});

export type RegistrationPerson = z.infer<typeof RegistrationPersonSchema>;

export interface CertificateNames {
  drfo: string;
  surname?: string | null | undefined;
  givenName?: string | null | undefined;
}

export interface IdentityRefusal {
  field: 'tax_id' | 'first_name' | 'last_name';
  message: string;
}

/** Apostrophe look-alikes and letter case aside, as the certificate and the keyboard write them. */
const fold = (s: string): string =>
  s
    .normalize('NFC')
    .replace(/[’ʼ‘`´]/g, "'")
    .trim();

/** The first identity check eHealth fails, or null when the signer is the person registered. */
export function registrationIdentityRefusal(
  person: Pick<RegistrationPerson, 'tax_id' | 'no_tax_id' | 'first_name' | 'last_name' | 'documents'>,
  signer: CertificateNames,
): IdentityRefusal | null {
  const same =
    person.no_tax_id === true
      ? person.documents.some(
          (d) => (d.type === 'PASSPORT' || d.type === 'NATIONAL_ID') && drfoMatches(signer.drfo, d.number),
        )
      : drfoMatches(signer.drfo, person.tax_id);
  if (!same)
    return { field: 'tax_id', message: 'Registration person and person that sign should be the same' };
  const given = fold(signer.givenName ?? '').toLowerCase();
  if (!given) return { field: 'first_name', message: 'Field given_name is empty in DS signer' };
  if (!given.includes(fold(person.first_name).toLowerCase()))
    return { field: 'first_name', message: "Input first_name doesn't match name from DS" };
  if (fold(signer.surname ?? '') !== fold(person.last_name))
    return { field: 'last_name', message: "Input last_name doesn't match name from DS" };
  return null;
}

export type RegistrationVerdict =
  | { kind: 'ok'; person: RegistrationPerson }
  /** 422 validation_failed: the payload's structure, the person rules, consent, the one method */
  | { kind: 'invalid'; entries: InvalidEntry[] }
  /** 422: a child is registered by a confidant (`/api/pis/confidant/sign-up`), not on their own */
  | { kind: 'child' }
  /** 409: the signer is not the person registered */
  | { kind: 'identity'; refusal: IdentityRefusal };

const p = (path: string) => `$.person.${path}`;
/** `$.person.documents.[0].type` — eHealth's JSON path notation. */
const jsonPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (acc, seg) => (typeof seg === 'number' ? `${acc}.[${seg}]` : `${acc}.${String(seg)}`),
    '$',
  );

/** eHealth's verdict on a decoded registration signed by `signer`, in the order it checks. */
export function judgeRegistration(
  json: unknown,
  signer: CertificateNames,
  now: Date,
  settlementExists: (id: string) => boolean,
): RegistrationVerdict {
  const parsed = RegistrationSchema.safeParse(json);
  if (!parsed.success)
    return {
      kind: 'invalid',
      entries: parsed.error.issues.map((i) => invalidEntry(jsonPath(i.path), 'invalid', i.message)),
    };
  const { person, process_disclosure_data_consent: consent, patient_signed: signedFlag } = parsed.data;
  const out = personRuleViolations(person, now, settlementExists);
  if (consent !== true || person.process_disclosure_data_consent === false)
    out.push(
      invalidEntry(
        '$.process_disclosure_data_consent',
        'acceptance',
        'consent to process and disclose personal data must be given (true)',
      ),
    );
  if (signedFlag !== true)
    out.push(invalidEntry('$.patient_signed', 'acceptance', 'the patient must sign (true)'));
  const methods = person.authentication_methods ?? [];
  if (methods.length !== 1)
    out.push(
      invalidEntry(p('authentication_methods'), 'length', 'Must be one and only one authentication method.'),
    );
  else if (methods[0]?.type === 'OTP' && !methods[0].phone_number)
    out.push(
      invalidEntry(p('authentication_methods.[0].phone_number'), 'required', 'phone_number is required'),
    );
  if (out.length > 0) return { kind: 'invalid', entries: out };
  if (ageInYears(person.birth_date, now) < 14) return { kind: 'child' };
  const refusal = registrationIdentityRefusal(person, signer);
  if (refusal) return { kind: 'identity', refusal };
  return { kind: 'ok', person };
}
