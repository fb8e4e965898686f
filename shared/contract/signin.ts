import { z } from 'zod';
import { defineChannel } from './define';

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
};

export const signinEvents = {
  signinKeysChanged: z.object({ keys: z.array(KeyFile).max(500) }),
  signinProgress: z.object({ step: SignInStep }),
};
