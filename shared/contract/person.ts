import { z } from 'zod';
import { PERSON_RULES } from '../rules/person/types';
import { defineChannel } from './define';
import { OperationView } from './outbox';

/**
 * Personal data: the person as eHealth keeps it (read), changes through person requests (create →
 * review the server's printout → sign in main → complete through the outbox), address lookup, and
 * the phone used for SMS authentication. The editable person travels in eHealth's own field names,
 * so that a rule's path is the path eHealth reports. The renderer never sees the secret word.
 */

// Lengths: generous caps against abuse; the person rules give the field-level messages below them.
const text = (max = 400) => z.string().max(max);
const date = text(20);
const id = z.string().min(1).max(64);

export const PhoneDraft = z.object({ type: text(20), number: text(40) }).strict();
export type PhoneDraft = z.infer<typeof PhoneDraft>;

export const DocumentDraft = z
  .object({
    type: text(60),
    number: text(),
    issued_by: text().optional(),
    issued_at: date.optional(),
    expiration_date: date.optional(),
  })
  .strict();
export type DocumentDraft = z.infer<typeof DocumentDraft>;

export const AddressDraft = z
  .object({
    type: text(20),
    country: text(4),
    area: text(),
    region: text().optional(),
    settlement: text(),
    settlement_type: text(20),
    settlement_id: text(64),
    street_type: text(20).optional(),
    street: text().optional(),
    building: text(40).optional(),
    apartment: text(40).optional(),
    zip: text(20).optional(),
  })
  .strict();
export type AddressDraft = z.infer<typeof AddressDraft>;

export const EmergencyContactDraft = z
  .object({
    first_name: text(),
    last_name: text(),
    second_name: text().optional(),
    phones: z.array(PhoneDraft).max(4),
  })
  .strict();

/** What the patient may change (tax id, its refusal and the secret word come from eHealth as they are). */
export const PersonDraft = z
  .object({
    first_name: text(),
    last_name: text(),
    second_name: text().optional(),
    birth_date: date,
    birth_country: text(),
    birth_settlement: text(),
    gender: text(20),
    email: text().optional(),
    unzr: text(40).optional(),
    documents: z.array(DocumentDraft).max(10),
    addresses: z.array(AddressDraft).max(4),
    phones: z.array(PhoneDraft).max(4).optional(),
    preferred_way_communication: text(20).optional(),
    emergency_contact: EmergencyContactDraft,
  })
  .strict();
export type PersonDraft = z.infer<typeof PersonDraft>;

export const PersonRule = z.enum(PERSON_RULES);
/** `details.violations` of a VALIDATION error from the person channels. */
export const RuleViolationView = z.object({ path: z.string(), rule: PersonRule });
export const ValidationDetails = z.object({
  violations: z.array(RuleViolationView),
  /** kiosk: refused before sending; ehealth: eHealth refused it. */
  source: z.enum(['kiosk', 'ehealth']),
});
export type ValidationDetails = z.infer<typeof ValidationDetails>;

