/**
 * A small hand-made directory in the shape of eHealth's bulk dumps: enough doctors to exercise
 * every eligibility rule and search variant, with the names chosen for the tricky letters.
 */
export interface Fixture {
  legal_entities: Record<string, unknown>[];
  divisions: Record<string, unknown>[];
  healthcare_services: Record<string, unknown>[];
  parties: Record<string, unknown>[];
  employees: Record<string, unknown>[];
  employee_roles: Record<string, unknown>[];
  declarations_limit: Record<string, unknown>[];
}

const address = (area: string, settlement: string, street: string) => [
  {
    type: 'RESIDENCE',
    country: 'UA',
    area,
    settlement,
    settlement_type: 'CITY',
    settlement_id: 's-' + settlement,
    street,
    building: '1',
  },
];

export function fixture(): Fixture {
  const le = (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    name: `Центр ПМСД ${id}`,
    short_name: id,
    status: 'ACTIVE',
    type: 'PRIMARY_CARE',
    is_active: true,
    edrpou: '12345678',
    addresses: address('Київська', 'Київ', 'вул. Хрещатик'),
    unexpected_new_field: { whatever: true },
    ...extra,
  });
  const div = (
    id: string,
    legal: string,
    area: string,
    settlement: string,
    lat: number,
    lon: number,
    extra: Record<string, unknown> = {},
  ) => ({
    id,
    legal_entity_id: legal,
    name: `Амбулаторія ${id}`,
    type: 'CLINIC',
    status: 'ACTIVE',
    is_active: true,
    addresses: address(area, settlement, 'вул. Шевченка'),
    phones: [{ type: 'LAND_LINE', number: '+380441234567' }],
    location: { latitude: lat, longitude: lon },
    working_hours: {
      mon: [
        [8, '12.00'],
        ['14.00', '18.00'],
      ],
      sat: null,
    },
    ...extra,
  });
  const party = (id: string, last: string, first: string, second: string) => ({
    id,
    last_name: last,
    first_name: first,
    second_name: second,
    year_of_birth: '1980',
    gender: 'FEMALE',
    specialities: [{ speciality: 'FAMILY_DOCTOR', speciality_officio: true, level: 'FIRST' }],
    educations: [{ institution_name: 'НМУ', speciality: 'Лікувальна справа', issued_date: '2004-06-30' }],
    about_myself: 'Люблю свою роботу',
    working_experience: 12,
    verification_status: 'VERIFIED',
  });
  const emp = (
    id: string,
    partyId: string,
    division: string,
    legal: string,
    speciality: string,
    extra: Record<string, unknown> = {},
  ) => ({
    id,
    party_id: partyId,
    division_id: division,
    legal_entity_id: legal,
    position: 'P2',
    status: 'APPROVED',
    employee_type: 'DOCTOR',
    is_active: true,
    start_date: '2020-01-01',
    end_date: null,
    speciality: { speciality, speciality_officio: true, level: 'FIRST' },
    ...extra,
  });
  return {
    legal_entities: [
      le('le-kyiv'),
      le('le-lviv', { addresses: address('Львівська', 'Львів', 'вул. Городоцька') }),
      le('le-suspended', { status: 'SUSPENDED' }),
      le('le-pharmacy', { type: 'PHARMACY' }),
      le('le-msp', { type: 'MSP' }),
    ],
    divisions: [
      div('d-kyiv-1', 'le-kyiv', 'Київська', 'Київ', 50.45, 30.52),
      // published with the axes swapped, as in eHealth's own example
      div('d-kyiv-2', 'le-kyiv', 'Київська область', 'м. Київ', 30.6, 50.43),
      div('d-lviv', 'le-lviv', 'Львівська', 'Львів', 49.84, 24.03),
      div('d-closed', 'le-kyiv', 'Київська', 'Київ', 50.4, 30.5, { status: 'INACTIVE', is_active: false }),
      div('d-susp', 'le-suspended', 'Київська', 'Київ', 50.4, 30.5),
      div('d-pharm', 'le-pharmacy', 'Київська', 'Київ', 50.4, 30.5),
      div('d-msp', 'le-msp', 'Одеська', 'Одеса', 46.48, 30.73),
    ],
    healthcare_services: [
      {
        id: 'hs-1',
        legal_entity_id: 'le-kyiv',
        division_id: 'd-kyiv-1',
        speciality_type: 'FAMILY_DOCTOR',
        providing_condition: 'OUTPATIENT',
        status: 'ACTIVE',
        is_active: true,
      },
    ],
    parties: [
      party('p-1', 'Ґалаґан', 'Ірина', 'Петрівна'),
      party('p-2', 'Мар’яненко', 'Олексій', 'Іванович'),
      party('p-3', 'Їжакевич', 'Євген', 'Олегович'),
      party('p-4', 'Коваленко', 'Анна', 'Сергіївна'),
      party('p-5', 'Шевчук', 'Тарас', 'Богданович'),
      party('p-6', 'Дмитренко', 'Ольга', 'Василівна'),
      party('p-7', 'Бондар', 'Юлія', 'Андріївна'),
      party('p-8', 'Левченко', 'Марія', 'Іванівна'),
      party('p-9', 'Захарченко', 'Ігор', 'Петрович'),
      party('p-10', 'Остапчук', 'Віра', 'Олексіївна'),
    ],
    employees: [
      emp('e-1', 'p-1', 'd-kyiv-1', 'le-kyiv', 'FAMILY_DOCTOR'),
      emp('e-2', 'p-2', 'd-kyiv-2', 'le-kyiv', 'THERAPIST'),
      emp('e-3', 'p-3', 'd-lviv', 'le-lviv', 'PEDIATRICIAN'),
      emp('e-4', 'p-4', 'd-lviv', 'le-lviv', 'FAMILY_DOCTOR'),
      emp('e-5', 'p-5', 'd-msp', 'le-msp', 'THERAPIST'),
      // not offered: dismissed, not a doctor, wrong speciality, employment ended, closed division,
      // suspended / pharmacy legal entity, division of another legal entity
      emp('e-6', 'p-6', 'd-kyiv-1', 'le-kyiv', 'FAMILY_DOCTOR', { status: 'DISMISSED' }),
      emp('e-7', 'p-7', 'd-kyiv-1', 'le-kyiv', 'FAMILY_DOCTOR', { employee_type: 'HR' }),
      emp('e-8', 'p-8', 'd-kyiv-1', 'le-kyiv', 'SURGEON'),
      emp('e-9', 'p-9', 'd-kyiv-1', 'le-kyiv', 'FAMILY_DOCTOR', { end_date: '2001-01-01' }),
      emp('e-10', 'p-10', 'd-closed', 'le-kyiv', 'FAMILY_DOCTOR'),
      emp('e-11', 'p-6', 'd-susp', 'le-suspended', 'FAMILY_DOCTOR'),
      emp('e-12', 'p-7', 'd-pharm', 'le-pharmacy', 'FAMILY_DOCTOR'),
      emp('e-13', 'p-8', 'd-lviv', 'le-kyiv', 'FAMILY_DOCTOR'),
      { not_an_employee: true },
    ],
    employee_roles: [
      {
        id: 'r-1',
        employee_id: 'e-1',
        healthcare_service_id: 'hs-1',
        status: 'ACTIVE',
        start_date: '2020-01-01',
      },
    ],
    declarations_limit: [
      { party_id: 'p-1', declarations_limit: 1800, declarations_count: 1799 },
      { party_id: 'p-2', declarations_limit: 2000, declarations_count: 2000 },
      { party_id: 'p-3', declarations_limit: 900, declarations_count: '100' },
      { party_id: 'p-4', declarations_limit: 1800, declarations_count: 0 },
    ],
  };
}

