/** Eight digits typed as DDMMYYYY (how a Ukrainian says a date) → YYYY-MM-DD, or null if not a real date. */
export function birthDateFromDigits(digits: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(digits);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${m[3]}-${m[2]}-${m[1]}`;
}

/** The typed digits shown back as DD.MM.YYYY, so the registrar sees what they entered. */
export const digitsAsDate = (digits: string): string =>
  [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4, 8)].filter(Boolean).join('.');
