import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTaxIdFormat, isValidTaxId, taxIdCheckDigit } from './tax-id';

const nineDigits = fc.stringMatching(/^[0-9]{9}$/);

describe('tax id (РНОКПП)', () => {
  it('accepts known valid numbers and refuses a changed check digit', () => {
    expect(isValidTaxId('3126509817')).toBe(true);
    expect(isValidTaxId('3126509816')).toBe(false);
  });

  it('needs exactly ten digits, not all zeros', () => {
    for (const bad of ['', '123456789', '12345678901', '312650981a', ' 3126509816', '0000000000'])
      expect(isTaxIdFormat(bad)).toBe(false);
    expect(isValidTaxId('0000000000')).toBe(false);
  });

  it('any nine digits with their check digit are valid; any other last digit is not', () => {
    fc.assert(
      fc.property(nineDigits, fc.integer({ min: 1, max: 9 }), (first9, shift) => {
        fc.pre(first9 !== '000000000');
        const check = taxIdCheckDigit(first9);
        expect(isValidTaxId(`${first9}${check}`)).toBe(true);
        expect(isValidTaxId(`${first9}${(check + shift) % 10}`)).toBe(false);
      }),
    );
  });

  it('catches every single changed digit among the first nine (except where mod 11 folds to 10)', () => {
    fc.assert(
      fc.property(nineDigits, fc.nat(8), fc.integer({ min: 1, max: 9 }), (first9, pos, delta) => {
        const valid = `${first9}${taxIdCheckDigit(first9)}`;
        const digit = (Number(valid[pos]) + delta) % 10;
        const changed = `${valid.slice(0, pos)}${digit}${valid.slice(pos + 1)}`;
        // the check digit is (sum mod 11) mod 10: two sums 10 apart modulo 11 (0 and 10) share a check
        // digit, so a change is missed exactly when it moves the sum between residues 0 and 10
        const sum = (s: string) =>
          [-1, 5, 7, 9, 4, 6, 10, 5, 7].reduce((acc, w, i) => acc + w * Number(s[i]), 0);
        const residues = new Set([((sum(valid) % 11) + 11) % 11, ((sum(changed) % 11) + 11) % 11]);
        const folded = residues.has(0) && residues.has(10);
        if (changed !== '0000000000' && !folded) expect(isValidTaxId(changed)).toBe(false);
      }),
    );
  });
});
