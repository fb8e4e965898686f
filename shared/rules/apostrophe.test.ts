import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EHEALTH_APOSTROPHE, normalizeApostrophes, TYPOGRAPHIC_APOSTROPHES } from './apostrophe';

describe('normalizeApostrophes', () => {
  it.each([
    ['Лук\u02BCяненко', "Лук'яненко"],
    ['Мар\u2019яна', "Мар'яна"],
    ['В\u2018ячеслав', "В'ячеслав"],
    ['Об`єднана', "Об'єднана"],
    ['Сім\u2032я', "Сім'я"],
    ["Пір'я", "Пір'я"],
  ])('%s → %s', (input, expected) => {
    expect(normalizeApostrophes(input)).toBe(expected);
  });

  it('folds every listed character, including the ones the brief names', () => {
    for (const ch of ['ʼ', '’', '‘', '`', '′', ...TYPOGRAPHIC_APOSTROPHES]) {
      expect(normalizeApostrophes(`а${ch}б`)).toBe(`а${EHEALTH_APOSTROPHE}б`);
    }
  });

  it('leaves other letters, hyphens, quotes and Latin text alone', () => {
    expect(normalizeApostrophes('Ґудзь-Їжакевич "Євгенія" O\'Brien')).toBe(
      'Ґудзь-Їжакевич "Євгенія" O\'Brien',
    );
  });

  it('is idempotent, keeps the length and leaves no typographic apostrophe', () => {
    const alphabet = fc.constantFrom(
      ...'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя -\'ABCxyz"'.split(''),
      ...TYPOGRAPHIC_APOSTROPHES,
    );
    fc.assert(
      fc.property(
        fc.array(alphabet).map((cs) => cs.join('')),
        (s) => {
          const once = normalizeApostrophes(s);
          expect(normalizeApostrophes(once)).toBe(once);
          expect(once.length).toBe(s.length);
          for (const ch of TYPOGRAPHIC_APOSTROPHES) expect(once.includes(ch)).toBe(false);
          // position by position: only apostrophe-like characters change
          for (let i = 0; i < s.length; i += 1) {
            if (!TYPOGRAPHIC_APOSTROPHES.includes(s[i] ?? '')) expect(once[i]).toBe(s[i]);
          }
        },
      ),
    );
  });
});
