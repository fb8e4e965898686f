import { z } from 'zod';

/**
 * Building blocks of eHealth response schemas. Every object is loose: eHealth adds fields over
 * time and the kiosk must not break on them; only what the kiosk reads is typed. Optional fields
 * accept null as eHealth often sends explicit nulls.
 */
export const str = z.string().nullish();
export const num = z.number().nullish();
export const bool = z.boolean().nullish();
/** Some numeric fields come as strings in examples ("zip": 2090, "year_of_birth": "1975"). */
export const numOrStr = z.union([z.number(), z.string()]).nullish();

export const Phone = z.looseObject({ type: str, number: str });
export const Address = z.looseObject({
  type: str,
  country: str,
  area: str,
  region: str,
  settlement: str,
  settlement_type: str,
  settlement_id: str,
  street_type: str,
  street: str,
  building: str,
  apartment: str,
  zip: numOrStr,
});
export type Address = z.infer<typeof Address>;

export const Document = z.looseObject({
  type: str,
  number: str,
  expiration_date: str,
  issued_by: str,
  issued_at: str,
});

export const Speciality = z.looseObject({
  speciality: str,
  speciality_officio: bool,
  level: str,
  qualification_type: str,
  attestation_name: str,
  attestation_date: str,
  valid_to_date: str,
  certificate_number: str,
});
export type Speciality = z.infer<typeof Speciality>;

export const Education = z.looseObject({
  country: str,
  city: str,
  institution_name: str,
  issued_date: str,
  diploma_number: str,
  degree: str,
  speciality: str,
});

export const Qualification = z.looseObject({
  type: str,
  institution_name: str,
  speciality: str,
  issued_date: str,
  certificate_number: str,
  valid_to: str,
  additional_info: str,
});

export const ScienceDegree = z.looseObject({
  country: str,
  city: str,
  degree: str,
  institution_name: str,
  diploma_number: str,
  speciality: str,
  issued_date: str,
});

export const IdRef = z.looseObject({ id: z.string() });

/** Any JSON object, kept exactly as eHealth sent it (e.g. `data_to_be_signed`, which is signed verbatim). */
export const JsonObject = z.record(z.string(), z.unknown());
export type JsonObject = z.infer<typeof JsonObject>;

export const list = <T extends z.ZodType>(item: T) => z.array(item);
