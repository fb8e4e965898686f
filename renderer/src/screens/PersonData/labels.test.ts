import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/translate';
import { LANGUAGES } from '../../i18n/types';
import { changedFieldLabels, checkLine, checkResult, documentTypeLabel, phoneTypeLabel } from './labels';

const PARTS = [
  'overall',
  'drfo',
  'unzr',
  'dracs_birth',
  'dracs_death',
  'dracs_name_change',
  'mvs_passport',
  'dms_passport',
  'nhs',
  'legal_capacity',
];
const STATUSES = [
  'VERIFIED',
  'NOT_VERIFIED',
  'VERIFICATION_NEEDED',
  'VERIFICATION_NOT_NEEDED',
  'CHANGES_NEEDED',
  'IN_REVIEW',
  null,
];
const CYRILLIC = /[а-яіїєґ]/i;
const CODE = /[A-Z]{2,}_[A-Z_]+|[a-z]+_[a-z_]+/;

describe('register checks in words', () => {
  it('every check and status is a sentence in both languages, never eHealth’s code', () => {
    for (const language of LANGUAGES) {
      const t = translator(language);
      for (const part of PARTS)
        for (const status of STATUSES) {
          const text = checkResult(t, part, status);
          expect(text, `${language} ${part} ${status}`).not.toMatch(CODE);
          expect(text.length).toBeGreaterThan(8);
          if (language === 'uk') expect(text).toMatch(CYRILLIC);
          else expect(text).not.toMatch(CYRILLIC);
        }
    }
  });

  it('a death register without a record of the patient says so, never "confirmed"', () => {
    expect(checkResult(translator('uk'), 'dracs_death', 'VERIFIED')).toBe('записів про вашу смерть немає');
    expect(checkResult(translator('en'), 'dracs_death', 'VERIFIED')).toBe('there is no record of your death');
    for (const language of LANGUAGES)
      expect(checkResult(translator(language), 'dracs_death', 'VERIFIED')).not.toMatch(/підтвердж|confirm/i);
  });

  it('a check that did not pass says what to do next', () => {
    for (const part of PARTS)
      for (const status of ['NOT_VERIFIED', 'CHANGES_NEEDED']) {
        expect(checkLine(translator('uk'), { part, status })).toMatch(/реєстратур/);
        expect(checkLine(translator('en'), { part, status })).toMatch(/reception desk/);
      }
    expect(checkLine(translator('uk'), { part: 'drfo', status: 'VERIFIED' })).not.toMatch(/реєстратур/);
  });

  it('adds how the check was made and eHealth’s note', () => {
    expect(
      checkLine(translator('uk'), {
        part: 'nhs',
        status: 'NOT_VERIFIED',
        reason: 'MANUAL_COMFIRMED',
        comment: 'Бракує даних паспорта',
      }),
    ).toBe(
      'не підтверджено (встановлено працівником закладу). Примітка eHealth: «Бракує даних паспорта». Зверніться до реєстратури, щоб це виправити.',
    );
  });
});

describe('other eHealth codes in words', () => {
  it('an unknown document or phone type, or a changed field the kiosk has no name for, is never shown as a code', () => {
    const uk = translator('uk');
    expect(documentTypeLabel(uk, 'MILITARY_ID')).toBe('Інший документ');
    expect(phoneTypeLabel(uk, 'SATELLITE')).toBe('інший');
    expect(changedFieldLabels(uk, ['email', 'process_disclosure_data_consent'])).toEqual([
      'Електронна пошта',
      'Інші дані',
    ]);
  });
});
