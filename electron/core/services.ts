import type { Connectivity } from '../../shared/contract/app';
import type { OsSecretStorage } from './crypto/key-store';
import type { Db } from './db/database';
import { openKioskDatabase } from './db/kiosk-db';
import type { DirectoryService } from './directory/directory-service';
import type { EhealthConfigInput } from './ehealth/config';
import type { PisApi } from './ehealth/pis-api';
import type { HttpTransport } from './ehealth/transport';
import { EventBus } from './events';
import type { Logger } from './log';
import { createOfflineEngine, type OfflineEngine } from './outbox/engine';
import type { Outbox } from './outbox/outbox';
import { AuditLog } from './registrar/audit';
import { SettingsStore } from './registrar/settings';
import { createPatientServices, type PatientPorts } from './session/compose';
import type { KeyList } from './session/key-list';
import type { PatientSession } from './session/patient-session';
import { SessionManager } from './session/session-manager';
import type { SignInService } from './session/sign-in';
import type { EsignService } from './esign/service';

/** Everything from outside that the services need. Hosts (Electron, browser host, CLI, tests) supply it. */
export interface KioskPorts {
  /** Directory for the kiosk database, key file, logs; ':memory:' for throw-away tests. */
  dataDir: string;
  log: Logger;
  version: string;
  now?: () => Date;
  /** eHealth (the sandbox in training mode): base URL, api-key, client id/secret. Absent: nothing is sent. */
  ehealth?: EhealthConfigInput | null;
  /** fetch-like transport (default: global fetch). */
  transport?: HttpTransport;
  /** Electron safeStorage adapter for the at-rest key; absent or unprotected → a 0600 key file. */
  osSecretStorage?: OsSecretStorage | null;
  /** Outbox delivery, connectivity probe and directory schedule run in the background (default true). */
  background?: boolean;
  /** Signer process, removable media, key folder, time-stamp service (see session/compose.ts). */
  patient?: PatientPorts;
}

export interface KioskServices {
  version: string;
  log: Logger;
  db: Db;
  events: EventBus;
  audit: AuditLog;
  settings: SettingsStore;
  session: SessionManager;
  connectivity: () => Connectivity;
  /** The eHealth PIS API client, when a backend is configured. */
  ehealth: PisApi | null;
  outbox: Outbox;
  directory: DirectoryService;
  /** Outbox worker, connectivity monitor, at-rest key protection. */
  offline: OfflineEngine;
  /** Key files, the signer process and its lockout. */
  esign: EsignService;
  /** The signed-in patient: context, access checks, tokens, signing. */
  patient: PatientSession;
  signIn: SignInService;
  keys: KeyList;
  close(): Promise<void>;
}

/** Host-agnostic composition root of the main-side services. */
export function createServices(ports: KioskPorts): KioskServices {
  const now = ports.now ?? (() => new Date());
  const db = openKioskDatabase(ports.dataDir);
  const events = new EventBus();
  const session = new SessionManager(events, now);
  const audit = new AuditLog(db, now);
  const offline = createOfflineEngine({
    dataDir: ports.dataDir,
    db,
    audit,
    events,
    log: ports.log,
    now,
    ...(ports.ehealth ? { ehealth: ports.ehealth } : {}),
    ...(ports.transport ? { transport: ports.transport } : {}),
    ...(ports.osSecretStorage ? { osSecretStorage: ports.osSecretStorage } : {}),
    ...(ports.background === undefined ? {} : { background: ports.background }),
  });
  const patient = createPatientServices({
    db,
    dataDir: ports.dataDir,
    events,
    session,
    api: offline.api,
    outbox: offline.outbox,
    log: ports.log,
    now,
    ports: ports.patient ?? {},
  });
  const services: KioskServices = {
    version: ports.version,
    log: ports.log,
    db,
    events,
    audit,
    settings: new SettingsStore(db, now),
    session,
    connectivity: offline.connectivity,
    ehealth: offline.api,
    outbox: offline.outbox,
    directory: offline.directory,
    offline,
    esign: patient.esign,
    patient: patient.patient,
    signIn: patient.signIn,
    keys: patient.keys,
    async close() {
      await session.end('finish');
      await patient.close();
      await offline.stop();
      db.close();
    },
  };
  return services;
}
