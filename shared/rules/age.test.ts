import { describe, expect, it } from 'vitest';
import { ageInYears, cabinetAccess, kyivDate, parseCalendarDate } from './age';

describe('ageInYears', () => {
  it('counts full years, the birthday itself included', () => {
    expect(ageInYears('2010-05-20', '2024-05-19')).toBe(13);
    expect(ageInYears('2010-05-20', '2024-05-20')).toBe(14);
    expect(ageInYears('2010-05-20', '2024-12-31')).toBe(14);
    expect(ageInYears('1983-01-01', '2026-01-01')).toBe(43);
  });

  it('someone born on 29 February is a year older on 1 March of a common year', () => {
    expect(ageInYears('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageInYears('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageInYears('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('refuses impossible dates and a birth in the future', () => {
    expect(ageInYears('2010-02-30', '2024-01-01')).toBeNull();
    expect(ageInYears('not a date', '2024-01-01')).toBeNull();
    expect(ageInYears('2030-01-01', '2024-01-01')).toBeNull();
    expect(ageInYears('2024-01-01', '2024-01-01')).toBe(0);
    expect(parseCalendarDate('2024-13-01')).toBeNull();
  });
});

describe('cabinetAccess', () => {
  it.each([
    [13, 'VERIFIED', 'none', 'under-14'],
    [13, null, 'none', 'under-14'],
    [14, 'NOT_VERIFIED', 'view-only', 'teen-capacity-not-verified'],
    [15, null, 'view-only', 'teen-capacity-not-verified'],
    [16, 'VERIFICATION_NEEDED', 'view-only', 'teen-capacity-not-verified'],
    [16, 'VERIFIED', 'full', 'teen-capacity-verified'],
    [17, 'VERIFIED', 'full', 'teen-capacity-verified'],
    [18, null, 'full', 'adult'],
    [18, 'NOT_VERIFIED', 'full', 'adult'],
    [90, 'VERIFICATION_NOT_NEEDED', 'full', 'adult'],
  ] as const)('%i years, capacity %s → %s (%s)', (age, capacity, access, reason) => {
    expect(cabinetAccess(age, capacity)).toEqual({ access, reason });
  });
});

describe('kyivDate', () => {
  it('is the calendar date in Kyiv, not in UTC', () => {
    // 22:30 UTC on 31 December is already 1 January in Kyiv (UTC+2 in winter)
    expect(kyivDate(new Date('2025-12-31T22:30:00Z'))).toBe('2026-01-01');
    expect(kyivDate(new Date('2025-12-31T21:30:00Z'))).toBe('2025-12-31');
    // summer time: UTC+3
    expect(kyivDate(new Date('2026-06-30T21:30:00Z'))).toBe('2026-07-01');
  });
});
