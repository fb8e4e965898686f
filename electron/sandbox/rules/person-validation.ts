import { z } from 'zod';
import { invalidEntry, type InvalidEntry } from '../errors';
import { ageInYears, isoDate, parseIsoDate } from '../time';
import { isValidTaxId } from './tax-id';

/**
 * eHealth person validation (the structure of `Update_Person_Request_PIS` plus the business rules
 * of the person validators): names, tax id, unzr, documents, addresses, phones, consent.
 */

export const PHONE_RE = /^\+38[0-9]{10}$/;
/** Ukrainian Cyrillic letters, apostrophe, hyphen and space; Ы Ъ Э Ё are not Ukrainian. */
export const NAME_RE = /^(?!.*[ЫЪЭЁыъэё])[А-ЩЬЮЯҐЄІЇа-щьюяґєії'ʼ’\- ]+$/u;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export const DOCUMENT_TYPES = [
  'PASSPORT',
  'NATIONAL_ID',
  'BIRTH_CERTIFICATE',
  'BIRTH_CERTIFICATE_FOREIGN',
  'TEMPORARY_PASSPORT',
  'TEMPORARY_CERTIFICATE',
  'PERMANENT_RESIDENCE_PERMIT',
  'REFUGEE_CERTIFICATE',
  'COMPLEMENTARY_PROTECTION_CERTIFICATE',
] as const;
export const SETTLEMENT_TYPES = ['CITY', 'TOWNSHIP', 'VILLAGE', 'SETTLEMENT'] as const;
export const STREET_TYPES = [
  'STREET',
  'AVENUE',
  'BOULEVARD',
  'PASS',
  'SQUARE',
  'MAIDAN',
  'RIVER_SIDE',
  'ASCENT',
  'MICRODISTRICT',
  'BLIND_STREET',
  'HIGHWAY',
  'LANE',
  'ALLEY',
] as const;

const name = z
  .string()
  .min(1)
  .max(255)
  .regex(NAME_RE, 'must contain only Ukrainian letters, apostrophe, hyphen and space');
const date = z
  .string()
  .regex(DATE_RE, 'expected a date YYYY-MM-DD')
  .refine((s) => parseIsoDate(s) !== null, 'not a calendar date');
const phone = z.object({
  type: z.enum(['MOBILE', 'LAND_LINE']),
  number: z.string().regex(PHONE_RE, 'expected +380XXXXXXXXX'),
});

export const DocumentSchema = z.object({
  type: z.enum(DOCUMENT_TYPES),
  number: z.string().min(1).max(255),
  expiration_date: date.optional(),
  issued_by: z.string().min(1).max(255).optional(),
  issued_at: date.optional(),
});

export const AddressSchema = z.object({
  type: z.enum(['RESIDENCE', 'REGISTRATION']),
  country: z.literal('UA'),
  area: z.string().min(1).max(255),
  region: z.string().min(1).max(255).optional(),
  settlement: z.string().min(1).max(255),
  settlement_type: z.enum(SETTLEMENT_TYPES),
  settlement_id: z.string().regex(UUID_RE, 'expected a UUID'),
  street_type: z.enum(STREET_TYPES).optional(),
  street: z.string().min(1).max(255).optional(),
  building: z
    .string()
    .regex(
      /^[1-9][0-9]*(([ -]?[А-ЩЬЮЯҐЄІЇа-щьюяґєії])?(\/[1-9][0-9]*[А-ЩЬЮЯҐЄІЇа-щьюяґєії]?)?)?$/u,
      'expected a building number like 15, 15А or 15/2',
    )
    .optional(),
  apartment: z.string().min(1).max(20).optional(),
  zip: z
    .string()
    .regex(/^[0-9]{5}$/, 'expected 5 digits')
    .optional(),
});

export const PersonUpdateSchema = z.object({
  first_name: name,
  last_name: name,
  second_name: name.optional(),
  birth_date: date,
  birth_country: z.string().min(1).max(255),
  birth_settlement: z.string().min(1).max(255),
  gender: z.enum(['MALE', 'FEMALE']),
  email: z.email().max(255).optional(),
  no_tax_id: z.boolean().optional(),
  tax_id: z.string().optional(),
  secret: z.string().min(6).max(20),
  documents: z.array(DocumentSchema).min(1),
  addresses: z.array(AddressSchema).min(1),
  phones: z.array(phone).optional(),
  unzr: z.string().optional(),
  emergency_contact: z.object({
    first_name: name,
    last_name: name,
    second_name: name.optional(),
    phones: z.array(phone).min(1),
  }),
  preferred_way_communication: z.enum(['email', 'phone']).optional(),
});

export const PersonRequestSchema = z.object({
  person: PersonUpdateSchema,
  patient_signed: z.boolean(),
  process_disclosure_data_consent: z.boolean(),
});

export type PersonUpdate = z.infer<typeof PersonUpdateSchema>;

const PASSPORT_LIKE = new Set([
  'PASSPORT',
  'COMPLEMENTARY_PROTECTION_CERTIFICATE',
  'PERMANENT_RESIDENCE_PERMIT',
  'REFUGEE_CERTIFICATE',
  'TEMPORARY_CERTIFICATE',
]);
const NEEDS_EXPIRATION = new Set([
  'NATIONAL_ID',
  'COMPLEMENTARY_PROTECTION_CERTIFICATE',
  'PERMANENT_RESIDENCE_PERMIT',
  'REFUGEE_CERTIFICATE',
  'TEMPORARY_CERTIFICATE',
  'TEMPORARY_PASSPORT',
]);

