/** Calendar dates as eHealth writes them: `YYYY-MM-DD`, compared as strings (they sort by time). */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in `YYYY-MM-DD` (no 2023-02-29, no 2024-13-01). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= daysInMonth;
}

/** Full years from a birth date to `today` (both `YYYY-MM-DD`), eHealth's age; NaN for a bad date. */
export function ageInYears(birthDate: string, today: string): number {
  if (!isIsoDate(birthDate) || !isIsoDate(today)) return Number.NaN;
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** `YYYY-MM-DD` of an instant in UTC (the day eHealth counts in). */
export const isoDateOf = (instant: Date): string => instant.toISOString().slice(0, 10);

/** `DD.MM.YYYY`, the way dates are written in Ukraine, from `YYYY-MM-DD` (other input unchanged). */
export const displayDate = (iso: string): string => {
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
};

/**
 * Dates are typed on a digit keypad as `DDMMYYYY`: the digits become `YYYY-MM-DD` once all eight
 * are there (whether or not it is a real date — the rule says so); fewer digits stay as typed.
 */
export function isoFromTypedDigits(typed: string): string {
  const digits = typed.replace(/[^0-9]/g, '').slice(0, 8);
  if (digits.length < 8) return digits;
  return `${digits.slice(4, 8)}-${digits.slice(2, 4)}-${digits.slice(0, 2)}`;
}

/** The `DDMMYYYY` digits of a stored `YYYY-MM-DD` date (for editing it on the keypad). */
export function typedDigitsFromIso(value: string): string {
  const m = ISO_DATE.exec(value);
  return m ? `${m[3]}${m[2]}${m[1]}` : value.replace(/[^0-9]/g, '').slice(0, 8);
}
