import type { Connectivity, Environment } from '#shared/contract/app';
import { err, ok } from '#shared/result';
import { loadSecretKey, type LoadedKey, type OsSecretStorage } from './crypto';
import { type Db, openKioskDatabase } from './db';
import { type DirectoryService, readClinic, DirectoryStore } from './directory';
import type { EhealthConfigInput, PisApi, HttpTransport } from './ehealth';
import { EventBus } from './events';
import type { Logger } from './log';
import { AuditLog, SecretSettings, SettingsStore, type Timers } from './kiosk';
import { createKioskBackend, type Backend } from './backend';
import type { Outbox } from './outbox';
import type { CameraPort } from './documents';
import { createPersonServices, type PersonServices } from './person';
import {
  platformMedia,
  type MediaSource,
  type EsignService,
  httpOcspPost,
  RevocationChecker,
  type OcspPost,
  parseTrustList,
  type TrustList,
} from './esign';
import { createRegistrar, type Registrar, type ScryptParams } from './registrar';
import {
  createPatientServices,
  type PatientPorts,
  type KeyList,
  OperationAccess,
  type PatientSession,
  SessionManager,
  type SignInService,
  type ActingService,
} from './session';
import { createCabinetServices, type CabinetServices } from './declarations';
import type { ReceiptPrinter } from './receipts';
import { RegistrationService } from './registration';
import { initialsOf } from '#shared/rules/acting';

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
  /** Where receipts are printed, given the receipts folder (default: HTML files there). */
  printer?: ((receiptsDir: string | null) => ReceiptPrinter | null) | undefined;
  /** Whether this host can run the training sandbox (the registrar may then switch to training). */
  trainingAvailable?: boolean;
  /**
   * Restarts the services on the saved settings (the host's runtime, hosts/kiosk-runtime.ts): how a
   * change of environment or of its credentials takes effect. Absent: the eHealth connection is fixed
   * for the services' life.
   */
  restart?: (() => void) | null;
  /** Removable media and extra folders searched for a trust-list bundle (registrar import). */
  trustMedia?: MediaSource;
  trustFolders?: readonly string[];
  /** Tests only: cheaper scrypt for registrar PINs. */
  pinScrypt?: ScryptParams;
  /** Timers of the session backstop (default: real ones); tests and the soak drive virtual time. */
  timers?: Timers;
  /** Closes the kiosk program (Electron: app.quit); absent where the host cannot. */
  quit?: () => void;
  /** How OCSP requests reach responders (default: HTTP POST, bounded, no redirects). */
  ocspPost?: OcspPost;
  /** Opens the document camera to the kiosk page while a document is captured (Electron's permission rule). */
  camera?: CameraPort;
}

/** How long a renderer may stay silent in a session: its own idle timeout and warning, plus a minute. */
export const sessionBackstopMs = (s: { idleTimeoutSeconds: number; idleWarningSeconds: number }): number =>
  (s.idleTimeoutSeconds + s.idleWarningSeconds + 60) * 1000;

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
  offline: Backend;
  /** Key files, the signer process and its lockout. */
  esign: EsignService;
  /** The signed-in patient: context, access checks, tokens, signing. */
  patient: PatientSession;
  signIn: SignInService;
  acting: ActingService;
  registration: RegistrationService;
  keys: KeyList;
  /** Personal data: the person, person requests, the authentication phone, address lookup. */
  person: PersonServices;
  /** Declarations, a new declaration, e-cabinet access and receipts. */
  cabinet: CabinetServices;
  /** Registrar mode: PIN, panel, settings, trust list, assisted sessions. */
  registrar: Registrar;
  /** Who at the screen may see which outbox operation (outbox and receipt channels, push events). */
  operations: OperationAccess;
  /** The event bus as the renderer may hear it: transports subscribe here, never to `events`. */
  rendererEvents: Pick<EventBus, 'subscribeAll'>;
  /** The host's way to close the kiosk program (the registrar's quit), or null. */
  quit: (() => void) | null;
  close(): Promise<void>;
}

/** The pieces every other part is built on: database, events, settings, at-rest key, audit log, sessions. */
interface KioskWide {
  now: () => Date;
  db: Db;
  events: EventBus;
  settings: SettingsStore;
  /** The environment of this start: everything built on it belongs to it (a switch restarts the services). */
  environment: Environment;
  key: LoadedKey;
  audit: AuditLog;
  session: SessionManager;
  secrets: SecretSettings;
}

