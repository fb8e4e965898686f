import type { DocumentType } from './types';

/**
 * Identity documents: number formats, which ones must carry an expiry date, and tidying what was
 * typed. Formats follow eHealth's person schema: passport-like documents are two Ukrainian capital
 * letters and six digits (`АА123456`), the ID card nine digits, birth certificates and temporary
 * passports 2–25 of capital letters, digits and `№ / ( ) -`.
 */

/** Documents numbered like the old passport booklet. */
export const PASSPORT_LIKE: ReadonlySet<string> = new Set<DocumentType>([
  'PASSPORT',
  'COMPLEMENTARY_PROTECTION_CERTIFICATE',
  'PERMANENT_RESIDENCE_PERMIT',
  'REFUGEE_CERTIFICATE',
  'TEMPORARY_CERTIFICATE',
]);

/** Documents that are valid until a date, which eHealth then requires. */
export const NEEDS_EXPIRATION: ReadonlySet<string> = new Set<DocumentType>([
  'NATIONAL_ID',
  'COMPLEMENTARY_PROTECTION_CERTIFICATE',
  'PERMANENT_RESIDENCE_PERMIT',
  'REFUGEE_CERTIFICATE',
  'TEMPORARY_CERTIFICATE',
  'TEMPORARY_PASSPORT',
]);

const CERTIFICATE_LIKE: ReadonlySet<string> = new Set<DocumentType>([
  'BIRTH_CERTIFICATE',
  'TEMPORARY_PASSPORT',
]);

const PASSPORT_NUMBER = /^[А-ЩЬЮЯҐЄІЇ]{2}[0-9]{6}$/u;
const ID_CARD_NUMBER = /^[0-9]{9}$/;
const CERTIFICATE_NUMBER = /^[A-ZА-ЩЬЮЯҐЄІЇ0-9№/()-]{2,25}$/u;

export type DocumentNumberRule =
  | 'document.number.passport'
  | 'document.number.idCard'
  | 'document.number.certificate'
  | 'document.number.other';

/** The rule a number of this document type must follow (and is named after in messages). */
export function documentNumberRule(type: string): DocumentNumberRule {
  if (PASSPORT_LIKE.has(type)) return 'document.number.passport';
  if (type === 'NATIONAL_ID') return 'document.number.idCard';
  if (CERTIFICATE_LIKE.has(type)) return 'document.number.certificate';
  return 'document.number.other';
}

export function isValidDocumentNumber(type: string, number: string): boolean {
  switch (documentNumberRule(type)) {
    case 'document.number.passport':
      return PASSPORT_NUMBER.test(number);
    case 'document.number.idCard':
      return ID_CARD_NUMBER.test(number);
    case 'document.number.certificate':
      return CERTIFICATE_NUMBER.test(number);
    default:
      return number.length >= 1 && number.length <= 30;
  }
}

/**
 * Latin capitals that look exactly like Cyrillic ones. A passport series typed on the Latin layout
 * (or read off the page as "AA") is what the patient meant in Cyrillic.
 */
const LATIN_TO_CYRILLIC: Record<string, string> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  I: 'І',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
};

/**
 * A typed document number as eHealth expects it: no spaces, capital letters, and for passport-like
 * documents Latin look-alike letters turned into the Cyrillic ones.
 */
export function normalizeDocumentNumber(type: string, typed: string): string {
  const compact = typed.replace(/\s+/gu, '').toLocaleUpperCase('uk');
  if (type === 'BIRTH_CERTIFICATE_FOREIGN') return typed.trim();
  if (!PASSPORT_LIKE.has(type)) return compact;
  return compact.replace(/[ABCEHIKMOPTX]/g, (c) => LATIN_TO_CYRILLIC[c] ?? c);
}
