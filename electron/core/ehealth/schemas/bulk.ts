import { z } from 'zod';
import {
  Address,
  bool,
  Education,
  JsonObject,
  num,
  numOrStr,
  Phone,
  Qualification,
  ScienceDegree,
  Speciality,
  str,
} from './common';

/** Bulk replication endpoints (`GET /api/pis/bulk/<entity>?depth=<days>`), api-key only. */
export const BULK_ENTITIES = [
  'legal_entities',
  'divisions',
  'healthcare_services',
  'parties',
  'employees',
  'employee_roles',
  'contract_divisions',
  'declarations_limit',
] as const;
export type BulkEntity = (typeof BULK_ENTITIES)[number];

export const BulkParty = z.looseObject({
  id: z.string(),
  first_name: str,
  last_name: str,
  second_name: str,
  year_of_birth: numOrStr,
  gender: str,
  inserted_at: str,
  updated_at: str,
  educations: z.array(Education).nullish(),
  qualifications: z.array(Qualification).nullish(),
  specialities: z.array(Speciality).nullish(),
  science_degree: ScienceDegree.nullish(),
  about_myself: str,
  working_experience: numOrStr,
  verification_status: str,
});
export type BulkParty = z.infer<typeof BulkParty>;

export const BulkEmployee = z.looseObject({
  id: z.string(),
  position: str,
  status: str,
  employee_type: str,
  is_active: bool,
  start_date: str,
  end_date: str,
  legal_entity_id: str,
  division_id: str,
  party_id: str,
  inserted_at: str,
  updated_at: str,
  status_reason: str,
  additional_info: z
    .looseObject({
      educations: z.array(Education).nullish(),
      qualifications: z.array(Qualification).nullish(),
      specialities: z.array(Speciality).nullish(),
      science_degree: ScienceDegree.nullish(),
    })
    .nullish(),
  speciality: Speciality.nullish(),
});
export type BulkEmployee = z.infer<typeof BulkEmployee>;

export const BulkEmployeeRole = z.looseObject({
  id: z.string(),
  healthcare_service_id: str,
  employee_id: str,
  start_date: str,
  end_date: str,
  status: str,
  inserted_at: str,
  updated_at: str,
});
export type BulkEmployeeRole = z.infer<typeof BulkEmployeeRole>;

const Coding = z.looseObject({
  coding: z.array(z.looseObject({ system: str, code: str })).nullish(),
  text: str,
});

export const BulkHealthcareService = z.looseObject({
  id: z.string(),
  legal_entity_id: str,
  division_id: str,
  speciality_type: str,
  providing_condition: str,
  category: Coding.nullish(),
  type: Coding.nullish(),
  status: str,
  comment: str,
  coverage_area: z.array(z.string()).nullish(),
  is_active: bool,
  available_time: z
    .array(
      z.looseObject({
        days_of_week: z.array(z.string()).nullish(),
        all_day: bool,
        available_start_time: str,
        available_end_time: str,
      }),
    )
    .nullish(),
  not_available: z.array(JsonObject).nullish(),
  license_id: str,
  inserted_at: str,
  updated_at: str,
});
export type BulkHealthcareService = z.infer<typeof BulkHealthcareService>;

/** `{mon: [["08.00","12.00"], …]}`; examples mix numbers and strings. */
const WorkingHours = z.record(z.string(), z.array(z.array(z.union([z.string(), z.number()]))).nullish());

export const BulkDivision = z.looseObject({
  id: z.string(),
  legal_entity_id: str,
  name: str,
  type: str,
  status: str,
  is_active: bool,
  external_id: str,
  mountain_group: z.union([z.boolean(), z.string(), z.number()]).nullish(),
  addresses: z.array(Address).nullish(),
  phones: z.array(Phone).nullish(),
  email: str,
  location: z.looseObject({ latitude: num, longitude: num }).nullish(),
  working_hours: WorkingHours.nullish(),
  dls_id: str,
  dls_verified: bool,
  inserted_at: str,
  updated_at: str,
});
export type BulkDivision = z.infer<typeof BulkDivision>;

export const BulkLegalEntity = z.looseObject({
  id: z.string(),
  name: str,
  short_name: str,
  public_name: str,
  status: str,
  type: str,
  owner_property_type: str,
  legal_form: str,
  edrpou: str,
  kveds: z.array(z.string()).nullish(),
  addresses: z.array(Address).nullish(),
  residence_address: Address.nullish(),
  phones: z.array(Phone).nullish(),
  email: str,
  website: str,
  is_active: bool,
  inserted_at: str,
  updated_at: str,
});
export type BulkLegalEntity = z.infer<typeof BulkLegalEntity>;

export const BulkContractDivision = z.looseObject({
  contract_id: str,
  changed_at: str,
  division_id: str,
  contract_status: str,
  contract_start_date: str,
  contract_end_date: str,
  contract_division_status: str,
});

export const BulkDeclarationsLimit = z.looseObject({
  party_id: z.string(),
  declarations_limit: numOrStr,
  declarations_count: numOrStr,
});
export type BulkDeclarationsLimit = z.infer<typeof BulkDeclarationsLimit>;

export const BULK_SCHEMAS = {
  legal_entities: BulkLegalEntity,
  divisions: BulkDivision,
  healthcare_services: BulkHealthcareService,
  parties: BulkParty,
  employees: BulkEmployee,
  employee_roles: BulkEmployeeRole,
  contract_divisions: BulkContractDivision,
  declarations_limit: BulkDeclarationsLimit,
} as const satisfies Record<BulkEntity, z.ZodType>;

export type BulkRow<E extends BulkEntity> = z.infer<(typeof BULK_SCHEMAS)[E]>;
