/**
 * Addresses: a settlement chosen from the address register (so it has an id), a building number
 * like `15`, `15А`, `15-А` or `15/2`, an optional apartment, a five-digit postal code.
 */
const BUILDING = /^[1-9][0-9]*(([ -]?[А-ЩЬЮЯҐЄІЇа-щьюяґєії])?(\/[1-9][0-9]*[А-ЩЬЮЯҐЄІЇа-щьюяґєії]?)?)?$/u;
const ZIP = /^[0-9]{5}$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export const APARTMENT_MAX_LENGTH = 20;

export const isValidBuilding = (value: string): boolean => BUILDING.test(value);
export const isValidZip = (value: string): boolean => ZIP.test(value);
/** A settlement id from the address register. */
export const isSettlementId = (value: string): boolean => UUID.test(value);

const LATIN_LOOKALIKES: Record<string, string> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  I: 'І',
  K: 'К',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
};

/** A building number in capitals, a Latin look-alike letter made Cyrillic: `15a` → `15А`. */
export function normalizeBuilding(typed: string): string {
  return typed
    .trim()
    .replace(/\s+/gu, ' ')
    .toLocaleUpperCase('uk')
    .replace(/[ABCEHIKOPTX]/g, (c) => LATIN_LOOKALIKES[c] ?? c);
}
