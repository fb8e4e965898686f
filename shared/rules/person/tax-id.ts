/**
 * РНОКПП (the individual tax number): ten digits, not all zeros, the last one a check digit —
 * Σ dᵢ·wᵢ over the first nine with weights −1 5 7 9 4 6 10 5 7, then mod 11, then mod 10.
 */
const WEIGHTS = [-1, 5, 7, 9, 4, 6, 10, 5, 7] as const;

/** The check digit for the first nine digits. */
export function taxIdCheckDigit(first9: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (WEIGHTS[i] as number);
  return (((sum % 11) + 11) % 11) % 10;
}

export const isTaxIdFormat = (value: string): boolean => /^[0-9]{10}$/.test(value) && value !== '0000000000';

export const isValidTaxId = (value: string): boolean =>
  isTaxIdFormat(value) && taxIdCheckDigit(value.slice(0, 9)) === Number(value[9]);
