import type { Db } from '../../core/db';
import type { AuthUser } from '../auth/tokens';
import { loadPerson } from '../domain/persons';
import { requireActiveRelation } from '../domain/relations';
import { forbidden } from '../errors';
import { ageInYears } from '../time';

/**
 * Who may change data or sign: adults; 14–17-year-olds only with legal capacity VERIFIED
 * (`verification.details.legal_capacity`); nobody under 14 (a confidant acts for them).
 */
export function requireCapacity(db: Db, personId: string, now: Date): void {
  const person = loadPerson(db, personId);
  const age = ageInYears(person.doc.birth_date, now);
  if (age >= 18) return;
  if (age < 14)
    throw forbidden('A person under 14 can not act on their own; a confidant person acts for them');
  const capacity = person.verification.details?.legal_capacity?.verification_status;
  if (capacity !== 'VERIFIED') throw forbidden("Person's legal capacity is not confirmed");
}

/**
 * Who acts under a token: the patient, or the confidant person who signed in for them — then the
 * confidant's own capacity counts, and the relation must still be registered.
 */
export function requireActor(db: Db, user: AuthUser, now: Date): void {
  if (user.applicantPersonId === user.personId) return requireCapacity(db, user.personId, now);
  requireActiveRelation(db, user.personId, user.applicantPersonId, now);
  requireCapacity(db, user.applicantPersonId, now);
}

/** The tax id a signature of the acting person must carry: the confidant's under a confidant token. */
export function actorTaxId(db: Db, user: AuthUser): string | null {
  return loadPerson(db, user.applicantPersonId).taxId;
}
