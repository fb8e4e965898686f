/**
 * Which fields a change touches: the leaf paths where the new person differs from the one on file
 * (`email`, `documents.0.number`, `addresses` when one was added). The review screen lists them.
 */
export function changedPaths(before: unknown, after: unknown, prefix = ''): string[] {
  if (Array.isArray(before) && Array.isArray(after)) {
    if (before.length !== after.length) return [prefix];
    return after.flatMap((item, i) => changedPaths(before[i], item, join(prefix, String(i))));
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => changedPaths(before[k], after[k], join(prefix, k)));
  }
  if (isObject(before) || isObject(after) || Array.isArray(before) || Array.isArray(after)) return [prefix];
  return norm(before) === norm(after) ? [] : [prefix];
}

const join = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key);
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
/** Absent, null and '' are the same "nothing"; numbers and strings compare by text (zip 2090 = "2090"). */
const norm = (v: unknown): string | null => (v === undefined || v === null || v === '' ? null : String(v));
