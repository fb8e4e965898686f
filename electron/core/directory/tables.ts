import type {
  Address,
  BulkDeclarationsLimit,
  BulkDivision,
  BulkEmployee,
  BulkEmployeeRole,
  BulkEntity,
  BulkHealthcareService,
  BulkLegalEntity,
  BulkParty,
} from '../ehealth';

type Value = string | number | null;

export interface TableSpec<Row> {
  table: string;
  /** Columns in insert order; the first is the primary key. */
  columns: readonly string[];
  toRow(row: Row): Value[];
}

const json = (v: unknown): string | null => (v == null ? null : JSON.stringify(v));
const flag = (v: boolean | null | undefined): number | null => (v == null ? null : v ? 1 : 0);
const s = (v: unknown): string | null => (v == null ? null : String(v));
const int = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? Math.trunc(n) : null;
};

/** The residence (main) address, else the first one. */
export const mainAddress = (list: Address[] | null | undefined): Address | null =>
  list?.find((a) => a.type === 'RESIDENCE') ?? list?.[0] ?? null;

export function formatStreet(a: Address | null): string | null {
  if (!a) return null;
  const parts = [
    a.street,
    a.building ? `${a.building}${a.apartment ? `, кв. ${a.apartment}` : ''}` : null,
  ].filter((p): p is string => !!p);
  return parts.length ? parts.join(', ') : null;
}

/**
 * Coordinates as published; a pair that only makes sense swapped (latitude 22–41, longitude 44–53:
 * Ukraine's box with the axes exchanged, as in eHealth's own example) is swapped back.
 */
export function coordinates(
  loc: { latitude?: number | null; longitude?: number | null } | null | undefined,
): [number | null, number | null] {
  const lat = loc?.latitude ?? null;
  const lon = loc?.longitude ?? null;
  if (lat === null || lon === null) return [null, null];
  const inUkraine = (la: number, lo: number) => la >= 44 && la <= 53 && lo >= 22 && lo <= 41;
  if (!inUkraine(lat, lon) && inUkraine(lon, lat)) return [lon, lat];
  return [lat, lon];
}

const phones = (list: { number?: string | null }[] | null | undefined) =>
  json((list ?? []).map((p) => p.number).filter((n): n is string => !!n));

export const LEGAL_ENTITIES: TableSpec<BulkLegalEntity> = {
  table: 'dir_legal_entities',
  columns: [
    'id',
    'name',
    'short_name',
    'public_name',
    'status',
    'type',
    'is_active',
    'edrpou',
    'area',
    'settlement',
    'address',
    'phones',
    'updated_at',
  ],
  toRow: (r) => {
    const a = r.residence_address ?? mainAddress(r.addresses);
    return [
      r.id,
      s(r.name),
      s(r.short_name),
      s(r.public_name),
      s(r.status),
      s(r.type),
      flag(r.is_active),
      s(r.edrpou),
      s(a?.area),
      s(a?.settlement),
      formatStreet(a),
      phones(r.phones),
      s(r.updated_at),
    ];
  },
};

export const DIVISIONS: TableSpec<BulkDivision> = {
  table: 'dir_divisions',
  columns: [
    'id',
    'legal_entity_id',
    'name',
    'type',
    'status',
    'is_active',
    'latitude',
    'longitude',
    'area',
    'region',
    'settlement',
    'settlement_id',
    'address',
    'phones',
    'email',
    'working_hours',
    'updated_at',
  ],
  toRow: (r) => {
    const a = mainAddress(r.addresses);
    const [lat, lon] = coordinates(r.location);
    return [
      r.id,
      s(r.legal_entity_id),
      s(r.name),
      s(r.type),
      s(r.status),
      flag(r.is_active),
      lat,
      lon,
      s(a?.area),
      s(a?.region),
      s(a?.settlement),
      s(a?.settlement_id),
      formatStreet(a),
      phones(r.phones),
      s(r.email),
      json(r.working_hours),
      s(r.updated_at),
    ];
  },
};

