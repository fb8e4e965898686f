import type { Logger } from '../log';
import { DocumentService, type CameraPort } from '../documents';
import type { MediaSource } from '../esign';
import type { Outbox } from '../outbox';
import { AddressLookup } from './addresses';
import { AuthPhoneService } from './auth-phone';
import { PersonService } from './person-service';
import type { PatientPort, SessionEnds } from './ports';

export interface PersonServices {
  /** The person: read, change through person requests (sign, outbox). */
  data: PersonService;
  /** The phone for SMS authentication. */
  phone: AuthPhoneService;
  /** The address register for the address form. */
  addresses: AddressLookup;
  /** Documents eHealth asks for: capture, upload, completion. */
  documents: DocumentService;
}

export interface PersonDeps {
  patient: PatientPort;
  outbox: Outbox;
  sessions: SessionEnds;
  log: Logger;
  now: () => Date;
  /** A signed change was queued (the receipts service remembers it for this visit). */
  onQueued?: (operationId: string) => void;
  /** The document camera as the host opens it to the kiosk page (absent: nothing to open). */
  camera?: CameraPort;
  /** Removable media a picture of a document may be taken from. */
  media?: MediaSource;
  /** A registration with eHealth is in progress (no session yet): its form may use the address register. */
  registering?: () => boolean;
}

export function createPersonServices(d: PersonDeps): PersonServices {
  const documents = new DocumentService({
    patient: d.patient,
    sessions: d.sessions,
    log: d.log,
    ...(d.camera ? { camera: d.camera } : {}),
    ...(d.media ? { media: d.media } : {}),
  });
  return {
    data: new PersonService({
      patient: d.patient,
      outbox: d.outbox,
      sessions: d.sessions,
      log: d.log,
      now: d.now,
      documents,
      ...(d.onQueued ? { onQueued: d.onQueued } : {}),
    }),
    phone: new AuthPhoneService({ patient: d.patient, sessions: d.sessions, log: d.log, now: d.now }),
    addresses: new AddressLookup(d.patient, d.log, d.registering),
    documents,
  };
}
