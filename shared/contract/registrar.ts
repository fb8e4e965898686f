import { z } from 'zod';
import { Connectivity, ConnectivityCause, Environment } from './app';
import { defineChannel } from './define';
import { DirectoryStatus } from './doctors';
import { KeyProtection, OperationKind, OperationState } from './outbox';

/**
 * Registrar mode: staff sign in with a staff code and a PIN (the first one set on the kiosk's first
 * run, with the enrolment code the ops CLI printed on the machine), see the
 * kiosk's state, act on the outbox, change settings, import the trust list, read and check the
 * audit log, and run assisted sessions for visitors. Every channel but `registrarStatus`, the first
 * PIN and sign-in refuses with REGISTRAR_REQUIRED unless a registrar is signed in (main decides).
 * Nothing here carries personal data or a secret in clear.
 */

export const RegistrarId = z
  .string()
  .trim()
  .min(1)
  .max(24)
  .regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/);
export const Pin = z.string().regex(/^[0-9]{6,12}$/);

export const RegistrarMode = z.enum(['off', 'panel', 'assisted']);
export type RegistrarMode = z.infer<typeof RegistrarMode>;

export const RegistrarState = z.object({
  /** Whether a registrar PIN exists at all (false on the first run: offer to set one). */
  pinSet: z.boolean(),
  /**
   * Whether someone with access to the machine has enrolled the kiosk (`kiosk registrar enroll`):
   * true once a registrar exists, or while an unused enrolment code is valid. Without it the first
   * PIN cannot be set from the screen.
   */
  enrolled: z.boolean(),
  /** Seconds until PIN entry is allowed again; null when allowed. */
  lockedForSeconds: z.number().int().min(1).nullable(),
  mode: RegistrarMode,
  registrarId: z.string().nullable(),
  /** Assisted session: the registrar has confirmed the signed-in visitor's birth date. */
  birthDateConfirmed: z.boolean(),
  /** Assisted session: a visitor is signed in (their birth date can be checked). */
  patientSignedIn: z.boolean(),
});
export type RegistrarState = z.infer<typeof RegistrarState>;

const SecretState = z.object({
  set: z.boolean(),
  masked: z.string().nullable(),
  unreadable: z.boolean(),
});
export const RealEnvironment = z.enum(['demo', 'preprod', 'prod']);
export const SecretName = z.enum(['clientId', 'clientSecret', 'apiKey']);

const Accessibility = z.object({
  language: z.enum(['uk', 'en']),
  largeText: z.boolean(),
  highContrast: z.boolean(),
});

const Clinic = z.object({
  divisionId: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
});

export const RegistrarSettings = z.object({
  environment: Environment,
  /** The eHealth host each real environment uses (read-only here: set on the machine only). */
  baseUrls: z.object({ demo: z.string(), preprod: z.string(), prod: z.string() }),
  /** True: eHealth's own host; false: a host clinic IT set on the kiosk computer (ops CLI). */
  officialHosts: z.object({ demo: z.boolean(), preprod: z.boolean(), prod: z.boolean() }),
  credentials: z.object({
    demo: z.record(SecretName, SecretState),
    preprod: z.record(SecretName, SecretState),
    prod: z.record(SecretName, SecretState),
  }),
  clinic: Clinic,
  printerName: z.string(),
  idleTimeoutSeconds: z.number().int(),
  idleWarningSeconds: z.number().int(),
  defaults: Accessibility,
});
export type RegistrarSettings = z.infer<typeof RegistrarSettings>;

const Secret = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[\x21-\x7e]+$/);

/**
 * A change to the settings; every field optional. Credentials are write-only (null removes one). The
 * eHealth hosts are not here: they come from the kiosk's list of eHealth's own hosts, or from the ops
 * CLI on the machine.
 */
export const RegistrarSettingsPatch = z
  .object({
    environment: Environment.optional(),
    credential: z
      .object({ environment: RealEnvironment, name: SecretName, value: Secret.nullable() })
      .strict()
      .optional(),
    clinic: z
      .object({
        divisionId: z
          .string()
          .trim()
          .min(1)
          .max(64)
          .regex(/^[A-Za-z0-9-]+$/)
          .nullable(),
        latitude: z.number().min(-90).max(90).nullable(),
        longitude: z.number().min(-180).max(180).nullable(),
      })
      .strict()
      .optional(),
    printerName: z
      .string()
      .max(128)
      .regex(/^[^\p{Cc}]*$/u)
      .optional(),
    idleTimeoutSeconds: z.number().int().min(30).max(600).optional(),
    idleWarningSeconds: z.number().int().min(20).max(120).optional(),
    defaults: Accessibility.partial().strict().optional(),
  })
  .strict();
export type RegistrarSettingsPatch = z.infer<typeof RegistrarSettingsPatch>;

export const TrustListInfoView = z.object({
  date: z.string(),
  certificates: z.number().int(),
  skipped: z.number().int(),
  sha256: z.string(),
  fileName: z.string(),
});

export const RegistrarOverview = z.object({
  version: z.string(),
  environment: Environment,
  trainingMode: z.boolean(),
  connectivity: Connectivity,
  /** Why the link is not online (e.g. a captive portal); null when online. */
  connectivityCause: ConnectivityCause.nullable(),
  /**
   * eHealth's clock minus the kiosk's, in whole seconds, from eHealth's `Date` headers (null before
   * the first answer); `clockWarning` when it is more than 2 minutes either way.
   */
  clockOffsetSeconds: z.number().int().nullable(),
  clockWarning: z.boolean(),
  /** How the at-rest key is protected; anything but 'os' is a warning for the registrar. */
  keyProtection: KeyProtection,
  keyWarning: z.boolean(),
  outbox: z.record(OperationState, z.number().int().min(0)),
  lastDeliveredAt: z.string().nullable(),
  /** Acts still waiting for delivery whose eHealth deadline is less than 24 hours away. */
  nearDeadline: z.number().int().min(0),
  directory: DirectoryStatus,
  trustList: TrustListInfoView.nullable(),
  /** This host lets the registrar close the kiosk program (`registrarQuit`). */
  canQuit: z.boolean(),
});
export type RegistrarOverview = z.infer<typeof RegistrarOverview>;