export const AuthMethodView = z.object({
  id: z.string(),
  /** OTP (SMS to a phone), OFFLINE (documents at a clinic), THIRD_PERSON (through a confidant). */
  type: z.string(),
  /** Masked the way eHealth masks it: `+38067*****01`. */
  phoneMasked: z.string().nullable(),
  alias: z.string().nullable(),
  active: z.boolean(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** For THIRD_PERSON: the confidant's name as eHealth gives it (already shortened). */
  confidantName: z.string().nullable(),
});
export type AuthMethodView = z.infer<typeof AuthMethodView>;

export const VerificationPart = z.object({
  /** drfo, dracs_death, nhs, unzr, mvs_passport, dms_passport, dracs_birth, dracs_name_change, legal_capacity */
  part: z.string(),
  status: z.string().nullable(),
  reason: z.string().nullable(),
  comment: z.string().nullable(),
});

export const PersonView = z.object({
  person: PersonDraft,
  taxId: z.string().nullable(),
  noTaxId: z.boolean(),
  /** The secret word is on file (it is never shown). */
  secretSet: z.boolean(),
  authenticationMethods: z.array(AuthMethodView),
  verification: z.object({ status: z.string().nullable(), parts: z.array(VerificationPart) }),
  /** view-only: a 14–17-year-old without confirmed legal capacity (no changes from the kiosk). */
  access: z.enum(['full', 'view-only']),
  ageYears: z.number().int().min(0).max(150),
  /** Today in eHealth's calendar (UTC), for the form's date rules. */
  today: z.string(),
});
export type PersonView = z.infer<typeof PersonView>;

export const PersonRequestCreated = z.object({
  requestId: z.string(),
  /** eHealth's printout exactly as sent (HTML); the renderer shows it only after sanitising. */
  printoutHtml: z.string().max(2_000_000),
  /** Paths of the fields that differ from the data on file (what the patient changes). */
  changed: z.array(z.string()),
  /** Document types eHealth asks to be uploaded for this request (captured before signing). */
  documents: z.array(z.string()).max(20).default([]),
});
export type PersonRequestCreated = z.infer<typeof PersonRequestCreated>;

export const PhoneChallenge = z.object({
  requestId: z.string(),
  phoneMasked: z.string(),
  codeLength: z.number().int().min(1),
  /** When the latest code stops working (ISO); eHealth's own time when it told us, else its 15 minutes. */
  expiresAt: z.string(),
  attemptsLeft: z.number().int().min(0),
});
export type PhoneChallenge = z.infer<typeof PhoneChallenge>;

export const Settlement = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string().nullable(),
  district: z.string().nullable(),
  region: z.string(),
});
export type Settlement = z.infer<typeof Settlement>;

export const Street = z.object({ id: z.string(), type: z.string().nullable(), name: z.string() });
export type Street = z.infer<typeof Street>;

export const personChannels = {
  /** The signed-in patient's person, authentication methods and verification status. */
  personGet: defineChannel(z.object({}).strict(), PersonView),
  personAddressRegions: defineChannel(
    z.object({}).strict(),
    z.object({ regions: z.array(z.object({ id: z.string(), name: z.string() })) }),
  ),
  personAddressSettlements: defineChannel(
    z.object({ region: text(120).min(1), query: text(120).min(1) }).strict(),
    z.object({ settlements: z.array(Settlement) }),
  ),
  personAddressStreets: defineChannel(
    z.object({ settlementId: id, query: text(120).min(1) }).strict(),
    z.object({ streets: z.array(Street) }),
  ),
  /** Checks the rules, then asks eHealth to create the request; answers with its printout. */
  personRequestCreate: defineChannel(
    z.object({ person: PersonDraft, consent: z.literal(true) }).strict(),
    PersonRequestCreated,
  ),
  /** The patient confirmed the printout: main signs the stored request and queues its completion. */
  personRequestSign: defineChannel(
    z.object({ requestId: id }).strict(),
    z.object({ operation: OperationView }),
  ),
  /** The patient changed their mind on the review screen: eHealth rejects the request. */
  personRequestCancel: defineChannel(
    z.object({ requestId: id }).strict(),
    z.object({ cancelled: z.boolean() }),
  ),
  /** Adds a phone for SMS authentication (optionally replacing one): eHealth sends a code to it. */
  personPhoneStart: defineChannel(
    z.object({ phone: text(40), alias: text(120).optional(), replacesMethodId: id.optional() }).strict(),
    PhoneChallenge,
  ),
  personPhoneResend: defineChannel(z.object({ requestId: id }).strict(), PhoneChallenge),
  personPhoneConfirm: defineChannel(
    z.object({ requestId: id, code: z.string().regex(/^[0-9]{4}$/) }).strict(),
    z.object({
      methods: z.array(AuthMethodView),
      /** The replaced phone was switched off (null: nothing was to be replaced). */
      replacedDeactivated: z.boolean().nullable(),
    }),
  ),
};
