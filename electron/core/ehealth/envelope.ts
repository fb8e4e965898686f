import { z } from 'zod';

/** `meta` of every eHealth response. Bulk endpoints add `date`; idempotent calls echo the key. */
export const Meta = z.looseObject({
  code: z.union([z.number(), z.string()]).optional(),
  url: z.string().optional(),
  type: z.string().optional(),
  request_id: z.string().optional(),
  idempotency_key: z.string().optional(),
  date: z.string().optional(),
});
export type Meta = z.infer<typeof Meta>;

/** Page-number paging of list endpoints (`page`/`page_number` + `page_size`). */
export const Paging = z.looseObject({
  page_number: z.number().optional(),
  page_size: z.number().optional(),
  total_entries: z.number().optional(),
  total_pages: z.number().optional(),
});
export type Paging = z.infer<typeof Paging>;

export const InvalidRule = z.looseObject({
  rule: z.string().nullish(),
  description: z.string().nullish(),
  params: z.unknown().optional(),
  raw_description: z.string().nullish(),
});

export const InvalidEntry = z.looseObject({
  entry_type: z.string().nullish(),
  entry: z.string().nullish(),
  rules: z.array(InvalidRule).nullish(),
});
export type InvalidEntry = z.infer<typeof InvalidEntry>;

/** `{meta, error:{type, message, invalid}}` */
export const ErrorEnvelope = z.looseObject({
  meta: Meta.optional(),
  error: z.looseObject({
    type: z.string().nullish(),
    message: z.string().nullish(),
    invalid: z.array(InvalidEntry).nullish(),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

/** `{meta, data, paging?, urgent?}` with `data` left to the endpoint's schema. */
export const SuccessEnvelope = z.looseObject({
  meta: Meta.optional(),
  data: z.unknown(),
  paging: z.unknown().optional(),
  urgent: z.unknown().optional(),
});
