import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanLocalDigits, isEhealthPhone, localDigitsOfPhone, phoneFromLocalDigits } from './phone';

describe('Ukrainian phone helpers', () => {
  it('builds the eHealth form from the nine digits after +380', () => {
    expect(phoneFromLocalDigits('671234567')).toBe('+380671234567');
    expect(isEhealthPhone(phoneFromLocalDigits('671234567'))).toBe(true);
  });

  it('keeps incomplete numbers incomplete (and invalid) while typing', () => {
    expect(phoneFromLocalDigits('67')).toBe('+38067');
    expect(isEhealthPhone('+38067')).toBe(false);
  });

  it('drops non-digits and anything past nine digits', () => {
    expect(cleanLocalDigits('(67) 123-45-67 89')).toBe('671234567');
  });

  it('rejects numbers eHealth would reject or that are not Ukrainian mobile form', () => {
    for (const bad of ['380671234567', '+38067123456', '+3806712345678', '+38167123456a', '+381671234567'])
      expect(isEhealthPhone(bad)).toBe(false);
  });

  it('round-trips any nine digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{9}$/), (digits) => {
        const phone = phoneFromLocalDigits(digits);
        expect(isEhealthPhone(phone)).toBe(true);
        expect(localDigitsOfPhone(phone)).toBe(digits);
      }),
    );
  });

  it('returns no local digits for a number without the prefix', () => {
    expect(localDigitsOfPhone('0671234567')).toBe('');
  });
});
