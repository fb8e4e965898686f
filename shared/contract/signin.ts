import { z } from 'zod';
import { defineChannel } from './define';
import { PersonDraft } from './person';

/** A key file the kiosk found: an opaque id and what the visitor recognises — never a path. */
export const KeyFile = z.object({
  id: z.string().min(1).max(64),
  fileName: z.string().max(255),
  /** One folder name (e.g. the persona's folder in training), when the file is not at the root. */
  folder: z.string().max(255).nullable(),
  /** The removable medium's label; null for the configured key folder. */
  medium: z.string().max(255).nullable(),
  removable: z.boolean(),
  kind: z.enum(['key6-pbes2', 'key6-iit', 'jks', 'pfx', 'pk8']),
});
export type KeyFile = z.infer<typeof KeyFile>;

export const SignInStep = z.enum(['opening-key', 'signing', 'signing-in', 'loading-person']);
export type SignInStep = z.infer<typeof SignInStep>;

export const AccessReason = z.enum([
  'adult',
  'teen-capacity-verified',
  'teen-capacity-not-verified',
  'under-14',
]);

export const SignInResult = z.object({
  access: z.enum(['full', 'view-only']),
  accessReason: AccessReason,
  ageYears: z.number().int().min(0).max(150),
  greeting: z.object({
    /** Given name and patronymic in the vocative («Олено Петрівно»). */
    vocative: z.string().max(200),
    /** The same in the nominative, for English. */
    nominative: z.string().max(200),
  }),
});
export type SignInResult = z.infer<typeof SignInResult>;

/** The registration form's starting values, from the key certificate of the refused sign-in. */
export const RegistrationPrefill = z.object({
  lastName: z.string().max(255),
  firstName: z.string().max(255),
  secondName: z.string().max(255),
  /** null: the key's DRFO is a passport or ID card number (no tax id was taken). */
  taxId: z.string().max(20).nullable(),
  /** What the tax id tells (the patient checks it). */
  birthDate: z.string().max(10).nullable(),
});
export type RegistrationPrefill = z.infer<typeof RegistrationPrefill>;

/** The person as the patient typed them at registration: the change form's fields and the secret word. */
export const RegistrationPerson = PersonDraft.extend({ secret: z.string().min(1).max(40) }).strict();
export type RegistrationPerson = z.infer<typeof RegistrationPerson>;

/**
 * A registration signed while eHealth could not be reached: kept (sealed) in the outbox and sent
 * when the link returns — but only until the sign-in nonce inside it expires (eHealth's deadline,
 * about 15 minutes after the phone code was asked for), after which eHealth would refuse it and it
 * ends `expired`. The patient is not signed in; they sign in with the same key once it is delivered.
 * Print it with `receiptPrint({ source: { operationId } })`; follow it by `outboxChanged`.
 */
export const RegistrationReceipt = z.object({
  operationId: z.string().min(1).max(64),
  referenceCode: z.string().min(4).max(16),
  /** Until when the kiosk keeps sending it (ISO): the nonce's expiry on the kiosk clock. */
  deadline: z.string().max(40),
  /** Whole minutes from signing to the deadline, for saying the window in words. */
  windowMinutes: z.number().int().min(0).max(1440),
});
export type RegistrationReceipt = z.infer<typeof RegistrationReceipt>;

/** What a registration ended in: delivered at once and signed in, or queued with its receipt. */
export const RegistrationOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed-in'), signIn: SignInResult }),
  z.object({ status: z.literal('queued'), receipt: RegistrationReceipt }),
]);
export type RegistrationOutcome = z.infer<typeof RegistrationOutcome>;

export const signinChannels = {
  /** Key files on inserted media and in the key folder; `watch` pushes `signinKeysChanged` while the screen is open. */
  signinKeys: defineChannel(
    z.object({ watch: z.boolean().default(false) }).strict(),
    z.object({ keys: z.array(KeyFile).max(500) }),
  ),
  /**
   * Opens the chosen key with the password (in the signer process), signs eHealth's nonce and signs
   * in. Errors: KEY_WRONG_PASSWORD (attemptsLeft), KEY_LOCKED (retryAfterSeconds), CERT_EXPIRED,
   * CERT_UNTRUSTED, PERSON_NOT_FOUND, EHEALTH_UNAVAILABLE, AGE_UNDER_14, SESSION_BUSY, KEY_NOT_FOUND…
   */
  signinStart: defineChannel(
    z.object({ keyId: z.string().min(1).max(64), password: z.string().min(1).max(256) }).strict(),
    SignInResult,
  ),
  /**
   * Registration with eHealth, offered only after signinStart answered PERSON_NOT_FOUND and only for
   * that key (FLOW_EXPIRED otherwise, and after Finish): the form's starting values.
   */
  registrationPrefill: defineChannel(z.object({}).strict(), RegistrationPrefill),
  /** Sends eHealth's SMS code to the phone the patient gives (codeSent false: eHealth needs none). */
  registrationRequestCode: defineChannel(
    z.object({ phone: z.string().min(1).max(40) }).strict(),
    z.object({ codeSent: z.boolean() }),
  ),
  /**
   * Opens the key, checks the registration (VALIDATION with details.violations, the certificate's
   * names and tax id included), signs it in the signer and stores it in the outbox, then sends it
   * with the code. Delivered: the new person is signed in (`signed-in`, as signinStart answers).
   * eHealth unreachable after signing: `queued` with the receipt (not signed in). Refused by
   * eHealth at once: SMS_CODE_WRONG/EXPIRED/ATTEMPTS_EXCEEDED, VALIDATION (identity), …
   */
  registrationSubmit: defineChannel(
    z
      .object({
        keyId: z.string().min(1).max(64),
        password: z.string().min(1).max(256),
        person: RegistrationPerson,
        phone: z.string().min(1).max(40),
        code: z.string().max(8),
      })
      .strict(),
    RegistrationOutcome,
  ),
};

export const signinEvents = {
  signinKeysChanged: z.object({ keys: z.array(KeyFile).max(500) }),
  signinProgress: z.object({ step: SignInStep }),
};
