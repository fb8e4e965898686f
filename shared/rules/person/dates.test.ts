import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageInYears, displayDate, isIsoDate, isoFromTypedDigits, typedDigitsFromIso } from './dates';

const day = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('dates', () => {
  it('know real calendar days', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    for (const bad of ['2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '24-01-01', '2024-1-1', ''])
      expect(isIsoDate(bad)).toBe(false);
    fc.assert(
      fc.property(day, (d) => {
        expect(isIsoDate(d)).toBe(true);
      }),
    );
  });

  it('count full years, a birthday counting from its own day', () => {
    expect(ageInYears('2012-06-15', '2026-06-15')).toBe(14);
    expect(ageInYears('2012-06-16', '2026-06-15')).toBe(13);
    expect(ageInYears('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageInYears('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageInYears('x', '2026-03-01')).toBeNaN();
  });

  it('age agrees with adding years to the birth date', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [birth, today] = a <= b ? [a, b] : [b, a];
        const age = ageInYears(birth, today);
        const nth = (n: number) =>
          `${String(Number(birth.slice(0, 4)) + n).padStart(4, '0')}${birth.slice(4)}`;
        expect(nth(age) <= today).toBe(true);
        expect(nth(age + 1) > today).toBe(true);
      }),
    );
  });

  it('go from typed DDMMYYYY digits to YYYY-MM-DD and back', () => {
    expect(isoFromTypedDigits('06051997')).toBe('1997-05-06');
    expect(isoFromTypedDigits('0605')).toBe('0605');
    expect(displayDate('1997-05-06')).toBe('06.05.1997');
    fc.assert(
      fc.property(day, (d) => {
        expect(isoFromTypedDigits(typedDigitsFromIso(d))).toBe(d);
      }),
    );
  });
});
