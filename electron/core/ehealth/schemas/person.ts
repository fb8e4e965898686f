import { z } from 'zod';
import { Address, bool, Document, JsonObject, num, Phone, str } from './common';

const VerificationItem = z.looseObject({
  verification_status: str,
  verification_reason: str,
  verification_comment: str,
  result: num,
  status: num,
});

export const PersonVerificationDetails = z.looseObject({
  verification_status: str,
  details: z
    .looseObject({
      drfo: VerificationItem.nullish(),
      dracs_death: VerificationItem.nullish(),
      nhs: VerificationItem.nullish(),
      unzr: VerificationItem.nullish(),
      mvs_passport: VerificationItem.nullish(),
      dms_passport: VerificationItem.nullish(),
      dracs_birth: VerificationItem.nullish(),
      dracs_name_change: VerificationItem.nullish(),
      legal_capacity: VerificationItem.nullish(),
    })
    .nullish(),
});
export type PersonVerificationDetails = z.infer<typeof PersonVerificationDetails>;

export const EmergencyContact = z.looseObject({
  first_name: str,
  last_name: str,
  second_name: str,
  phones: z.array(Phone).nullish(),
});

/** `pis_person_response` */
export const Person = z.looseObject({
  id: z.string(),
  first_name: str,
  last_name: str,
  second_name: str,
  birth_date: str,
  birth_country: str,
  birth_settlement: str,
  gender: str,
  email: str,
  tax_id: str,
  no_tax_id: bool,
  unzr: str,
  secret: str,
  documents: z.array(Document).nullish(),
  addresses: z.array(Address).nullish(),
  phones: z.array(Phone).nullish(),
  preferred_way_communication: str,
  emergency_contact: EmergencyContact.nullish(),
  confidant_person: z.array(JsonObject).nullish(),
  verification: PersonVerificationDetails.nullish(),
});
export type Person = z.infer<typeof Person>;

export const PersonVerification = z.looseObject({
  person_verification: PersonVerificationDetails.nullish(),
  confidant_person_relationship_verification: z
    .looseObject({ verification_status: str, verification_reason: str, verification_comment: str })
    .nullish(),
});
export type PersonVerification = z.infer<typeof PersonVerification>;

/** `Person_auth_methods` */
export const AuthenticationMethod = z.looseObject({
  id: z.string(),
  type: str,
  phone_number: str,
  value: str,
  alias: str,
  started_at: str,
  ended_at: str,
  is_active: bool,
  person_id: str,
  confidant_person: z.looseObject({ name: str, phones: z.array(Phone).nullish() }).nullish(),
  inserted_at: str,
  updated_at: str,
});
export type AuthenticationMethod = z.infer<typeof AuthenticationMethod>;

export const AuthenticationMethodRequest = z.looseObject({ id: z.string(), status: str, channel: str });
export type AuthenticationMethodRequest = z.infer<typeof AuthenticationMethodRequest>;

/** `OTP` object returned by resend_otp. */
export const Otp = z.looseObject({ id: str, status: str, code_expired_at: str, active: bool });

export const PersonRequestListItem = z.looseObject({
  id: z.string(),
  status: str,
  channel: str,
  inserted_at: str,
  updated_at: str,
  person: z.looseObject({ first_name: str, last_name: str, second_name: str }).nullish(),
});

export const PersonRequest = z.looseObject({
  id: z.string(),
  status: str,
  channel: str,
  inserted_at: str,
  updated_at: str,
  patient_signed: bool,
  process_disclosure_data_consent: bool,
  /** HTML printout the patient reviews before signing. */
  content: str,
  person: JsonObject.nullish(),
});
export type PersonRequest = z.infer<typeof PersonRequest>;

export const PersonRequestCompleted = z.looseObject({
  id: z.string(),
  person_id: str,
  status: str,
  updated_at: str,
});

export const DocumentUpload = z.looseObject({ type: str, url: str, is_uploaded: bool });

/** `urgent` of person-request endpoints: documents to upload and the signed content link. */
export const PersonRequestUrgent = z
  .looseObject({
    documents: z.array(DocumentUpload).nullish(),
    links: z.array(z.looseObject({ type: str, url: str })).nullish(),
  })
  .nullish();
