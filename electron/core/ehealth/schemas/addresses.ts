import { z } from 'zod';
import { bool, str } from './common';

export const Region = z.looseObject({ id: z.string(), region: str, koatuu: str });
export const District = z.looseObject({ id: z.string(), region: str, district: str, koatuu: str });
export const Settlement = z.looseObject({
  id: z.string(),
  region: str,
  region_id: str,
  district: str,
  district_id: str,
  name: str,
  settlement_name: str,
  mountain_group: z.union([z.boolean(), z.string(), z.number()]).nullish(),
  type: str,
  koatuu: str,
  parent_settlement: str,
  parent_settlement_id: str,
});
export const Street = z.looseObject({
  id: z.string(),
  settlement_id: str,
  type: str,
  name: str,
  aliases: z.array(z.string()).nullish(),
});

export const DictionaryValue: z.ZodType<DictionaryValue> = z.lazy(() =>
  z.looseObject({
    code: z.string(),
    description: str,
    is_active: bool,
    child_values: z.array(DictionaryValue).nullish(),
  }),
);
export interface DictionaryValue {
  code: string;
  description?: string | null;
  is_active?: boolean | null;
  child_values?: DictionaryValue[] | null;
  [k: string]: unknown;
}

export const Dictionary = z.looseObject({
  name: z.string(),
  description: str,
  is_active: bool,
  labels: z.array(z.string()).nullish(),
  /** v2 lists values; the legacy endpoint sends a code → description map. */
  values: z.union([z.array(DictionaryValue), z.record(z.string(), z.unknown())]).nullish(),
});
export type Dictionary = z.infer<typeof Dictionary>;