/** The services as assembled; parts built before the assembly read them at call time, never earlier. */
type Current = () => KioskServices;

function kioskWide(ports: KioskPorts): KioskWide {
  const now = ports.now ?? (() => new Date());
  const db = openKioskDatabase(ports.dataDir);
  const events = new EventBus();
  const settings = new SettingsStore(db, now);
  const environment = settings.get().environment;
  const key = loadSecretKey({ dataDir: ports.dataDir, osStorage: ports.osSecretStorage ?? null });
  ports.log.info(
    { keyProtection: key.protection, storageBackend: ports.osSecretStorage?.backend?.() ?? null },
    'at-rest key',
  );
  // the audit chain is keyed by the at-rest key; a chain an older version left unkeyed is re-anchored now
  const audit = new AuditLog(db, key.box, now, environment, key.auditChain);
  audit.ensureKeyed();
  const session = new SessionManager(events, now, {
    audit,
    log: ports.log,
    ...(ports.timers ? { timers: ports.timers } : {}),
    backstopMs: () => sessionBackstopMs(settings.get()),
  });
  const secrets = new SecretSettings(db, key.box, now);
  return { now, db, events, settings, environment, key, audit, session, secrets };
}

/** The eHealth backend of this environment: its directory files, certificate status, outbox and worker. */
function backendPart(ports: KioskPorts, k: KioskWide, current: Current) {
  const { now, db, environment } = k;
  // the directory of this environment only: another environment's doctors are never searched here
  const directoryStore = new DirectoryStore({
    dataDir: ports.dataDir,
    environment,
    clinic: () => readClinic(db),
  });
  // certificate status (OCSP) and the trust list it relies on: the host's bundle (training), else the
  // registrar's import — read on every check, so an import takes effect at once
  const hostTrust = hostTrustList(ports.patient?.trustList ?? null);
  const revocation = new RevocationChecker({
    trust: () => hostTrust ?? current().registrar.trust.current(),
    now,
    post: ports.ocspPost ?? httpOcspPost(),
  });
  const offline = createKioskBackend({
    environment,
    engine: {
      revocation,
      dataDir: ports.dataDir,
      environment,
      db,
      audit: k.audit,
      events: k.events,
      log: ports.log,
      now,
      key: k.key,
      // one set of directory files for the kiosk, whichever backend syncs it
      directoryStore,
      ...(ports.transport ? { transport: ports.transport } : {}),
      ...(ports.background === undefined ? {} : { background: ports.background }),
    },
    settings: k.settings.get(),
    secrets: k.secrets,
    initial: ports.ehealth ?? null,
  });
  return { directoryStore, revocation, offline };
}

/** Declarations, a new declaration, e-cabinet access and receipts, for the signed-in patient. */
function cabinetPart(
  ports: KioskPorts,
  k: KioskWide,
  patient: ReturnType<typeof createPatientServices>,
  outbox: Outbox,
  current: Current,
): CabinetServices {
  return createCabinetServices({
    dataDir: ports.dataDir,
    patient: patient.patient,
    outbox,
    // read through `services`: the directory changes when the registrar switches the backend
    directory: {
      doctor: (id) => current().directory.doctor(id),
      clinic: () => current().directory.clinic(),
      status: () => current().directory.status(),
    },
    session: k.session,
    events: k.events,
    printer: ports.printer,
    log: ports.log,
    acting: () => {
      const role = patient.patient.current()?.actingAs;
      const person = patient.patient.person();
      if (!role || !person) return null;
      return {
        role,
        initials: initialsOf({
          firstName: person.first_name,
          secondName: person.second_name,
          lastName: person.last_name,
        }),
      };
    },
  });
}

