/** Date helpers on the sandbox clock (always UTC). */

export const DAY_MS = 86_400_000;

export const isoDateTime = (d: Date): string => d.toISOString();

/** `YYYY-MM-DD` of a date in UTC. */
export const isoDate = (d: Date): string => d.toISOString().slice(0, 10);

export const addDays = (d: Date, days: number): Date => new Date(d.getTime() + days * DAY_MS);

/** Same calendar day `years` later (29 Feb falls back to 28 Feb). */
export function addYears(d: Date, years: number): Date {
  const r = new Date(d.getTime());
  r.setUTCFullYear(d.getUTCFullYear() + years);
  if (r.getUTCDate() !== d.getUTCDate()) r.setUTCDate(0);
  return r;
}

export const parseIsoDate = (s: string): Date | null => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
  const d = new Date(`${s}T00:00:00.000Z`);
  return Number.isNaN(d.getTime()) || isoDate(d) !== s ? null : d;
};

/** Full years between a birth date and `now` (the eHealth definition of age). */
export function ageInYears(birthDate: string, now: Date): number {
  const b = parseIsoDate(birthDate);
  if (!b) return NaN;
  let age = now.getUTCFullYear() - b.getUTCFullYear();
  const beforeBirthday =
    now.getUTCMonth() < b.getUTCMonth() ||
    (now.getUTCMonth() === b.getUTCMonth() && now.getUTCDate() < b.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

export const unixSeconds = (d: Date): number => Math.floor(d.getTime() / 1000);
