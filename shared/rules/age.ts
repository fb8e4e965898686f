/**
 * Who may use the patient cabinet on their own, from the birth date eHealth holds and the legal
 * capacity it has verified (`verification.details.legal_capacity.verification_status`):
 *   18 and over                       — full access;
 *   14–17 with capacity VERIFIED      — full access (emancipated, married, working…);
 *   14–17 otherwise                   — view only;
 *   under 14                          — no own access (the registrar helps, with a parent).
 */

export const ADULT_AGE = 18;
export const OWN_ACCESS_AGE = 14;

export type CabinetAccess = 'full' | 'view-only' | 'none';

/** Why the access is what it is (the renderer explains each in plain words). */
export type AccessReason = 'adult' | 'teen-capacity-verified' | 'teen-capacity-not-verified' | 'under-14';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** A calendar date (year, month 1–12, day) from `YYYY-MM-DD…`, or null when it is not one. */
export function parseCalendarDate(text: string): { year: number; month: number; day: number } | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day)
    return null;
  return { year, month, day };
}

/**
 * Full years between a birth date and `today` (both calendar dates, `YYYY-MM-DD`). Someone born on
 * 29 February becomes a year older on 1 March in common years, as Ukrainian civil practice counts.
 * Null when either date is not a real date or the birth date lies in the future.
 */
export function ageInYears(birthDate: string, today: string): number | null {
  const b = parseCalendarDate(birthDate);
  const t = parseCalendarDate(today);
  if (!b || !t) return null;
  let age = t.year - b.year;
  const birthdayPassed = t.month > b.month || (t.month === b.month && t.day >= b.day);
  if (!birthdayPassed) age -= 1;
  return age < 0 ? null : age;
}

/** The calendar date of an instant in the kiosk's time zone (Kyiv), as `YYYY-MM-DD`. */
export function kyivDate(at: Date): string {
  return kyivFormat().format(at);
}

let kyivFormatter: Intl.DateTimeFormat | null = null;
function kyivFormat(): Intl.DateTimeFormat {
  if (kyivFormatter) return kyivFormatter;
  // en-CA formats as YYYY-MM-DD; older time-zone data knows only the former spelling "Kiev"
  const make = (timeZone: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  try {
    kyivFormatter = make('Europe/Kyiv');
  } catch {
    kyivFormatter = make('Europe/Kiev');
  }
  return kyivFormatter;
}

export interface AccessDecision {
  access: CabinetAccess;
  reason: AccessReason;
}

/** The access rule itself. `legalCapacity` is eHealth's verification status (or null when absent). */
export function cabinetAccess(ageYears: number, legalCapacity: string | null | undefined): AccessDecision {
  if (ageYears < OWN_ACCESS_AGE) return { access: 'none', reason: 'under-14' };
  if (ageYears >= ADULT_AGE) return { access: 'full', reason: 'adult' };
  return legalCapacity === 'VERIFIED'
    ? { access: 'full', reason: 'teen-capacity-verified' }
    : { access: 'view-only', reason: 'teen-capacity-not-verified' };
}
