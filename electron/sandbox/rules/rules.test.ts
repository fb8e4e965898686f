import { describe, expect, it } from 'vitest';
import { declarationEndDate } from '../domain/declaration-request-builder';
import { ageInYears } from '../time';
import { NAME_RE, personRuleViolations, type PersonUpdate } from './person-validation';
import { isValidTaxId, taxIdCheckDigit, taxIdFor } from './tax-id';

describe('tax id', () => {
  it('checks the control digit with the weights -1 5 7 9 4 6 10 5 7', () => {
    // 3*-1 + 0*5 + 8*7 + 6*9 + 2*4 + 0*6 + 1*10 + 6*5 + 3*7 = 176; 176 mod 11 = 0
    expect(taxIdCheckDigit('308620163')).toBe(0);
    expect(isValidTaxId('3086201630')).toBe(true);
    expect(isValidTaxId('3086201631')).toBe(false);
    expect(isValidTaxId('0000000000')).toBe(false);
    expect(isValidTaxId('308620163')).toBe(false);
    expect(isValidTaxId('30862016З0')).toBe(false);
  });

  it('encodes the birth date in the first five digits', () => {
    const id = taxIdFor(new Date('1984-06-30T00:00:00Z'), '0163');
    expect(id.slice(0, 5)).toBe('30862');
    expect(isValidTaxId(id)).toBe(true);
  });
});

describe('names', () => {
  it('accepts Ukrainian letters, apostrophes and hyphens, refuses Ы Ъ Э Ё and Latin', () => {
    for (const ok of ["Дем'яненко", 'Ґалаґан', 'Їжакевич', 'Євгенія', 'Ганна-Марія', 'Марʼяна'])
      expect(NAME_RE.test(ok), ok).toBe(true);
    for (const bad of ['Ыванов', 'Объект', 'Эдуард', 'Ёлка', 'Ivan', 'Іван1'])
      expect(NAME_RE.test(bad), bad).toBe(false);
  });
});

describe('age and declaration end date', () => {
  it('counts full years', () => {
    expect(ageInYears('2010-05-20', new Date('2026-05-19T23:59:59Z'))).toBe(15);
    expect(ageInYears('2010-05-20', new Date('2026-05-20T00:00:00Z'))).toBe(16);
  });

  it("ends a pediatrician's declaration the day before the 18th birthday", () => {
    expect(declarationEndDate(new Date('2026-01-10T10:00:00Z'), 365, 'PEDIATRICIAN', '2008-06-01')).toBe(
      '2026-05-31',
    );
    expect(declarationEndDate(new Date('2026-01-10T10:00:00Z'), 365, 'FAMILY_DOCTOR', '2008-06-01')).toBe(
      '2027-01-10',
    );
    expect(declarationEndDate(new Date('2026-01-10T10:00:00Z'), 365, 'PEDIATRICIAN', '2015-06-01')).toBe(
      '2027-01-10',
    );
  });
});

describe('person rules', () => {
  const now = new Date('2026-02-01T00:00:00Z');
  const person: PersonUpdate = {
    first_name: 'Олена',
    last_name: 'Ковальчук',
    birth_date: '1990-03-04',
    birth_country: 'Україна',
    birth_settlement: 'Вінниця',
    gender: 'FEMALE',
    tax_id: taxIdFor(new Date('1990-03-04T00:00:00Z'), '1234'),
    secret: 'Барвінок',
    unzr: '19900304-12345',
    documents: [
      { type: 'NATIONAL_ID', number: '123456789', issued_at: '2020-01-01', expiration_date: '2030-01-01' },
    ],
    addresses: [
      {
        type: 'RESIDENCE',
        country: 'UA',
        area: 'Вінницька',
        settlement: 'Вінниця',
        settlement_type: 'CITY',
        settlement_id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
      },
    ],
    emergency_contact: {
      first_name: 'Петро',
      last_name: 'Ковальчук',
      phones: [{ type: 'MOBILE', number: '+380501234567' }],
    },
  };
  const known = () => true;

  it('finds nothing wrong with a valid person', () => {
    expect(personRuleViolations(person, now, known)).toEqual([]);
  });

  it('requires a birth certificate and allows no tax id under 14', () => {
    const child: PersonUpdate = {
      ...person,
      birth_date: '2015-03-04',
      tax_id: undefined,
      unzr: undefined,
      documents: [{ type: 'BIRTH_CERTIFICATE', number: 'І-КВ123456', issued_at: '2015-03-10' }],
    };
    expect(personRuleViolations(child, now, known)).toEqual([]);
    const without = { ...child, documents: [{ type: 'PASSPORT' as const, number: 'КА123456' }] };
    expect(personRuleViolations(without, now, known).map((v) => v.entry)).toContain('$.person.documents');
  });

  it('requires a tax id from 14 on unless refused', () => {
    expect(personRuleViolations({ ...person, tax_id: undefined }, now, known).map((v) => v.entry)).toEqual([
      '$.person.tax_id',
    ]);
    expect(personRuleViolations({ ...person, tax_id: undefined, no_tax_id: true }, now, known)).toEqual([]);
  });
});
