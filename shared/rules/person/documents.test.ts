import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentNumberRule, isValidDocumentNumber, normalizeDocumentNumber } from './documents';

describe('document numbers', () => {
  it('passport-like: two Ukrainian capitals and six digits', () => {
    expect(isValidDocumentNumber('PASSPORT', 'АА123456')).toBe(true);
    expect(isValidDocumentNumber('REFUGEE_CERTIFICATE', 'КВ000001')).toBe(true);
    for (const bad of ['AA123456', 'АА12345', 'А1234567', 'ЫЫ123456', 'аа123456', 'ААА123456'])
      expect(isValidDocumentNumber('PASSPORT', bad)).toBe(false);
    expect(documentNumberRule('TEMPORARY_CERTIFICATE')).toBe('document.number.passport');
  });

  it('ID card: nine digits', () => {
    expect(isValidDocumentNumber('NATIONAL_ID', '123456789')).toBe(true);
    for (const bad of ['12345678', '1234567890', '12345678А'])
      expect(isValidDocumentNumber('NATIONAL_ID', bad)).toBe(false);
  });

  it('birth certificate and temporary passport: 2–25 of capitals, digits and № / ( ) -', () => {
    expect(isValidDocumentNumber('BIRTH_CERTIFICATE', 'І-КВ123456')).toBe(true);
    expect(isValidDocumentNumber('TEMPORARY_PASSPORT', '№12/3(4)')).toBe(true);
    for (const bad of ['1', 'І КВ123456', 'a-b', 'Х'.repeat(26)])
      expect(isValidDocumentNumber('BIRTH_CERTIFICATE', bad)).toBe(false);
  });

  it('foreign birth certificate: anything of 1–30 characters', () => {
    expect(isValidDocumentNumber('BIRTH_CERTIFICATE_FOREIGN', 'abc 123')).toBe(true);
    expect(isValidDocumentNumber('BIRTH_CERTIFICATE_FOREIGN', 'x'.repeat(31))).toBe(false);
  });

  it('tidies typed numbers: no spaces, capitals, Latin look-alikes in a passport series made Cyrillic', () => {
    expect(normalizeDocumentNumber('PASSPORT', ' aa 123 456 ')).toBe('АА123456');
    expect(normalizeDocumentNumber('PASSPORT', 'КВ123456')).toBe('КВ123456');
    expect(normalizeDocumentNumber('NATIONAL_ID', ' 123 456 789')).toBe('123456789');
    expect(normalizeDocumentNumber('BIRTH_CERTIFICATE', 'і-кв 123456')).toBe('І-КВ123456');
  });

  it('any passport series of look-alike Latin capitals becomes a valid Cyrillic series', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[ABCEHIKMOPTX]{2}$/),
        fc.stringMatching(/^[0-9]{6}$/),
        (series, digits) => {
          expect(
            isValidDocumentNumber('PASSPORT', normalizeDocumentNumber('PASSPORT', `${series}${digits}`)),
          ).toBe(true);
        },
      ),
    );
  });
});
