import type { z } from 'zod';
import { invalidEntry, notFound, validationFailed, type InvalidEntry } from '../errors';
import type { PagePaging } from './reply';

/** `$.person.documents.[0].type` — eHealth's JSON path notation. */
export const jsonPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (acc, seg) => (typeof seg === 'number' ? `${acc}.[${seg}]` : `${acc}.${String(seg)}`),
    '$',
  );

const valueAt = (root: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (v, seg) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[seg as string] : undefined),
    root,
  );

/** Parses a request body; schema failures become 422 validation_failed with one entry per field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const r = schema.safeParse(body ?? {});
  if (r.success) return r.data;
  const byEntry = new Map<string, InvalidEntry>();
  for (const issue of r.error.issues) {
    const missing = issue.code === 'invalid_type' && valueAt(body, issue.path) === undefined;
    const rule = missing
      ? 'required'
      : issue.code === 'invalid_type'
        ? 'cast'
        : issue.code === 'too_small' || issue.code === 'too_big'
          ? issue.origin === 'number' || issue.origin === 'int'
            ? 'number'
            : 'length'
          : issue.code === 'invalid_format'
            ? 'format'
            : issue.code === 'invalid_value'
              ? 'inclusion'
              : issue.code === 'unrecognized_keys'
                ? 'schema'
                : issue.code === 'custom'
                  ? String((issue.params as { rule?: string } | undefined)?.rule ?? 'invalid')
                  : 'invalid';
    const entry = jsonPath(issue.path);
    const description = missing ? 'required property was not present' : issue.message;
    const existing = byEntry.get(entry);
    if (existing) existing.rules.push({ rule, description, params: [] });
    else byEntry.set(entry, invalidEntry(entry, rule, description));
  }
  throw validationFailed([...byEntry.values()]);
}

const queryFail = (name: string, rule: string, description: string) =>
  validationFailed([invalidEntry(`$.${name}`, rule, description, 'query_param')]);

export function intParam(
  q: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = q.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw queryFail(name, 'cast', `expected an integer, got ${JSON.stringify(raw)}`);
  const n = Number(raw);
  if (n < min || n > max) throw queryFail(name, 'number', `expected a value from ${min} to ${max}`);
  return n;
}

export function dateParam(q: URLSearchParams, name: string): string | null {
  const raw = q.get(name);
  if (raw === null || raw === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(`${raw}T00:00:00Z`)))
    throw queryFail(name, 'date', 'expected a date YYYY-MM-DD');
  return raw;
}

export function enumParam<T extends string>(
  q: URLSearchParams,
  name: string,
  values: readonly T[],
  caseInsensitive = false,
): T | null {
  const raw = q.get(name);
  if (raw === null || raw === '') return null;
  const found = values.find((v) => (caseInsensitive ? v.toLowerCase() === raw.toLowerCase() : v === raw));
  if (!found) throw queryFail(name, 'inclusion', `value is not allowed in enum ${values.join(', ')}`);
  return found;
}

export interface Page {
  number: number;
  size: number;
  offset: number;
}

export function pageOf(
  q: URLSearchParams,
  defaults: { size: number; max: number },
  names = { page: 'page', size: 'page_size' },
): Page {
  const number = intParam(q, names.page, 1, 1, 1_000_000);
  const size = intParam(q, names.size, defaults.size, 1, defaults.max);
  return { number, size, offset: (number - 1) * size };
}

export const paging = (page: Page, total: number): PagePaging => ({
  page_number: page.number,
  page_size: page.size,
  total_entries: total,
  total_pages: Math.max(1, Math.ceil(total / page.size)),
});

export const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** An id from the path; anything that is not a UUID names no resource (404, as eHealth answers). */
export const pathUuid = (value: string | undefined, what = 'Resource'): string => {
  if (!value || !UUID_RE.test(value)) throw notFound(`${what} not found`);
  return value.toLowerCase();
};
