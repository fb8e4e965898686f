/** Sample values of the cabinet's contract for renderer unit tests. */
import type { AppAccess } from '#shared/contract/apps';
import type {
  DeclarationDetails,
  DeclarationDraft,
  DeclarationsOverview,
  DeclarationSummary,
  DoctorSearchContext,
} from '#shared/contract/declarations';
import type { DoctorCard, DoctorDetails } from '#shared/contract/doctors';

export const CURRENT: DeclarationSummary = {
  id: 'decl-current',
  number: '0001-AEHK-MPTX',
  status: 'active',
  startDate: '2025-05-11',
  endDate: '2028-05-10',
  endedOn: null,
  reason: null,
  reasonDescription: null,
  doctor: { employeeId: 'emp-1', fullName: 'Вишневська Єлизавета Дмитрівна', speciality: 'FAMILY_DOCTOR' },
  clinic: {
    divisionId: 'div-1',
    divisionName: 'Амбулаторія № 3',
    legalEntityName: 'КНП «Центр ПМСД»',
    address: 'Вінниця, Соборна, 1',
    phones: ['+380432000000'],
  },
  pendingTermination: null,
};

export const OLD: DeclarationSummary = {
  ...CURRENT,
  id: 'decl-old',
  number: '0001-KXTP-52M9',
  status: 'terminated',
  startDate: '2023-01-01',
  // planned until 2026, ended when the patient moved
  endDate: '2026-01-01',
  endedOn: '2025-05-11',
  reason: 'manual_person',
  reasonDescription: 'Переїзд до іншого міста',
  doctor: { employeeId: 'emp-2', fullName: 'Гнатюк Марʼяна Миколаївна', speciality: 'THERAPIST' },
};

export const OVERVIEW: DeclarationsOverview = {
  current: CURRENT,
  history: [OLD],
  canAct: true,
  stale: false,
};

export const DETAILS: DeclarationDetails = {
  ...CURRENT,
  signedAt: '2025-05-11T10:00:00Z',
  printoutHtml:
    '<!DOCTYPE html><html><head><style>p{color:red}</style><script>window.pwned=1</script></head><body><h1>Декларація № 0001-AEHK-MPTX</h1><p onclick="alert(1)">Пацієнт: <b>Ковальчук Олена Петрівна</b></p><img src="http://example.invalid/x.png"><a href="http://example.invalid">посилання</a></body></html>',
  signedDocumentKept: true,
};

export const DOCTOR_CARD: DoctorCard = {
  employeeId: 'emp-9',
  partyId: 'party-9',
  fullName: 'Петренко Марія Іванівна',
  speciality: 'FAMILY_DOCTOR',
  divisionId: 'div-9',
  divisionName: 'Амбулаторія № 9',
  legalEntityId: 'le-9',
  legalEntityName: 'КНП «Центр ПМСД № 9»',
  oblast: 'ВІННИЦЬКА',
  settlement: 'Вінниця',
  address: 'Соборна, 9',
  latitude: null,
  longitude: null,
  distanceKm: 1.5,
  inThisClinic: true,
  declarationsLimit: 1800,
  declarationsCount: 1700,
  freePlaces: 100,
};

export const DOCTOR: DoctorDetails = {
  ...DOCTOR_CARD,
  position: 'P1',
  specialities: [{ speciality: 'FAMILY_DOCTOR', level: 'FIRST', officio: true }],
  education: [{ institution: 'ВНМУ', speciality: 'лікувальна справа', year: '2005' }],
  aboutMyself: null,
  workingExperience: 18,
  divisionPhones: ['+380432000009'],
  divisionEmail: null,
  workingHours: { mon: [['08:00', '16:00']], fri: [['08:00', '12:00']] },
};

export const CONTEXT: DoctorSearchContext = {
  signedIn: true,
  ageYears: 42,
  specialities: ['FAMILY_DOCTOR', 'THERAPIST'],
  pediatricianEndsSoon: false,
  canDeclare: true,
  clinic: { legalEntityId: 'le-9', divisionId: null },
  currentEmployeeId: 'emp-1',
};

export const DRAFT: DeclarationDraft = {
  flowId: 'flow-1',
  declarationNumber: '0001-9999-AEHK',
  startDate: '2026-03-01',
  endDate: '2029-02-28',
  doctor: { employeeId: 'emp-9', fullName: 'Петренко Марія Іванівна', speciality: 'FAMILY_DOCTOR' },
  clinic: {
    divisionId: 'div-9',
    divisionName: 'Амбулаторія № 9',
    legalEntityName: 'КНП «Центр ПМСД № 9»',
    address: 'Вінниця, Соборна, 9',
    phones: [],
  },
  printoutHtml: '<h1>Декларація про вибір лікаря № 0001-9999-AEHK</h1><p>Лікар: Петренко Марія Іванівна</p>',
  replaces: CURRENT,
};

export const APPS: AppAccess[] = [
  {
    id: 'app-kiosk',
    name: 'Кабінет-кіоск',
    scopes: ['person:sign_in', 'app:read', 'app:delete'],
    since: '2026-03-01T09:00:00Z',
    grantedByConfidant: false,
    thisKiosk: true,
    pendingRevoke: null,
  },
  {
    id: 'app-family',
    name: 'Сімейна Медкарта',
    scopes: ['person:sign_in', 'declaration:read_pis', 'declaration:read', 'custom:thing'],
    since: '2025-06-01T09:00:00Z',
    grantedByConfidant: false,
    thisKiosk: false,
    pendingRevoke: null,
  },
];