/** An outbox operation for the registrar: no payload, no names; the patient only as a short pseudonym. */
export const RegistrarOperation = z.object({
  id: z.string(),
  referenceCode: z.string(),
  kind: OperationKind.or(z.string()),
  state: OperationState,
  held: z.boolean(),
  attempts: z.number().int().min(0),
  createdAt: z.string(),
  updatedAt: z.string(),
  discarded: z.boolean(),
  errorCode: z.string().nullable(),
  /** Until when it may still be delivered (eHealth's deadline for a signed act); null when none. */
  deadline: z.string().nullable(),
  /** Still waiting for delivery, and the deadline is less than 24 hours away. */
  nearDeadline: z.boolean(),
  /** e.g. "П-3F9A" — the same for one patient's operations, meaningless outside this kiosk. */
  patient: z.string().nullable(),
  canRetry: z.boolean(),
  canDiscard: z.boolean(),
});
export type RegistrarOperation = z.infer<typeof RegistrarOperation>;

export const AuditEntryView = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subject: z.string().nullable(),
  detail: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const AuditVerification = z.object({
  ok: z.boolean(),
  entries: z.number().int().min(0),
  brokenAt: z.number().int().nullable(),
});

const Empty = z.object({}).strict();
const Credentials = z.object({ registrarId: RegistrarId, pin: Pin }).strict();
/** XXXX-XXXX-XXXX as printed (case, dashes and spaces do not matter; main normalises and checks it). */
export const EnrollmentCode = z
  .string()
  .min(12)
  .max(20)
  .regex(/^[A-Za-z0-9 -]+$/);

export const registrarChannels = {
  registrarStatus: defineChannel(Empty, RegistrarState),
  /** First run only: with the enrolment code, creates the first registrar and signs them in. */
  registrarSetFirstPin: defineChannel(
    z.object({ registrarId: RegistrarId, pin: Pin, enrollmentCode: EnrollmentCode }).strict(),
    RegistrarState,
  ),
  registrarSignIn: defineChannel(Credentials, RegistrarState),
  registrarSignOut: defineChannel(Empty, RegistrarState),
  registrarAddAccount: defineChannel(Credentials, z.object({ registrarId: z.string() })),
  registrarChangePin: defineChannel(
    z.object({ currentPin: Pin, pin: Pin }).strict(),
    z.object({ changed: z.boolean() }),
  ),
  registrarOverview: defineChannel(Empty, RegistrarOverview),
  registrarOutboxList: defineChannel(
    z
      .object({
        states: z.array(OperationState).max(7).optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    z.object({ operations: z.array(RegistrarOperation) }),
  ),
  registrarOutboxRetry: defineChannel(
    z.object({ id: z.string().min(1).max(64) }).strict(),
    RegistrarOperation,
  ),
  registrarOutboxDiscard: defineChannel(
    z.object({ id: z.string().min(1).max(64) }).strict(),
    RegistrarOperation,
  ),
  registrarDirectorySync: defineChannel(Empty, z.object({ started: z.boolean() })),
  registrarSettings: defineChannel(Empty, RegistrarSettings),
  registrarUpdateSettings: defineChannel(RegistrarSettingsPatch, RegistrarSettings),
  registrarTrustListScan: defineChannel(
    Empty,
    z.object({
      candidates: z.array(
        z.object({ id: z.string(), fileName: z.string(), medium: z.string(), bytes: z.number().int() }),
      ),
    }),
  ),
  registrarTrustListImport: defineChannel(
    z.object({ id: z.string().min(1).max(64) }).strict(),
    TrustListInfoView,
  ),
  registrarAudit: defineChannel(
    z
      .object({
        limit: z.number().int().min(1).max(200).default(50),
        beforeSeq: z.number().int().min(1).optional(),
      })
      .strict(),
    z.object({ entries: z.array(AuditEntryView) }),
  ),
  registrarAuditVerify: defineChannel(Empty, AuditVerification),
  /** Starts an assisted session: the registrar stays attributed until "hand back" or the session ends. */
  registrarAssistStart: defineChannel(Empty, RegistrarState),
  /** The birth date the visitor tells the registrar (YYYY-MM-DD), checked in main against eHealth's record. */
  registrarConfirmBirthDate: defineChannel(
    z
      .object({
        birthDate: z
          .string()
          .length(10)
          .regex(/^\d{4}-\d{2}-\d{2}$/),
      })
      .strict(),
    RegistrarState,
  ),
  /** "Hand back to patient": registrar controls go away; what follows is the patient's own. */
  registrarHandBack: defineChannel(Empty, RegistrarState),
  /**
   * Closes the kiosk program (the window refuses to close otherwise): the patient session ends,
   * queued acts stay in the outbox for the next start. NOT_AVAILABLE where the host cannot.
   */
  registrarQuit: defineChannel(Empty, z.object({ quitting: z.literal(true) })),
};

export const registrarEvents = {
  /** Registrar mode changed (signed in or out, assisted session started or ended, birth date confirmed). */
  registrarChanged: RegistrarState,
  /** Kiosk-wide settings changed: the frame reloads `appInfo` (defaults, training mode). */
  kioskSettingsChanged: z.object({ environment: Environment }),
};
