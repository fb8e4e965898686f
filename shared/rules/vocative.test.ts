import { describe, expect, it } from 'vitest';
import { vocativeAddress, vocativeGivenName, vocativePatronymic } from './vocative';

describe('vocativeGivenName — masculine', () => {
  it.each([
    // hard stems: -е
    ['Іван', 'Іване'],
    ['Тарас', 'Тарасе'],
    ['Назар', 'Назаре'],
    ['Остап', 'Остапе'],
    ['Богдан', 'Богдане'],
    ['Олександр', 'Олександре'],
    ['Євген', 'Євгене'],
    ['Володимир', 'Володимире'],
    ['Ярослав', 'Ярославе'],
    ['Гліб', 'Глібе'],
    ['Максим', 'Максиме'],
    ['Ігор', 'Ігоре'],
    ['Олег', 'Олеже'],
    // soft stems: -ю
    ['Андрій', 'Андрію'],
    ['Сергій', 'Сергію'],
    ['Юрій', 'Юрію'],
    ['Матвій', 'Матвію'],
    ['Василь', 'Василю'],
    ['Олесь', 'Олесю'],
    // -о: -е, but -ко: -ку
    ['Петро', 'Петре'],
    ['Павло', 'Павле'],
    ['Дмитро', 'Дмитре'],
    ['Михайло', 'Михайле'],
    ['Данило', 'Даниле'],
    ['Марко', 'Марку'],
    ['Юрко', 'Юрку'],
    // к, х and the hushing consonants: -у
    ['Марк', 'Марку'],
    ['Генріх', 'Генріху'],
    ['Кузьмич', 'Кузьмичу'],
    // first declension
    ['Микола', 'Миколо'],
    ['Микита', 'Микито'],
    ['Лука', 'Луко'],
    ['Ілля', 'Ілле'],
    // і → о in the last syllable
    ['Федір', 'Федоре'],
    ['Антін', 'Антоне'],
    ['Яків', 'Якове'],
    ['Лев', 'Леве'],
    // foreign names ending in a vowel do not decline
    ['Рене', 'Рене'],
  ])('%s → %s', (name, expected) => {
    expect(vocativeGivenName(name, 'MALE')).toBe(expected);
  });
});

describe('vocativeGivenName — feminine', () => {
  it.each([
    ['Олена', 'Олено'],
    ['Дарина', 'Дарино'],
    ['Ганна', 'Ганно'],
    ['Тетяна', 'Тетяно'],
    ['Ольга', 'Ольго'],
    ['Оксана', 'Оксано'],
    ['Мар’яна', 'Мар’яно'],
    ["Мар'яна", "Мар'яно"],
    ['Марія', 'Маріє'],
    ['Софія', 'Софіє'],
    ['Наталія', 'Наталіє'],
    ['Надія', 'Надіє'],
    ['Наталя', 'Натале'],
    ['Настя', 'Насте'],
    ['Галя', 'Галю'],
    ['Катруся', 'Катрусю'],
    ['Маруся', 'Марусю'],
    ['Любов', 'Любове'],
    ['Маша', 'Маше'],
    ['Наомі', 'Наомі'],
  ])('%s → %s', (name, expected) => {
    expect(vocativeGivenName(name, 'FEMALE')).toBe(expected);
  });

  it('declines each part of a double name and keeps capitals', () => {
    expect(vocativeGivenName('Анна-Марія', 'FEMALE')).toBe('Анно-Маріє');
    expect(vocativeGivenName('ОЛЕНА', 'FEMALE')).toBe('ОЛЕНО');
    expect(vocativeGivenName('ІВАН', 'MALE')).toBe('ІВАНЕ');
    expect(vocativeGivenName('  Олена ', 'FEMALE')).toBe('Олено');
    expect(vocativeGivenName('', 'FEMALE')).toBe('');
  });
});

describe('vocativePatronymic', () => {
  it.each([
    ['Петрович', 'MALE', 'Петровичу'],
    ['Іванович', 'MALE', 'Івановичу'],
    ['Євгенович', 'MALE', 'Євгеновичу'],
    ['Сергійович', 'MALE', 'Сергійовичу'],
    ['Ілліч', 'MALE', 'Іллічу'],
    ['Петрівна', 'FEMALE', 'Петрівно'],
    ['Олексіївна', 'FEMALE', 'Олексіївно'],
    ['Миколаївна', 'FEMALE', 'Миколаївно'],
    ['Іллівна', 'FEMALE', 'Іллівно'],
    ['Кузьминична', 'FEMALE', 'Кузьминично'],
    ['огли', 'MALE', 'огли'],
  ] as const)('%s (%s) → %s', (name, gender, expected) => {
    expect(vocativePatronymic(name, gender)).toBe(expected);
  });
});

describe('vocativeAddress', () => {
  it('greets with the given name and patronymic, or the given name alone', () => {
    expect(vocativeAddress({ firstName: 'Олена', secondName: 'Петрівна' }, 'FEMALE')).toBe('Олено Петрівно');
    expect(vocativeAddress({ firstName: 'Андрій', secondName: 'Іванович' }, 'MALE')).toBe('Андрію Івановичу');
    expect(vocativeAddress({ firstName: 'Тарас', secondName: null }, 'MALE')).toBe('Тарасе');
    expect(vocativeAddress({ firstName: 'Софія', secondName: ' ' }, 'FEMALE')).toBe('Софіє');
  });
});
