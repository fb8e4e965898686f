import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateReferenceCode, normalizeReferenceCode, REFERENCE_ALPHABET } from './reference-code';

describe('reference codes', () => {
  it('look like XXXX-XXXX in the unambiguous alphabet and validate', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateReferenceCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(normalizeReferenceCode(code)).toBe(code);
    }
  });

  it('accept sloppy typing of a valid code', () => {
    const code = generateReferenceCode(() => 0); // 0000000 + check
    expect(normalizeReferenceCode(code.toLowerCase().replace('-', ' ').replace(/0/g, 'o'))).toBe(code);
  });

  it('refuse any single wrong symbol and any swap of neighbours (except the Luhn blind spot 0Z/Z0)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(REFERENCE_ALPHABET.length - 1), { minLength: 7, maxLength: 7 }),
        fc.nat(7),
        fc.nat(30),
        (idx, pos, shift) => {
          let k = 0;
          const code = generateReferenceCode(() => idx[k++] as number).replace('-', '');
          const wrong = REFERENCE_ALPHABET[
            (REFERENCE_ALPHABET.indexOf(code[pos] as string) + 1 + shift) % 32
          ] as string;
          const typo = code.slice(0, pos) + wrong + code.slice(pos + 1);
          expect(normalizeReferenceCode(typo)).toBeNull();
          const pair = `${code[pos]}${code[pos + 1]}`;
          if (pos < 7 && code[pos] !== code[pos + 1] && pair !== '0Z' && pair !== 'Z0') {
            const swapped = code.slice(0, pos) + code[pos + 1] + code[pos] + code.slice(pos + 2);
            expect(normalizeReferenceCode(swapped)).toBeNull();
          }
        },
      ),
    );
  });

  it('refuse garbage', () => {
    expect(normalizeReferenceCode('')).toBeNull();
    expect(normalizeReferenceCode('ABCD-EFG')).toBeNull();
    expect(normalizeReferenceCode('ABCD-EFGU')).toBeNull();
  });
});
