import type { Result } from '#shared/result';
import type { PisApi } from '../ehealth/pis-api';
import type { PatientTokens } from '../ehealth/tokens';

/** Who is signed in, as the patient session describes them (no name, no tax id). */
export interface PatientContext {
  sessionId: string;
  personId: string;
  /** The outbox's pseudonymous key for this patient. */
  patientKey: string;
  ageYears: number;
  access: 'full' | 'view-only';
}

/**
 * The part of the patient session (electron/core/session) the cabinet's services use: who is
 * signed in, whether they may look or act, their eHealth client and tokens, and signing of an
 * exact JSON text in the signer process. Declared here, structurally, so these services depend
 * only on what they call.
 */
export interface PatientPort {
  current(): PatientContext | null;
  /** NO_SESSION when nobody is signed in. */
  requireView(): Result<PatientContext>;
  /** Also VIEW_ONLY (a teen without confirmed capacity) and every registered act guard. */
  requireAct(): Result<PatientContext>;
  pis(): PisApi;
  tokens(): PatientTokens | null;
  /** Signs exactly this JSON with the signed-in key; the signer's DRFO must be the patient's tax id. */
  sign(json: string): Promise<Result<{ signedContent: string }>>;
}
