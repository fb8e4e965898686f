/**
 * Reading and writing a field of the person being edited by its dot path (`documents.0.number`),
 * the same path the person rules report — so a rule's message lands next to its field.
 */
export function getAt(root: unknown, path: string): string {
  let v: unknown = root;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return '';
    v = (v as Record<string, unknown>)[key];
  }
  return typeof v === 'string' ? v : '';
}

/** Sets a string at the path (objects and arrays on the way must exist). */
export function setAt(root: object, path: string, value: string): void {
  const keys = path.split('.');
  const last = keys.pop();
  let o: unknown = root;
  for (const key of keys) {
    if (o === null || typeof o !== 'object') return;
    o = (o as Record<string, unknown>)[key];
  }
  if (last === undefined || o === null || typeof o !== 'object') return;
  (o as Record<string, unknown>)[last] = value;
}

/**
 * Where a violation is shown: at its own field, except for parts of an address the patient picks
 * from the register (shown at the settlement or street), and the secret word (shown with the tax id,
 * the other thing the patient cannot change here).
 */
export function placeOf(path: string): string {
  const m = /^addresses\.(\d+)\.(\w+)$/.exec(path);
  if (m) {
    const [, i, field] = m;
    if (['settlement', 'settlement_type', 'area', 'region', 'country', 'type'].includes(field ?? ''))
      return `addresses.${i}.settlement_id`;
    if (field === 'street_type') return `addresses.${i}.street`;
  }
  if (path === 'secret') return 'tax_id';
  return path;
}
