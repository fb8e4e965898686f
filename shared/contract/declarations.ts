import { z } from 'zod';
import { defineChannel } from './define';
import { DeclarationSpeciality } from './doctors';

const Id = z.string().min(1).max(64);

/** A doctor as a declaration names them (from the replicated directory; null when it does not know them). */
export const DeclarationDoctor = z.object({
  employeeId: z.string(),
  fullName: z.string(),
  speciality: z.string().nullable(),
});
export type DeclarationDoctor = z.infer<typeof DeclarationDoctor>;

/** Where the doctor works. */
export const DeclarationClinic = z.object({
  divisionId: z.string(),
  divisionName: z.string().nullable(),
  legalEntityName: z.string().nullable(),
  address: z.string().nullable(),
  phones: z.array(z.string()),
});
export type DeclarationClinic = z.infer<typeof DeclarationClinic>;

/** An action of this patient that waits in the outbox (shown as "will be delivered"). */
export const PendingAction = z.object({
  operationId: z.string(),
  referenceCode: z.string(),
  state: z.string(),
});
export type PendingAction = z.infer<typeof PendingAction>;

export const DeclarationSummary = z.object({
  id: z.string(),
  number: z.string().nullable(),
  /** eHealth's status: active, pending_verification, terminated, closed, rejected (others shown as is). */
  status: z.string(),
  startDate: z.string().nullable(),
  /** The planned end: meaningful while the declaration is in force (active or pending). */
  endDate: z.string().nullable(),
  /**
   * When it ended, as a date (YYYY-MM-DD): a terminated or rejected declaration ended when eHealth
   * last changed it (`updated_at`: its termination); a closed one on its planned end date. Null
   * while it is in force.
   */
  endedOn: z.string().nullable(),
  /**
   * Why it ended: eHealth's reason code (manual_person, manual_employee, auto_expired…), or
   * `replaced` when eHealth gives none and the next declaration began that day (eHealth ends the
   * old declaration when a new one is signed). The description is eHealth's, as given.
   */
  reason: z.string().nullable(),
  reasonDescription: z.string().nullable(),
  doctor: DeclarationDoctor.nullable(),
  clinic: DeclarationClinic.nullable(),
  /** A termination of this declaration queued at this kiosk and not delivered yet. */
  pendingTermination: PendingAction.nullable(),
});
export type DeclarationSummary = z.infer<typeof DeclarationSummary>;

export const DeclarationsOverview = z.object({
  /** The active (or pending verification) declaration, if any. */
  current: DeclarationSummary.nullable(),
  /** Every other declaration, newest first. */
  history: z.array(DeclarationSummary),
  /** False for a teen without confirmed legal capacity: they may look but not act. */
  canAct: z.boolean(),
  /** eHealth could not be reached: this is what was read earlier in this visit. */
  stale: z.boolean(),
});
export type DeclarationsOverview = z.infer<typeof DeclarationsOverview>;

export const DeclarationDetails = DeclarationSummary.extend({
  signedAt: z.string().nullable(),
  /** The printout eHealth keeps (HTML as eHealth sent it: the renderer sanitises it before showing). */
  printoutHtml: z.string().nullable(),
  /** eHealth holds the signed document (a link eHealth gives; the kiosk does not fetch it). */
  signedDocumentKept: z.boolean(),
});
export type DeclarationDetails = z.infer<typeof DeclarationDetails>;

/**
 * What became of an action: `done` — eHealth has it; `queued` — stored at the kiosk and will be
 * delivered when eHealth can be reached (the receipt's reference code finds it later).
 */
export const ActionOutcome = z.object({
  operationId: z.string(),
  referenceCode: z.string(),
  state: z.enum(['done', 'queued']),
  at: z.string(),
});
export type ActionOutcome = z.infer<typeof ActionOutcome>;

/** A declaration request eHealth created, waiting for the patient to read and confirm it. */
export const DeclarationDraft = z.object({
  flowId: z.string(),
  declarationNumber: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  doctor: DeclarationDoctor,
  clinic: DeclarationClinic,
  /** eHealth's printout of the declaration to sign (unsanitised HTML; the renderer sanitises it). */
  printoutHtml: z.string(),
  /** The declaration that ends when this one is signed. */
  replaces: DeclarationSummary.nullable(),
});
export type DeclarationDraft = z.infer<typeof DeclarationDraft>;

export const DeclarationSigned = ActionOutcome.extend({
  declarationNumber: z.string().nullable(),
  declarationId: z.string().nullable(),
});
export type DeclarationSigned = z.infer<typeof DeclarationSigned>;

/** What the doctor search may offer this visitor (signed in or not). */
export const DoctorSearchContext = z.object({
  signedIn: z.boolean(),
  /** The patient's age in full years (null without a session: every speciality is offered). */
  ageYears: z.number().int().min(0).max(130).nullable(),
  specialities: z.array(DeclarationSpeciality),
  /** A 17-year-old: a pediatrician declaration ends on the 18th birthday. */
  pediatricianEndsSoon: z.boolean(),
  /** May sign a declaration now (signed in, full access). Otherwise choosing a doctor prints a note. */
  canDeclare: z.boolean(),
  /** The kiosk's own clinic, for the "in this clinic" filter (null when not configured). */
  clinic: z.object({ legalEntityId: z.string().nullable(), divisionId: z.string().nullable() }).nullable(),
  /** The doctor of the current declaration (to mark them and to warn before replacing). */
  currentEmployeeId: z.string().nullable(),
});
export type DoctorSearchContext = z.infer<typeof DoctorSearchContext>;

export const declarationsChannels = {
  /** The current declaration and the history (needs a session). */
  declarationsOverview: defineChannel(z.object({}).strict(), DeclarationsOverview),
  declarationsGet: defineChannel(z.object({ id: Id }).strict(), DeclarationDetails),
  /** Ends the patient's declaration; queued through the outbox (works offline). */
  declarationsTerminate: defineChannel(
    z.object({ id: Id, reasonDescription: z.string().trim().min(1).max(300).optional() }).strict(),
    ActionOutcome,
  ),
  /** eHealth creates a declaration request for this doctor; the answer holds the printout to review. */
  declarationRequestStart: defineChannel(
    z.object({ employeeId: Id, divisionId: Id }).strict(),
    DeclarationDraft,
  ),
  /** The patient confirmed: main signs eHealth's exact data and sends it through the outbox. */
  declarationRequestConfirm: defineChannel(z.object({ flowId: Id }).strict(), DeclarationSigned),
  /** The patient changed their mind before confirming: the request is withdrawn. */
  declarationRequestCancel: defineChannel(
    z.object({ flowId: Id }).strict(),
    z.object({ cancelled: z.boolean() }),
  ),
  doctorSearchContext: defineChannel(z.object({}).strict(), DoctorSearchContext),
};
