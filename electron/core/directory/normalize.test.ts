import { describe, expect, it } from 'vitest';
import { foldArea, foldSettlement, foldText, ftsQuery, searchTokens, ukrainianSortKey } from './normalize';

describe('Ukrainian search folding', () => {
  it('makes letter variants, case and apostrophes equal', () => {
    expect(foldText('ҐАЛАҐАН')).toBe(foldText('галаган'));
    expect(foldText('Їжакевич')).toBe(foldText('Іжакевич'));
    expect(foldText('Євтушенко')).toBe(foldText('евтушенко'));
    for (const a of ["'", 'ʼ', '’', '‘', '`', '′']) expect(foldText(`Мар${a}яна`)).toBe('маряна');
    expect(foldText('Ковальчук')).not.toBe(foldText('Ковалчук'));
  });

  it('folds Latin look-alikes and Russian-layout letters', () => {
    expect(foldText('Oлексiй')).toBe(foldText('Олексій'));
    expect(foldText('Сергєй')).toBe(foldText('Сергей'));
    expect(foldText('Васыль')).toBe(foldText('Василь'));
  });

  it('builds a prefix FTS query from words, ignoring punctuation', () => {
    expect(searchTokens('  Шевч,  Тар ')).toEqual(['шевч', 'тар']);
    expect(ftsQuery('Коваленко-Мар’ян')).toBe('"коваленко"* "марян"*');
    expect(ftsQuery('  ,; ')).toBeNull();
    expect(ftsQuery('"OR" NEAR(')).toBe('"оr"* "nеаr"*');
  });

  it('treats oblast and settlement spellings as one key', () => {
    expect(foldArea('Київська область')).toBe(foldArea('КИЇВСЬКА'));
    expect(foldArea('Київська обл.')).toBe(foldText('київська'));
    expect(foldSettlement('м. Київ')).toBe(foldSettlement('Київ'));
    expect(foldSettlement('смт Ворзель')).toBe('ворзель');
  });

  it('sorts in Ukrainian alphabetical order', () => {
    const names = ['Їжак', 'Іванов', 'Ґонта', 'Гнатюк', 'Євенко', 'Дмитренко', 'Яковенко', 'Ильченко'];
    const sorted = [...names].sort((a, b) => (ukrainianSortKey(a) < ukrainianSortKey(b) ? -1 : 1));
    expect(sorted).toEqual([
      'Гнатюк',
      'Ґонта',
      'Дмитренко',
      'Євенко',
      'Ильченко',
      'Іванов',
      'Їжак',
      'Яковенко',
    ]);
  });
});
