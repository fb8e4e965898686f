/** РНОКПП (individual tax number) checks used by eHealth person validation. */

const WEIGHTS = [-1, 5, 7, 9, 4, 6, 10, 5, 7] as const;

export function taxIdCheckDigit(first9: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (WEIGHTS[i] as number);
  return (((sum % 11) + 11) % 11) % 10;
}

export function isValidTaxId(taxId: string): boolean {
  if (!/^\d{10}$/.test(taxId) || taxId === '0000000000') return false;
  return taxIdCheckDigit(taxId.slice(0, 9)) === Number(taxId[9]);
}

/** A valid tax id whose first five digits encode the birth date (days since 1899-12-31), as issued. */
export function taxIdFor(birthDate: Date, serial4: string): string {
  const days = Math.round((birthDate.getTime() - Date.UTC(1899, 11, 31)) / 86_400_000);
  const first9 = String(days).padStart(5, '0') + serial4;
  return first9 + String(taxIdCheckDigit(first9));
}