/** Registrar mode: PIN, panel, settings, trust list, assisted sessions — reading the services at call time. */
function registrarPart(ports: KioskPorts, k: KioskWide, current: Current): Registrar {
  const { key } = k;
  return createRegistrar({
    dataDir: ports.dataDir,
    version: ports.version,
    db: k.db,
    audit: k.audit,
    events: k.events,
    session: k.session,
    settings: k.settings,
    box: key.box,
    log: ports.log,
    now: k.now,
    media: ports.trustMedia ?? ports.patient?.media ?? platformMedia(),
    mediaFolders: ports.trustFolders ?? [],
    outbox: () => current().outbox,
    directory: () => current().directory,
    connectivity: () => current().connectivity(),
    link: () => ({
      cause: current().offline.connectivityCause(),
      clockOffsetMs: current().offline.clockOffsetMs(),
    }),
    keyProtection: () => ({ protection: key.protection, warning: key.warning }),
    canQuit: () => ports.quit !== undefined,
    patient: () => ({
      current: () => current().patient.current(),
      birthDate: async () => {
        const birthDate = current().patient.person()?.birth_date;
        return birthDate ? ok(birthDate) : err('NO_SESSION', 'no birth date of a signed-in person');
      },
    }),
    trainingAvailable: ports.trainingAvailable ?? false,
    restart: ports.restart ?? null,
    ...(ports.pinScrypt ? { scrypt: ports.pinScrypt } : {}),
  });
}

/** Host-agnostic composition root of the main-side services. */
export function createServices(ports: KioskPorts): KioskServices {
  const current: Current = () => services;
  const k = kioskWide(ports);
  const { now, db, events, audit, settings, session } = k;
  const { directoryStore, revocation, offline } = backendPart(ports, k, current);
  // registration is built once the patient side it signs in through exists (just below)
  let registration: RegistrationService | null = null;
  const patient = createPatientServices({
    revocation,
    db,
    dataDir: ports.dataDir,
    events,
    session,
    api: offline.api,
    outbox: offline.outbox,
    audit,
    log: ports.log,
    now,
    ports: ports.patient ?? {},
    unknownPerson: () => registration,
  });
  registration = new RegistrationService({
    patient: patient.patient,
    esign: patient.esign,
    api: () => offline.api,
    outbox: offline.outbox,
    // a registration waiting for the link gets a receipt while the visitor is here
    onQueued: (operationId) => services.cabinet.receipts.remember(operationId, {}),
    log: ports.log,
    now,
    revocation,
  });
  const cabinet = cabinetPart(ports, k, patient, offline.outbox, current);
  // read through `services`: both exist only once the object below does
  const operations = new OperationAccess({
    outbox: offline.outbox,
    patient: () => {
      const view = services.patient.requireView();
      return view.ok ? view.value : null;
    },
    registrarInPanel: () => services.registrar.mode.requirePanel().ok,
    registrant: registration,
  });
  const person = createPersonServices({
    patient: patient.patient,
    outbox: offline.outbox,
    sessions: session,
    log: ports.log,
    now,
    // a signed change gets a receipt while the patient is here
    onQueued: (operationId) => cabinet.receipts.remember(operationId, {}),
    registering: () => registration.inProgress(),
    ...(ports.camera ? { camera: ports.camera } : {}),
    // pictures of documents from the same removable media the keys are found on
    media: ports.patient?.media ?? platformMedia(),
  });
  const registrar = registrarPart(ports, k, current);
  const services: KioskServices = {
    version: ports.version,
    log: ports.log,
    db,
    events,
    audit,
    settings,
    session,
    connectivity: offline.connectivity,
    ehealth: offline.api,
    outbox: offline.outbox,
    directory: offline.directory,
    offline,
    esign: patient.esign,
    patient: patient.patient,
    signIn: patient.signIn,
    acting: patient.acting,
    registration,
    keys: patient.keys,
    person,
    cabinet,
    registrar,
    operations,
    rendererEvents: operations.rendererEvents(events),
    quit: ports.quit ?? null,
    async close() {
      await session.end('finish');
      await patient.close();
      await cabinet.close();
      await services.offline.stop();
      // a sync in progress stops with it: its worker has exited when this returns
      await directoryStore.close();
      db.close();
    },
  };
  // the registrar's wrong-patient guard: in an assisted session, no change before the birth date is confirmed
  services.patient.addActGuard(services.registrar.mode.actGuard);
  return services;
}

/** The trust bundle a host brings (training: the sandbox's CA); an unreadable one trusts nothing. */
function hostTrustList(bundle: Uint8Array | null): TrustList | null {
  if (!bundle) return null;
  try {
    return parseTrustList(bundle).list;
  } catch {
    return { kind: 'trust-list', certificates: [] };
  }
}