export const HEALTHCARE_SERVICES: TableSpec<BulkHealthcareService> = {
  table: 'dir_healthcare_services',
  columns: [
    'id',
    'legal_entity_id',
    'division_id',
    'speciality_type',
    'providing_condition',
    'status',
    'is_active',
    'available_time',
    'updated_at',
  ],
  toRow: (r) => [
    r.id,
    s(r.legal_entity_id),
    s(r.division_id),
    s(r.speciality_type),
    s(r.providing_condition),
    s(r.status),
    flag(r.is_active),
    json(r.available_time),
    s(r.updated_at),
  ],
};

export const PARTIES: TableSpec<BulkParty> = {
  table: 'dir_parties',
  columns: [
    'id',
    'first_name',
    'last_name',
    'second_name',
    'gender',
    'year_of_birth',
    'specialities',
    'educations',
    'qualifications',
    'about_myself',
    'working_experience',
    'verification_status',
    'updated_at',
  ],
  toRow: (r) => [
    r.id,
    s(r.first_name),
    s(r.last_name),
    s(r.second_name),
    s(r.gender),
    s(r.year_of_birth),
    json(r.specialities),
    json(r.educations),
    json(r.qualifications),
    s(r.about_myself),
    s(r.working_experience),
    s(r.verification_status),
    s(r.updated_at),
  ],
};

/** The employee's speciality: the one on the record, else the officio one among additional info. */
const employeeSpeciality = (r: BulkEmployee) =>
  r.speciality ??
  r.additional_info?.specialities?.find((x) => x.speciality_officio) ??
  r.additional_info?.specialities?.[0] ??
  null;

export const EMPLOYEES: TableSpec<BulkEmployee> = {
  table: 'dir_employees',
  columns: [
    'id',
    'party_id',
    'division_id',
    'legal_entity_id',
    'position',
    'status',
    'employee_type',
    'is_active',
    'speciality',
    'speciality_level',
    'start_date',
    'end_date',
    'updated_at',
  ],
  toRow: (r) => {
    const sp = employeeSpeciality(r);
    return [
      r.id,
      s(r.party_id),
      s(r.division_id),
      s(r.legal_entity_id),
      s(r.position),
      s(r.status),
      s(r.employee_type),
      flag(r.is_active),
      s(sp?.speciality),
      s(sp?.level),
      s(r.start_date),
      s(r.end_date),
      s(r.updated_at),
    ];
  },
};

export const EMPLOYEE_ROLES: TableSpec<BulkEmployeeRole> = {
  table: 'dir_employee_roles',
  columns: ['id', 'employee_id', 'healthcare_service_id', 'status', 'start_date', 'end_date', 'updated_at'],
  toRow: (r) => [
    r.id,
    s(r.employee_id),
    s(r.healthcare_service_id),
    s(r.status),
    s(r.start_date),
    s(r.end_date),
    s(r.updated_at),
  ],
};

export const DECLARATION_LIMITS: TableSpec<BulkDeclarationsLimit> = {
  table: 'dir_declaration_limits',
  columns: ['party_id', 'declarations_limit', 'declarations_count'],
  toRow: (r) => [r.party_id, int(r.declarations_limit), int(r.declarations_count)],
};

/** The bulk entities the kiosk replicates, in download order, with their tables. */
export const REPLICATED = {
  legal_entities: LEGAL_ENTITIES,
  divisions: DIVISIONS,
  healthcare_services: HEALTHCARE_SERVICES,
  parties: PARTIES,
  employees: EMPLOYEES,
  employee_roles: EMPLOYEE_ROLES,
  declarations_limit: DECLARATION_LIMITS,
} as const satisfies Partial<Record<BulkEntity, TableSpec<never>>>;

export type ReplicatedEntity = keyof typeof REPLICATED;
export const REPLICATED_ENTITIES = Object.keys(REPLICATED) as ReplicatedEntity[];

/** Entities without `depth`: every sync replaces them whole. */
export const ALWAYS_FULL: ReadonlySet<ReplicatedEntity> = new Set(['declarations_limit']);
