/**
 * Valid sample requests for any contract channel, derived from its zod schema (via zod's own JSON
 * Schema export), so the contract test covers channels added later without being edited. Refinements
 * that JSON Schema cannot express are handled by keeping only samples the real schema accepts.
 */
import fc from 'fast-check';
import { z } from 'zod';

type JsonSchema = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
};

const MAX_SAMPLE_STRING = 40;

function stringArbitrary(s: JsonSchema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.max(min, Math.min(s.maxLength ?? MAX_SAMPLE_STRING, MAX_SAMPLE_STRING));
  const inBounds = (v: string) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity);
  switch (s.format) {
    case 'uuid':
      return fc.uuid();
    case 'email':
      return fc.emailAddress().filter(inBounds);
    case 'date':
      return fc
        .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc
        .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString());
  }
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter(inBounds);
  return fc.string({ minLength: min, maxLength: max });
}

function numberArbitrary(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lo =
    s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 1e-6) : -1e6);
  const hi =
    s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 1e-6) : 1e6);
  return integer
    ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) })
    : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
}

/** An arbitrary for values matching a JSON Schema as zod exports it; null when it cannot build one. */
export function arbitraryFor(s: JsonSchema, depth = 0): fc.Arbitrary<unknown> | null {
  if (depth > 8) return null;
  if ('const' in s) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) {
    const arbs = alternatives.map((a) => arbitraryFor(a, depth + 1)).filter((a) => a !== null);
    return arbs.length ? fc.oneof(...arbs) : null;
  }
  if (s.allOf) return s.allOf.length === 1 ? arbitraryFor(s.allOf[0] as JsonSchema, depth + 1) : null;
  if (Array.isArray(s.type)) {
    const arbs = s.type.map((t) => arbitraryFor({ ...s, type: t }, depth + 1)).filter((a) => a !== null);
    return arbs.length ? fc.oneof(...arbs) : null;
  }
  switch (s.type) {
    case 'string':
      return stringArbitrary(s);
    case 'integer':
      return numberArbitrary(s, true);
    case 'number':
      return numberArbitrary(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (s.prefixItems) {
        const items = s.prefixItems.map((i) => arbitraryFor(i, depth + 1));
        return items.every((i) => i !== null) ? fc.tuple(...(items as fc.Arbitrary<unknown>[])) : null;
      }
      const item = s.items ? arbitraryFor(s.items, depth + 1) : fc.jsonValue();
      if (!item) return null;
      const minLength = s.minItems ?? 0;
      return fc.array(item, { minLength, maxLength: Math.max(minLength, Math.min(s.maxItems ?? 4, 4)) });
    }
    case 'object': {
      const props = s.properties ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) {
        const a = arbitraryFor(v, depth + 1);
        if (!a) return null;
        model[k] = a;
      }
      const record = fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
      if (s.additionalProperties && typeof s.additionalProperties === 'object' && !s.properties) {
        const value = arbitraryFor(s.additionalProperties, depth + 1);
        return value
          ? fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), value, { maxKeys: 3 })
          : null;
      }
      return record;
    }
    case undefined:
      return fc.jsonValue(); // unknown / any
    default:
      return null;
  }
}

export interface SampleSource {
  /** Generates requests the channel's schema accepts, or null if none could be built. */
  valid: fc.Arbitrary<unknown> | null;
  /** Why `valid` is null (printed by the test). */
  reason?: string;
}

export function validRequests(schema: z.ZodType): SampleSource {
  let json: JsonSchema;
  try {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  } catch (e) {
    return { valid: null, reason: `no JSON Schema: ${e instanceof Error ? e.message : String(e)}` };
  }
  const arb = arbitraryFor(json);
  if (!arb) return { valid: null, reason: 'schema uses constructs the sample generator does not know' };
  const accepted = arb.filter((v) => schema.safeParse(v).success);
  // Probe: a refinement may reject (nearly) everything the JSON Schema allows.
  const probe = fc.sample(arb, { numRuns: 200, seed: 7 }).some((v) => schema.safeParse(v).success);
  return probe ? { valid: accepted } : { valid: null, reason: 'no generated sample passes the refinements' };
}

/** Every path to a string leaf of a JSON-like value. */
export function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  return [];
}

/** Every path to a plain object inside a value (the root included). */
export function objectPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectPaths(v, [...path, i]));
  if (value && typeof value === 'object')
    return [path, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...path, k]))];
  return [];
}

/** Every path to any leaf or node below the root. */
export function allPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const here = path.length ? [path] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => allPaths(v, [...path, i]))];
  if (value && typeof value === 'object')
    return [...here, ...Object.entries(value).flatMap(([k, v]) => allPaths(v, [...path, k]))];
  return here;
}

/** A deep copy (JSON-safe values only) with the value at `path` replaced. */
export function withValueAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let cursor = copy;
  for (const key of path.slice(0, -1)) cursor = cursor[key] as Record<string | number, unknown>;
  cursor[path[path.length - 1] as string | number] = replacement;
  return copy;
}

/** A deep copy with an own, enumerable property added at `path` (works for `__proto__` too). */
export function withExtraKey(
  value: unknown,
  path: (string | number)[],
  key: string,
  extra: unknown,
): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  let target: Record<string, unknown> = copy;
  for (const k of path) target = target[k] as Record<string, unknown>;
  Object.defineProperty(target, key, { value: extra, enumerable: true, configurable: true, writable: true });
  return copy;
}
