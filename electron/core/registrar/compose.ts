/**
 * Registrar mode, composed: accounts and PIN lockout, the registrar/assisted-session state with its
 * audit attribution and wrong-patient guard, the panel's views and actions, settings (with sealed
 * eHealth credentials), and the trust list. services.ts builds it; handlers/registrar.ts exposes it.
 */
import type { Connectivity, ConnectivityCause } from '#shared/contract/app';
import type { KeyProtection, SecretBox } from '../crypto';
import type { Db } from '../db';
import type { DirectoryService } from '../directory';
import type { MediaSource } from '../esign';
import type { EventBus } from '../events';
import type { Logger } from '../log';
import type { Outbox } from '../outbox';
import type { SessionManager } from '../session';
import { RegistrarAccounts } from './accounts';
import { noteLink, SecretSettings, type AuditLog, type SettingsStore } from '../kiosk';
import type { ScryptParams } from './pin';
import { RegistrarModeState, type PatientPort } from './registrar-mode';
import { RegistrarPanel } from './panel';
import { RegistrarSettingsService, type SettingsServicePorts } from './settings-service';
import { TrustStore } from './trust-store';

export interface RegistrarDeps {
  dataDir: string;
  version: string;
  db: Db;
  audit: AuditLog;
  events: EventBus;
  session: SessionManager;
  settings: SettingsStore;
  box: SecretBox;
  log: Logger;
  now: () => Date;
  /** Removable media for the trust-list import, and extra folders searched the same way. */
  media: MediaSource;
  mediaFolders?: readonly string[];
  outbox: () => Outbox;
  directory: () => DirectoryService;
  connectivity: () => Connectivity;
  /** Why the link is not online, and eHealth's clock offset (ms); absent: unknown. */
  link?: () => { cause: ConnectivityCause | null; clockOffsetMs: number | null };
  keyProtection: () => { protection: KeyProtection; warning: boolean };
  /** Whether the host lets the registrar close the kiosk program. */
  canQuit?: () => boolean;
  patient?: () => PatientPort | null;
  trainingAvailable: SettingsServicePorts['trainingAvailable'];
  restart: SettingsServicePorts['restart'];
  scrypt?: ScryptParams;
}

export interface Registrar {
  accounts: RegistrarAccounts;
  mode: RegistrarModeState;
  panel: RegistrarPanel;
  settings: RegistrarSettingsService;
  secrets: SecretSettings;
  trust: TrustStore;
}

const UNSETTLED = ['captured', 'waiting-network', 'sending', 'needs-patient'] as const;

export function createRegistrar(d: RegistrarDeps): Registrar {
  const accounts = new RegistrarAccounts({
    db: d.db,
    audit: d.audit,
    now: d.now,
    ...(d.scrypt ? { scrypt: d.scrypt } : {}),
  });
  const mode = new RegistrarModeState({
    accounts,
    audit: d.audit,
    events: d.events,
    session: d.session,
    ...(d.patient ? { patient: d.patient } : {}),
  });
  const trust = new TrustStore({
    db: d.db,
    audit: d.audit,
    dataDir: d.dataDir,
    media: d.media,
    folders: d.mediaFolders ?? [],
    now: d.now,
  });
  const secrets = new SecretSettings(d.db, d.box, d.now);
  const panel = new RegistrarPanel({
    version: d.version,
    audit: d.audit,
    settings: d.settings,
    trust,
    log: d.log,
    outbox: d.outbox,
    directory: d.directory,
    connectivity: d.connectivity,
    link: d.link ?? (() => ({ cause: null, clockOffsetMs: null })),
    keyProtection: d.keyProtection,
    canQuit: d.canQuit ?? (() => false),
    now: d.now,
  });
  const settings = new RegistrarSettingsService({
    settings: d.settings,
    secrets,
    audit: d.audit,
    events: d.events,
    directory: d.directory,
    unsettledOperations: () => {
      const counts = d.outbox().status().counts;
      return UNSETTLED.reduce((n, s) => n + (counts[s] ?? 0), 0);
    },
    patientSignedIn: () => (d.patient?.()?.current() ?? null) !== null,
    trainingAvailable: d.trainingAvailable,
    restart: d.restart,
  });
  // the running kiosk notes its link to eHealth for `kiosk status` (once the services exist, then on change)
  const note = (state: Connectivity) => {
    try {
      noteLink(d.db, state, d.now());
    } catch (e) {
      d.log.warn({ err: e }, 'connectivity could not be noted for the ops CLI');
    }
  };
  queueMicrotask(() => note(d.connectivity()));
  d.events.on('connectivityChanged', ({ state }) => note(state));
  return { accounts, mode, panel, settings, secrets, trust };
}
