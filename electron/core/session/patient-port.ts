/**
 * The signed-in patient as the services see them, and the part of the patient session
 * (./patient-session.ts) they call: who is signed in, whether they may look or act, their eHealth
 * client and tokens, and signing of an exact JSON text in the signer process. The cabinet's and the
 * personal-data services depend on this port only, so tests can hand them a patient signed in
 * against the sandbox without the signer process.
 */
import type { ActorRole } from '#shared/rules/acting';
import type { Result } from '#shared/result';
import type { PisApi, PatientTokens } from '../ehealth';

/** Who is signed in (no name, no tax id). */
export interface PatientContext {
  /** SessionManager's opaque id (also the pseudonymous subject in the audit log). */
  sessionId: string;
  /** eHealth person id. */
  personId: string;
  /** The outbox's pseudonymous key for this patient (`outbox.patientKeyFor(personId)`). */
  patientKey: string;
  ageYears: number;
  access: 'full' | 'view-only';
  /**
   * Set when the signed-in person acts for someone else (a parent for a child): the role they act
   * in. Every read and act then concerns that person, signed with the signed-in person's key.
   */
  actingAs?: ActorRole;
}

export interface PatientPort {
  current(): PatientContext | null;
  /** NO_SESSION when nobody is signed in. */
  requireView(): Result<PatientContext>;
  /** Also VIEW_ONLY (a teen without confirmed capacity) and every registered act guard. */
  requireAct(): Result<PatientContext>;
  pis(): PisApi;
  tokens(): PatientTokens | null;
  /**
   * Signs exactly this JSON with the signed-in key; the signer's DRFO must be the patient's tax id.
   * `revocationPending`: the key certificate's status could not be learnt (OCSP) — queue the act
   * with `revocationPending` so it is asked about again before delivery.
   */
  sign(json: string): Promise<Result<{ signedContent: string; revocationPending?: boolean }>>;
}
