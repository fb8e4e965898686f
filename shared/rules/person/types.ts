/**
 * The person as eHealth takes it in a person request (`Update_Person_Request_PIS`), in eHealth's own
 * field names, so that a rule's path is the same path eHealth reports (`$.person.documents.[0].number`
 * is `documents.0.number` here). Every value is a string, as typed: the rules decide what is valid.
 */

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
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const ADDRESS_TYPES = ['RESIDENCE', 'REGISTRATION'] as const;
export type AddressType = (typeof ADDRESS_TYPES)[number];

export const SETTLEMENT_TYPES = ['CITY', 'TOWNSHIP', 'VILLAGE', 'SETTLEMENT'] as const;
export type SettlementType = (typeof SETTLEMENT_TYPES)[number];

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
export type StreetType = (typeof STREET_TYPES)[number];

export const PHONE_TYPES = ['MOBILE', 'LAND_LINE'] as const;
export type PhoneType = (typeof PHONE_TYPES)[number];

export const GENDERS = ['MALE', 'FEMALE'] as const;
export type Gender = (typeof GENDERS)[number];

export const COMMUNICATION_WAYS = ['email', 'phone'] as const;
export type CommunicationWay = (typeof COMMUNICATION_WAYS)[number];

export interface PhoneInput {
  type: string;
  number: string;
}

export interface DocumentInput {
  type: string;
  number: string;
  issued_by?: string;
  issued_at?: string;
  expiration_date?: string;
}

export interface AddressInput {
  type: string;
  country: string;
  /** Oblast (uaddresses region name). */
  area: string;
  /** District (raion), when the settlement has one. */
  region?: string;
  settlement: string;
  settlement_type: string;
  settlement_id: string;
  street_type?: string;
  street?: string;
  building?: string;
  apartment?: string;
  zip?: string;
}

export interface EmergencyContactInput {
  first_name: string;
  last_name: string;
  second_name?: string;
  phones: PhoneInput[];
}

export interface PersonInput {
  first_name: string;
  last_name: string;
  second_name?: string;
  birth_date: string;
  birth_country: string;
  birth_settlement: string;
  gender: string;
  email?: string;
  tax_id?: string;
  no_tax_id?: boolean;
  /** The secret word; only main knows it (the renderer never sees it). */
  secret?: string;
  unzr?: string;
  documents: DocumentInput[];
  addresses: AddressInput[];
  phones?: PhoneInput[];
  preferred_way_communication?: string;
  emergency_contact: EmergencyContactInput;
}

/**
 * Why a value is refused. The renderer has a Ukrainian and an English sentence for each
 * (`rule.<code>`), shown next to the field the path names.
 */
export const PERSON_RULES = [
  'required',
  'tooLong',
  'choice',
  'name.letters',
  'date.format',
  'birthDate.range',
  'taxId.format',
  'taxId.checksum',
  'taxId.required',
  'taxId.refused',
  'unzr.format',
  'unzr.birthDate',
  'unzr.requiredForIdCard',
  'document.atLeastOne',
  'document.number.passport',
  'document.number.idCard',
  'document.number.certificate',
  'document.number.other',
  'document.expiryRequired',
  'document.expired',
  'document.issuedInFuture',
  'document.issuedBeforeBirth',
  'document.duplicateType',
  'document.passportAndIdCard',
  'document.birthCertificateRequired',
  'phone.format',
  'phone.duplicateType',
  'phone.atLeastOne',
  'email.format',
  'preferred.needsEmail',
  'preferred.needsPhone',
  'address.residenceCount',
  'address.registrationCount',
  'address.settlement',
  'address.building',
  'address.zip',
  'secret.length',
  'phone.alreadyAuthMethod',
  /** registration: the key certificate belongs to someone else (tax id or document number) */
  'registration.notSigner',
  /** registration: the first name is not in the certificate's given name */
  'registration.firstName',
  /** registration: the last name is not the certificate's surname */
  'registration.lastName',
  /** registration: under 14 a parent registers the child */
  'registration.under14',
  /** eHealth itself refused the value (a rule the kiosk could not check, or a newer one). */
  'ehealth.refused',
] as const;
export type PersonRule = (typeof PERSON_RULES)[number];

/** One refused value: where (dot path in the person, `documents.0.number`) and why. */
export interface RuleViolation {
  path: string;
  rule: PersonRule;
}

export const isPersonRule = (value: unknown): value is PersonRule =>
  typeof value === 'string' && (PERSON_RULES as readonly string[]).includes(value);
