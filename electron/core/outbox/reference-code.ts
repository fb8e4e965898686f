import { randomInt } from 'node:crypto';

/**
 * Short, human-readable reference codes for receipts: "K7M4-PX9C". Crockford's base-32 alphabet
 * (no I, L, O, U: nothing to confuse with 1 or 0), seven random symbols (34 bits) and a check
 * symbol (Luhn mod 32), so a code read out over the phone or typed from a receipt with one wrong
 * symbol, or two swapped neighbours, is refused instead of finding somebody else's operation
 * (like decimal Luhn's 09/90, the one swap it cannot see is 0Z/Z0).
 */
export const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const N = REFERENCE_ALPHABET.length;

/** Luhn mod N check symbol over the given symbols. */
function checkSymbol(symbols: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = symbols.length - 1; i >= 0; i--) {
    let addend = factor * REFERENCE_ALPHABET.indexOf(symbols[i] as string);
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
    factor = factor === 2 ? 1 : 2;
  }
  return REFERENCE_ALPHABET[(N - (sum % N)) % N] as string;
}

export function generateReferenceCode(
  randomIndex: (max: number) => number = (max) => randomInt(max),
): string {
  let body = '';
  for (let i = 0; i < 7; i++) body += REFERENCE_ALPHABET[randomIndex(N)];
  const code = body + checkSymbol(body);
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * Accepts what a person types (lower case, spaces, no dash, O for 0, I/L for 1) and returns the
 * canonical code, or null when it cannot be a valid code.
 */
export function normalizeReferenceCode(input: string): string | null {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (cleaned.length !== 8 || [...cleaned].some((c) => !REFERENCE_ALPHABET.includes(c))) return null;
  if (checkSymbol(cleaned.slice(0, 7)) !== cleaned[7]) return null;
  return `${cleaned.slice(0, 4)}-${cleaned.slice(4)}`;
}