/** Loads a fixture straight into a new generation of the store (no network), as a completed full sync. */
export async function seedDirectory(
  store: import('./store').DirectoryStore,
  data: Fixture,
  now = new Date('2026-03-01T08:00:00Z'),
) {
  const { GenerationDraft } = await import('./generation');
  const { EntityWriter, rebuildDoctors, recordSync } = await import('./replica');
  const { BULK_SCHEMAS } = await import('../ehealth/schemas/bulk');
  const { REPLICATED_ENTITIES } = await import('./tables');
  const draft = new GenerationDraft(store.target, null);
  const info = {} as Record<
    (typeof REPLICATED_ENTITIES)[number],
    { rows: number; rejected: number; serverDate: string | null }
  >;
  for (const e of REPLICATED_ENTITIES) {
    const rows = data[e]
      .map((r) => BULK_SCHEMAS[e].safeParse(r))
      .filter((p) => p.success)
      .map((p) => p.data);
    const writer = new EntityWriter(draft.db, e, 'full');
    rows.forEach((r) => writer.add(r));
    writer.flush();
    info[e] = { rows: rows.length, rejected: data[e].length - rows.length, serverDate: null };
  }
  recordSync(draft.db, 'full', info, now);
  const n = rebuildDoctors(draft.db, now).n;
  if (!store.adopt(draft.publish())) throw new Error('the seeded generation did not open');
  return n;
}
