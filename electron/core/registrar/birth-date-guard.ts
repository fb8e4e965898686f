import { err, ok, type Result } from '#shared/result';

/** What the guard needs to know about the signed-in patient (a subset of PatientSession's context). */
export interface GuardedPatient {
  sessionId: string;
  personId: string;
}

/** The assisted session as the guard sees it: who confirmed which patient's birth date. */
export interface AssistedState {
  registrarId: string;
  /** The patient whose birth date the registrar confirmed in this assisted session, if any. */
  confirmed: GuardedPatient | null;
}

/**
 * The wrong-patient guard of an assisted session: before any change, the registrar must have
 * confirmed the birth date of exactly the patient who is signed in now (same kiosk session, same
 * eHealth person). Outside an assisted session it lets everything through — the patient's own key
 * already identifies them. Plugs into `PatientSession.addActGuard`.
 */
export function birthDateGuard(
  assisted: () => AssistedState | null,
): (patient: GuardedPatient) => Result<void> {
  return (patient) => {
    const state = assisted();
    if (!state) return ok(undefined);
    const c = state.confirmed;
    if (c && c.sessionId === patient.sessionId && c.personId === patient.personId) return ok(undefined);
    return err(
      'BIRTH_DATE_NOT_CONFIRMED',
      'in an assisted session the registrar confirms the visitor’s birth date before any change',
    );
  };
}

/** YYYY-MM-DD with a real calendar date (no 2001-02-29). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Compares the date the visitor says with eHealth's (which may carry a time part). */
export const sameBirthDate = (told: string, onRecord: string): boolean =>
  isCalendarDate(told) && onRecord.slice(0, 10) === told;
