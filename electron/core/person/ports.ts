import type { Result } from '#shared/result';
import type { PisApi } from '../ehealth/pis-api';
import type { PatientTokens } from '../ehealth/tokens';
import type { Outbox } from '../outbox/outbox';
import type { Logger } from '../log';

/** Who is signed in, as the patient session reports it. */
export interface PatientContextLike {
  sessionId: string;
  personId: string;
  patientKey: string;
  ageYears: number;
  access: 'full' | 'view-only';
}

/**
 * What the personal-data services need from the patient session (`PatientSession` fits it): the
 * signed-in patient for reads (`requireView`) and for changes (`requireAct`, which also refuses
 * view-only teens and runs the registrar's guards), the eHealth client and the patient's tokens,
 * and signing of exact JSON with the patient's key in the signer process.
 */
export interface PatientPort {
  requireView(): Result<PatientContextLike>;
  requireAct(): Result<PatientContextLike>;
  pis(): PisApi;
  tokens(): PatientTokens | null;
  sign(json: string): Promise<Result<{ signedContent: string }>>;
}

/** The session manager's end hook: everything cached for a patient is dropped there. */
export interface SessionEnds {
  onEnd(cleanup: (session: { id: string }) => void | Promise<void>): () => void;
}

export interface PersonServicePorts {
  patient: PatientPort;
  outbox: Outbox;
  sessions: SessionEnds;
  log: Logger;
  now?: () => Date;
  newId?: () => string;
  /** A signed change was queued: the receipts service may print it while the patient is here. */
  onQueued?: (operationId: string) => void;
}
