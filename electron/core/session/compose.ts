/**
 * Composes the patient side of the kiosk: key discovery (removable media + the configured key
 * folder), the e-signature service with its signer process and lockout, the patient session and
 * sign-in. Called from services.ts; hosts supply the ports (signer launcher, media, key folder,
 * time-stamp service).
 */
import type { Db } from '../db';
import {
  type RevocationChecker,
  KeyDiscovery,
  platformMedia,
  type MediaSource,
  KeyLockout,
  loadLockoutSalt,
  EsignService,
  nodeSignerLauncher,
  type SignerLauncher,
} from '../esign';
import type { PisApi } from '../ehealth';
import type { EventBus } from '../events';
import type { Logger } from '../log';
import type { Outbox } from '../outbox';
import type { AuditLog } from '../kiosk';
import { ActingService } from './acting';
import { KeyList } from './key-list';
import { PatientSession } from './patient-session';
import type { SessionManager } from './session-manager';
import { SignInService, type KeyOwner } from './sign-in';

export interface PatientPorts {
  /** Starts the signer process (Electron: utilityProcess; elsewhere child_process). */
  signerLauncher?: SignerLauncher;
  /** Where removable media are mounted (default: this platform's). */
  media?: MediaSource;
  /** A folder the registrar configured for key files (training: the sandbox personas' keys). */
  keyFolder?: string | null;
  /** The time-stamp service for signatures; absent: the one named in the patient's certificate. */
  tsaUrl?: string | null;
  /**
   * The environment's trust bundle when the host brings one (training: the sandbox's test CA);
   * absent: the trust list the registrar imported. Only issuers in it are trusted for time-stamp
   * and OCSP URLs found in certificates.
   */
  trustList?: Uint8Array | null;
}

export interface PatientServices {
  esign: EsignService;
  patient: PatientSession;
  signIn: SignInService;
  /** "Act for my child": the signed-in parent opens a child's cabinet with their own key. */
  acting: ActingService;
  keys: KeyList;
  close(): Promise<void>;
}

export interface PatientDeps {
  db: Db;
  dataDir: string;
  events: EventBus;
  session: SessionManager;
  /** The PIS client of the current environment (a getter: the registrar may switch the backend). */
  api: PisApi | null | (() => PisApi | null);
  outbox: Outbox;
  audit: AuditLog;
  log: Logger;
  now: () => Date;
  ports: PatientPorts;
  /** OCSP and the trust list in use (one checker for sign-in, signing and delivery). */
  revocation?: RevocationChecker | null;
  /**
   * Registration with eHealth of a visitor it does not know (registration/, built by services.ts
   * once this side exists): offered after the sign-in refusal, forgotten when the session ends.
   */
  unknownPerson?: () => UnknownPersonPort | null;
}

/** What the patient side asks of registration. */
export interface UnknownPersonPort {
  offer(keyId: string, owner: KeyOwner): void;
  forget(): void;
}

export function createPatientServices(d: PatientDeps): PatientServices {
  const source = d.api;
  const api = typeof source === 'function' ? source : () => source;
  const folder = d.ports.keyFolder ?? null;
  const discovery = new KeyDiscovery({ media: d.ports.media ?? platformMedia(), folder });
  const lockout = new KeyLockout(d.db, loadLockoutSalt(d.dataDir), d.now);
  const tsaUrl = d.ports.tsaUrl ?? null;
  let patient: PatientSession | null = null;
  const esign = new EsignService({
    launcher: d.ports.signerLauncher ?? nodeSignerLauncher(),
    discovery,
    lockout,
    tsa: () => (tsaUrl ? { kind: 'url', url: tsaUrl } : { kind: 'certificate' }),
    trust: () => d.revocation?.trust() ?? null,
    now: d.now,
    onKeyRemoved: () => {
      d.log.info('key medium removed: the patient session ends');
      void d.session.end('key-removed');
    },
    onSignerEnded: (reason) => {
      // the signer lives as long as the session and ends only with it: anything else is a crash,
      // and without its signer a session can neither sign nor prove who is there
      if (patient?.current()) {
        d.log.warn({ reason }, 'signer crashed during a patient session');
        void d.session.end('error', reason === 'timeout' ? 'signer-timeout' : 'signer-crashed');
      }
    },
  });
  patient = new PatientSession({
    sessions: d.session,
    api,
    esign,
    outbox: d.outbox,
    audit: d.audit,
    log: d.log,
    revocation: d.revocation ?? null,
  });
  const acting = new ActingService({ patient, log: d.log, now: d.now });
  const actingPatient = patient;
  // what the patient does while acting for someone is recorded as theirs, in their role
  d.audit.setActing(() => {
    const role = actingPatient.current()?.actingAs;
    return role ? `confidant:${role}` : null;
  });
  const keys = new KeyList({
    discovery,
    folder,
    onChange: (list) => d.events.emit('signinKeysChanged', { keys: list }),
    // the patient is on the key screen: start the signer now, not after the password
    onChoosing: () => esign.warmUp(),
  });
  const signIn = new SignInService({
    onUnknownPerson: (keyId, owner) => d.unknownPerson?.()?.offer(keyId, owner),
    patient,
    esign,
    api,
    log: d.log,
    now: d.now,
    revocation: d.revocation ?? null,
    onStep: (step) => {
      if (step === 'opening-key') keys.stop();
      d.events.emit('signinProgress', { step });
    },
  });
  // "Finish" or an idle wipe during a sign-in or a registration: stop it, forget it, end its signer
  const stopListening = d.events.on('sessionEnded', () => {
    signIn.abort();
    d.unknownPerson?.()?.forget();
    if (!patient?.current()) void esign.endSession('session-end');
  });
  return {
    esign,
    patient,
    signIn,
    acting,
    keys,
    async close() {
      stopListening();
      keys.stop();
      await esign.close();
    },
  };
}
