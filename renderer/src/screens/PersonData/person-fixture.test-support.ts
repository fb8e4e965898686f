import type { OperationView } from '#shared/contract/outbox';
import type { PersonView } from '#shared/contract/person';

/** A signed-in adult as main would describe them (fictional data). */
export const personView = (over: Partial<PersonView> = {}): PersonView => ({
  person: {
    first_name: 'Андрій',
    last_name: "Дем'яненко",
    second_name: 'Іванович',
    birth_date: '1997-05-06',
    birth_country: 'Україна',
    birth_settlement: 'Львів',
    gender: 'MALE',
    email: 'andrii@example.com',
    unzr: '19970506-00123',
    documents: [
      {
        type: 'NATIONAL_ID',
        number: '123456789',
        issued_by: '4610',
        issued_at: '2021-03-01',
        expiration_date: '2031-03-01',
      },
    ],
    addresses: [
      {
        type: 'RESIDENCE',
        country: 'UA',
        area: 'Львівська',
        region: 'Львівський',
        settlement: 'Львів',
        settlement_type: 'CITY',
        settlement_id: '0f0e2b1c-3d4e-4f50-8a6b-7c8d9e0f1a2b',
        street_type: 'STREET',
        street: 'Городоцька',
        building: '15А',
        apartment: '23',
        zip: '79000',
      },
    ],
    phones: [{ type: 'MOBILE', number: '+380501234502' }],
    preferred_way_communication: 'phone',
    emergency_contact: {
      first_name: 'Галина',
      last_name: 'Бойко',
      second_name: 'Іванівна',
      phones: [{ type: 'MOBILE', number: '+380991234500' }],
    },
  },
  taxId: '3126509817',
  noTaxId: false,
  secretSet: true,
  authenticationMethods: [
    {
      id: 'm-1',
      type: 'OTP',
      phoneMasked: '+38050*****02',
      alias: 'Мій',
      active: true,
      startedAt: '2025-05-01T10:00:00.000Z',
      endedAt: null,
      confidantName: null,
    },
  ],
  verification: {
    status: 'VERIFIED',
    parts: [
      { part: 'drfo', status: 'VERIFIED', reason: 'AUTO_ONLINE', comment: null },
      { part: 'dracs_death', status: 'VERIFIED', reason: 'AUTO_ONLINE', comment: null },
      { part: 'legal_capacity', status: 'VERIFICATION_NOT_NEEDED', reason: 'AUTO', comment: null },
    ],
  },
  access: 'full',
  ageYears: 29,
  today: '2026-06-15',
  ...over,
});

export const operationView = (over: Partial<OperationView> = {}): OperationView => ({
  id: 'op-1',
  referenceCode: 'K7Q4-2M9X',
  kind: 'person-request.complete',
  state: 'waiting-network',
  held: false,
  flowId: 'req-1',
  attempts: 0,
  createdAt: '2026-06-15T10:00:00.000Z',
  updatedAt: '2026-06-15T10:00:00.000Z',
  completedAt: null,
  nextAttemptAt: null,
  expiresAt: null,
  ehealthId: null,
  discarded: false,
  error: null,
  ...over,
});
