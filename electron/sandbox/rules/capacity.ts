import type { Db } from '../../core/db/database';
import { loadPerson } from '../domain/persons';
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
