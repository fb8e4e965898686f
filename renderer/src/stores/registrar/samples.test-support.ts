import type {
  AuditEntryView,
  RegistrarOperation,
  RegistrarOverview,
  RegistrarSettings,
  RegistrarState,
} from '#shared/contract/registrar';

export const registrarState = (over: Partial<RegistrarState> = {}): RegistrarState => ({
  pinSet: true,
  enrolled: true,
  lockedForSeconds: null,
  mode: 'off',
  registrarId: null,
  birthDateConfirmed: false,
  patientSignedIn: false,
  ...over,
});

export const PANEL = registrarState({ mode: 'panel', registrarId: 'R-01' });
export const ASSISTED = registrarState({ mode: 'assisted', registrarId: 'R-01' });
export const OFF = registrarState();

export const overview = (over: Partial<RegistrarOverview> = {}): RegistrarOverview => ({
  version: '1.0.0',
  environment: 'training',
  trainingMode: true,
  connectivity: 'online',
  connectivityCause: null,
  clockOffsetSeconds: 0,
  clockWarning: false,
  keyProtection: 'os',
  keyWarning: false,
  outbox: {
    captured: 0,
    'waiting-network': 2,
    sending: 0,
    'needs-patient': 0,
    done: 5,
    rejected: 1,
    expired: 0,
  },
  lastDeliveredAt: null,
  nearDeadline: 0,
  directory: { lastSyncAt: null, lastFullSyncAt: null, serverDate: null, doctors: 40, syncing: false },
  trustList: null,
  canQuit: false,
  ...over,
});

export const operation = (over: Partial<RegistrarOperation> = {}): RegistrarOperation => ({
  id: 'op-1',
  referenceCode: 'K7Q4-2M9X',
  kind: 'app.revoke',
  state: 'waiting-network',
  held: false,
  attempts: 1,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:05.000Z',
  discarded: false,
  errorCode: null,
  patient: null,
  deadline: null,
  nearDeadline: false,
  canRetry: true,
  canDiscard: true,
  ...over,
});

const secrets = {
  clientId: { set: false, masked: null, unreadable: false },
  clientSecret: { set: false, masked: null, unreadable: false },
  apiKey: { set: false, masked: null, unreadable: false },
};

export const settings = (over: Partial<RegistrarSettings> = {}): RegistrarSettings => ({
  environment: 'training',
  baseUrls: {
    demo: 'https://demo.example',
    preprod: 'https://preprod.example',
    prod: 'https://prod.example',
  },
  officialHosts: { demo: true, preprod: true, prod: true },
  credentials: { demo: secrets, preprod: secrets, prod: secrets },
  clinic: { divisionId: null, latitude: null, longitude: null },
  printerName: '',
  idleTimeoutSeconds: 90,
  idleWarningSeconds: 20,
  defaults: { language: 'uk', largeText: false, highContrast: false },
  ...over,
});

export const auditEntry = (seq: number): AuditEntryView => ({
  seq,
  at: '2026-03-01T10:00:00.000Z',
  actor: 'registrar:R-01',
  action: 'registrar.signIn',
  subject: null,
  detail: null,
  hash: `h${seq}`,
});
