import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TYPOGRAPHIC_APOSTROPHES } from '../apostrophe';
import { isValidName, normalizeName } from './names';

const UKRAINIAN_LETTERS = [...'АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯабвгґдеєжзиіїйклмнопрстуфхцчшщьюя'];
const letters = fc
  .array(fc.constantFrom(...UKRAINIAN_LETTERS), { minLength: 1, maxLength: 12 })
  .map((a) => a.join(''));

describe('names', () => {
  it('accept Ukrainian names with apostrophes, hyphens and spaces', () => {
    for (const n of ["Дем'яненко", 'Ґалаґан', 'Їжакевич', 'Анна-Марія', 'Пʼєр', 'Ван Гог'])
      expect(isValidName(normalizeName(n))).toBe(true);
  });

  it('refuse Russian-only letters, Latin letters, digits and signs', () => {
    for (const n of ['Тарас Ы', 'Эдуард', 'Алёна', 'Подъезд', 'Taras', 'Тарас2', 'Тарас@', 'Т%', '', ' '])
      expect(isValidName(normalizeName(n))).toBe(false);
  });

  it('turn every typographic apostrophe into the one eHealth accepts', () => {
    fc.assert(
      fc.property(letters, letters, fc.constantFrom(...TYPOGRAPHIC_APOSTROPHES), (a, b, apostrophe) => {
        const n = normalizeName(`${a}${apostrophe}${b}`);
        expect(n).toBe(`${a}'${b}`);
        expect(isValidName(n)).toBe(true);
      }),
    );
  });

  it('tidy spaces and dashes; normalizing twice changes nothing', () => {
    expect(normalizeName('  Анна –  Марія ')).toBe('Анна-Марія');
    expect(normalizeName('Дем ’ яненко')).toBe("Дем'яненко");
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        expect(normalizeName(normalizeName(s))).toBe(normalizeName(s));
      }),
    );
  });

  it('any word of Ukrainian letters is valid; adding a Russian-only letter makes it invalid', () => {
    fc.assert(
      fc.property(letters, fc.constantFrom(...'ЫЪЭЁыъэё'), fc.nat(), (word, bad, at) => {
        expect(isValidName(word)).toBe(true);
        const i = at % (word.length + 1);
        expect(isValidName(`${word.slice(0, i)}${bad}${word.slice(i)}`)).toBe(false);
      }),
    );
  });
});
