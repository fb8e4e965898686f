import { describe, expect, it } from 'vitest';
import { GivenNameInflector } from 'shevchenko/dist/es/anthroponym-declension/given-name-inflector.js';
import { GrammaticalCase } from 'shevchenko/dist/es/language/grammatical-case.js';
import { GrammaticalGender } from 'shevchenko/dist/es/language/grammatical-gender.js';
import { wordInflector } from 'shevchenko/dist/es/word-declension/bootstrap.js';
import {
  FEMININE_GIVEN,
  FEMININE_PATRONYMICS,
  MASCULINE_GIVEN,
  MASCULINE_PATRONYMICS,
  type NamePair,
} from './vocative-names.test-support';
import { vocativeAddress, vocativeGivenName, vocativePatronymic, type Gender } from './vocative';

const accepted = ([, vocative, alternative]: NamePair): string[] =>
  alternative ? [vocative, alternative] : [vocative];

describe('the reference table', () => {
  it('holds a few hundred distinct names', () => {
    const all = [...MASCULINE_GIVEN, ...FEMININE_GIVEN, ...MASCULINE_PATRONYMICS, ...FEMININE_PATRONYMICS];
    expect(all.length).toBeGreaterThanOrEqual(400);
    for (const list of [MASCULINE_GIVEN, FEMININE_GIVEN, MASCULINE_PATRONYMICS, FEMININE_PATRONYMICS])
      expect(new Set(list.map(([n]) => n)).size).toBe(list.length);
  });
});

describe.each([
  ['masculine given names', MASCULINE_GIVEN, 'MALE', vocativeGivenName],
  ['feminine given names', FEMININE_GIVEN, 'FEMALE', vocativeGivenName],
  ['masculine patronymics', MASCULINE_PATRONYMICS, 'MALE', vocativePatronymic],
  ['feminine patronymics', FEMININE_PATRONYMICS, 'FEMALE', vocativePatronymic],
] as const)('%s', (_, table, gender: Gender, decline) => {
  it.each(table.map((pair) => [pair[0], pair]))('%s', async (name, pair) => {
    expect(accepted(pair)).toContain(await decline(name, gender));
  });
});

describe('vocativeGivenName', () => {
  it('declines each part of a double name, keeps capitals and either apostrophe, trims', async () => {
    expect(await vocativeGivenName('Анна-Марія', 'FEMALE')).toBe('Анно-Маріє');
    expect(await vocativeGivenName('ОЛЕНА', 'FEMALE')).toBe('ОЛЕНО');
    expect(await vocativeGivenName('ІВАН', 'MALE')).toBe('ІВАНЕ');
    expect(await vocativeGivenName('НАЗАР', 'MALE')).toBe('НАЗАРЕ');
    expect(await vocativeGivenName('Мар’яна', 'FEMALE')).toBe('Мар’яно');
    expect(await vocativeGivenName("Мар'яна", 'FEMALE')).toBe("Мар'яно");
    expect(await vocativeGivenName('  Олена ', 'FEMALE')).toBe('Олено');
    expect(await vocativeGivenName('', 'FEMALE')).toBe('');
  });

  it('leaves names the rules do not know as they are', async () => {
    expect(await vocativeGivenName('Рене', 'MALE')).toBe('Рене');
    expect(await vocativeGivenName('Наомі', 'FEMALE')).toBe('Наомі');
    expect(await vocativePatronymic('огли', 'MALE')).toBe('огли');
  });

  it('still needs its corrections: the library alone declines these against the orthography', async () => {
    const library = new GivenNameInflector(wordInflector);
    const alone = (name: string) =>
      library.inflect(name, GrammaticalGender.MASCULINE, GrammaticalCase.VOCATIVE);
    expect(await alone('Назар')).not.toBe('Назаре');
    expect(await alone('Антін')).not.toBe('Антоне');
    expect(await alone('Ничипір')).not.toBe('Ничипоре');
    expect(await vocativeGivenName('Назар', 'MALE')).toBe('Назаре');
  });
});

describe('vocativeAddress', () => {
  it('greets with the given name and patronymic, or the given name alone', async () => {
    expect(await vocativeAddress({ firstName: 'Олена', secondName: 'Петрівна' }, 'FEMALE')).toBe(
      'Олено Петрівно',
    );
    expect(await vocativeAddress({ firstName: 'Андрій', secondName: 'Іванович' }, 'MALE')).toBe(
      'Андрію Івановичу',
    );
    expect(await vocativeAddress({ firstName: 'Назар', secondName: 'Євгенович' }, 'MALE')).toBe(
      'Назаре Євгеновичу',
    );
    expect(await vocativeAddress({ firstName: 'Тарас', secondName: null }, 'MALE')).toBe('Тарасе');
    expect(await vocativeAddress({ firstName: 'Софія', secondName: ' ' }, 'FEMALE')).toBe('Софіє');
  });
});
