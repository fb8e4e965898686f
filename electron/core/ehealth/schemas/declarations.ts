import { z } from 'zod';
import { Address, IdRef, JsonObject, num, Phone, str } from './common';

/** `Declaration_list` item */
export const DeclarationListItem = z.looseObject({
  id: z.string(),
  declaration_number: str,
  start_date: str,
  end_date: str,
  status: str,
  reason: str,
  reason_description: str,
  person: IdRef.nullish(),
  employee: IdRef.nullish(),
  division: IdRef.nullish(),
  legal_entity: IdRef.nullish(),
  inserted_at: str,
  updated_at: str,
});
export type DeclarationListItem = z.infer<typeof DeclarationListItem>;

const PartyShort = z.looseObject({
  id: str,
  first_name: str,
  last_name: str,
  second_name: str,
  phones: z.array(Phone).nullish(),
});

export const EmployeeExpanded = z.looseObject({
  id: z.string(),
  position: str,
  employee_type: str,
  status: str,
  start_date: str,
  end_date: str,
  party: PartyShort.nullish(),
  speciality: z.union([z.string(), JsonObject]).nullish(),
  division_id: str,
  legal_entity_id: str,
  doctor: JsonObject.nullish(),
});

export const DivisionExpanded = z.looseObject({
  id: z.string(),
  legal_entity_id: str,
  name: str,
  addresses: z.array(Address).nullish(),
  phones: z.array(Phone).nullish(),
  email: str,
  type: str,
  status: str,
  location: z.looseObject({ latitude: num, longitude: num }).nullish(),
});

export const LegalEntityExpanded = z.looseObject({
  id: z.string(),
  name: str,
  short_name: str,
  public_name: str,
  legal_form: str,
  edrpou: str,
  status: str,
  addresses: z.array(Address).nullish(),
  phones: z.array(Phone).nullish(),
  email: str,
});

/** `Declaration_Details_PIS`; the terminate response expands person/employee/division/legal_entity. */
export const Declaration = z.looseObject({
  id: z.string(),
  declaration_number: str,
  start_date: str,
  end_date: str,
  signed_at: str,
  status: str,
  scope: str,
  reason: str,
  reason_description: str,
  declaration_request_id: str,
  content: str,
  person: JsonObject.nullish(),
  employee: z.union([EmployeeExpanded, IdRef]).nullish(),
  division: z.union([DivisionExpanded, IdRef]).nullish(),
  legal_entity: z.union([LegalEntityExpanded, IdRef]).nullish(),
  inserted_at: str,
  updated_at: str,
});
export type Declaration = z.infer<typeof Declaration>;

/** `Declaration_requests_list` item */
export const DeclarationRequestListItem = z.looseObject({
  id: z.string(),
  declaration_number: str,
  start_date: str,
  end_date: str,
  channel: str,
  status: str,
  status_reason: str,
  person: JsonObject.nullish(),
  employee: JsonObject.nullish(),
  legal_entity: JsonObject.nullish(),
  division: JsonObject.nullish(),
});
export type DeclarationRequestListItem = z.infer<typeof DeclarationRequestListItem>;

/**
 * Create/sign response and details of a declaration request. `data_to_be_signed` is kept as the
 * exact object eHealth returned: the patient signs it verbatim (with `patient_signed: true`).
 */
export const DeclarationRequest = z.looseObject({
  id: z.string(),
  status: str,
  declaration_number: str,
  declaration_id: str,
  start_date: str,
  end_date: str,
  scope: str,
  seed: str,
  channel: str,
  status_reason: str,
  current_declaration_count: num,
  system_declaration_limit: num,
  content: str,
  person: JsonObject.nullish(),
  employee: JsonObject.nullish(),
  legal_entity: JsonObject.nullish(),
  division: JsonObject.nullish(),
  patient_id: str,
  employee_id: str,
  legal_entity_id: str,
  division_id: str,
  data_to_be_signed: JsonObject.nullish(),
});
export type DeclarationRequest = z.infer<typeof DeclarationRequest>;
