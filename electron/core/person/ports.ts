import type { PatientPort, SessionEnds } from '../session';
import type { Outbox } from '../outbox';
import type { Logger } from '../log';

export type { PatientPort, SessionEnds } from '../session';

export interface PersonServicePorts {
  patient: PatientPort;
  outbox: Outbox;
  sessions: SessionEnds;
  log: Logger;
  now?: () => Date;
  newId?: () => string;
  /** Documents eHealth lists in a request's answer become needed there (documents/document-service.ts). */
  documents?: { require(sessionId: string, urgent: unknown): string[] };
  /** A signed change was queued: the receipts service may print it while the patient is here. */
  onQueued?: (operationId: string) => void;
}