function documentNumberOk(type: string, number: string): boolean {
  if (PASSPORT_LIKE.has(type)) return /^[А-ЩЬЮЯҐЄІЇ]{2}[0-9]{6}$/u.test(number);
  if (type === 'NATIONAL_ID') return /^[0-9]{9}$/.test(number);
  if (type === 'BIRTH_CERTIFICATE' || type === 'TEMPORARY_PASSPORT')
    return /^[A-ZА-ЩЬЮЯҐЄІЇ0-9№/()-]{2,25}$/u.test(number);
  return number.length >= 1 && number.length <= 30;
}

const p = (path: string) => `$.person.${path}`;

/** Business rules beyond the structure; returns every violation found. */
export function personRuleViolations(
  person: PersonUpdate,
  now: Date,
  settlementExists: (id: string) => boolean,
): InvalidEntry[] {
  const out: InvalidEntry[] = [];
  const today = isoDate(now);
  const birth = parseIsoDate(person.birth_date);
  const age = ageInYears(person.birth_date, now);
  if (!birth || person.birth_date > today || person.birth_date < '1900-01-01')
    out.push(invalidEntry(p('birth_date'), 'date', 'birth date must be between 1900-01-01 and today'));

  // tax id
  if (person.no_tax_id === true) {
    if (person.tax_id !== undefined)
      out.push(
        invalidEntry(p('tax_id'), 'invalid', 'Persons who refused the tax_id should be without tax_id'),
      );
  } else if (person.tax_id === undefined) {
    if (age >= 14)
      out.push(
        invalidEntry(p('tax_id'), 'required', 'Only persons who refused the tax_id could be without tax_id'),
      );
  } else if (!isValidTaxId(person.tax_id)) {
    out.push(
      invalidEntry(
        p('tax_id'),
        'invalid',
        'tax_id is not valid: 10 digits with a correct check digit expected',
      ),
    );
  }

  // unzr
  const hasNationalId = person.documents.some((d) => d.type === 'NATIONAL_ID');
  if (person.unzr !== undefined) {
    if (!/^[0-9]{8}-[0-9]{5}$/.test(person.unzr))
      out.push(invalidEntry(p('unzr'), 'format', 'expected YYYYMMDD-NNNNN'));
    else if (person.unzr.slice(0, 8) !== person.birth_date.replace(/-/g, ''))
      out.push(invalidEntry(p('unzr'), 'invalid', "unzr does not match the person's birth date"));
  } else if (hasNationalId)
    out.push(invalidEntry(p('unzr'), 'required', 'unzr is required when a NATIONAL_ID document is present'));

  // documents
  const seenTypes = new Set<string>();
  person.documents.forEach((d, i) => {
    const at = (f: string) => p(`documents.[${i}].${f}`);
    if (seenTypes.has(d.type)) out.push(invalidEntry(at('type'), 'unique', 'document types must be unique'));
    seenTypes.add(d.type);
    if (!documentNumberOk(d.type, d.number))
      out.push(invalidEntry(at('number'), 'format', `invalid number for a ${d.type} document`));
    if (NEEDS_EXPIRATION.has(d.type)) {
      if (!d.expiration_date)
        out.push(
          invalidEntry(at('expiration_date'), 'required', `expiration_date is required for ${d.type}`),
        );
      else if (d.expiration_date < today)
        out.push(invalidEntry(at('expiration_date'), 'invalid', 'document has expired'));
    }
    if (d.issued_at !== undefined) {
      if (d.issued_at > today)
        out.push(invalidEntry(at('issued_at'), 'invalid', 'issued_at must not be in the future'));
      if (d.issued_at < person.birth_date)
        out.push(invalidEntry(at('issued_at'), 'invalid', 'issued_at must not be before the birth date'));
    }
  });
  if (seenTypes.has('PASSPORT') && seenTypes.has('NATIONAL_ID'))
    out.push(invalidEntry(p('documents'), 'invalid', 'only one of PASSPORT and NATIONAL_ID may be present'));
  if (age < 14 && !seenTypes.has('BIRTH_CERTIFICATE'))
    out.push(
      invalidEntry(p('documents'), 'invalid', 'a BIRTH_CERTIFICATE is required for a person under 14'),
    );

  // addresses
  const residences = person.addresses.filter((a) => a.type === 'RESIDENCE').length;
  if (residences !== 1)
    out.push(invalidEntry(p('addresses'), 'invalid', 'Must contain exactly one address with type RESIDENCE'));
  if (person.addresses.filter((a) => a.type === 'REGISTRATION').length > 1)
    out.push(
      invalidEntry(p('addresses'), 'invalid', 'Must contain at most one address with type REGISTRATION'),
    );
  person.addresses.forEach((a, i) => {
    if (!settlementExists(a.settlement_id.toLowerCase()))
      out.push(invalidEntry(p(`addresses.[${i}].settlement_id`), 'invalid', 'settlement not found'));
  });

  // phones
  const uniqueByType = (phones: { type: string }[] | undefined, path: string) => {
    const types = new Set<string>();
    (phones ?? []).forEach((ph, i) => {
      if (types.has(ph.type))
        out.push(invalidEntry(`${path}.[${i}].type`, 'unique', 'phone types must be unique'));
      types.add(ph.type);
    });
  };
  uniqueByType(person.phones, p('phones'));
  uniqueByType(person.emergency_contact.phones, p('emergency_contact.phones'));
  if (person.preferred_way_communication === 'email' && !person.email)
    out.push(
      invalidEntry(p('email'), 'required', 'email is required when it is the preferred way of communication'),
    );
  if (person.preferred_way_communication === 'phone' && !(person.phones ?? []).length)
    out.push(
      invalidEntry(
        p('phones'),
        'required',
        'a phone is required when it is the preferred way of communication',
      ),
    );
  return out;
}
