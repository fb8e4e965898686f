/**
 * Who may act for whom at the kiosk, and what they may do — the one place for these rules. Sign-in
 * (a person for themselves), acting for a child (a parent or guardian with their own key), the doctor
 * search and the declaration wizard all ask here.
 *
 * From eHealth (specs and PATIENT-FLOWS notes):
 *   - a confidant person signs in for a related patient only when eHealth holds the relation
 *     (`POST /api/pis/confidant/sign-in`); without one there is nothing the kiosk can do;
 *   - under 14 a child is represented by a parent or guardian, who signs the child's declaration;
 *   - 14–17 act themselves: view with their own key, change only with legal capacity VERIFIED;
 *   - a therapist only from 18, a paediatrician only under 18, a family doctor at any age.
 * Decided here (eHealth does not enumerate what a confidant may do):
 *   - the one acting must be able to act for themselves (an adult, or 14–17 with capacity);
 *   - for a child of 14–17 the parent may look but not change: the teen signs their own acts
 *     (with their key here, or with the doctor), so the kiosk never signs over a teen's head;
 *   - an adult's confidant (legal incapacity, a court matter) is left to the clinic: no access here;
 *   - a relation eHealth marks NOT_VERIFIED allows looking only, until the clinic confirms it.
 */
import type { DeclarationSpeciality } from '../contract/doctors';
import { ADULT_AGE, cabinetAccess, OWN_ACCESS_AGE, type CabinetAccess } from './age';

export { ADULT_AGE, OWN_ACCESS_AGE };

/** Someone's age and eHealth's legal-capacity status (`verification.details.legal_capacity`). */
export interface Party {
  ageYears: number;
  legalCapacity: string | null | undefined;
}

/** The relation eHealth holds between the one acting and the child (null: none registered). */
export interface Relation {
  /** `confidant_person_relationship_verification.verification_status`, when eHealth says it. */
  verification?: string | null | undefined;
}

export type ActingReason =
  | 'child-under-14'
  | 'teen-signs-own'
  | 'relation-not-verified'
  | 'no-relation'
  | 'actor-may-not-act'
  | 'subject-adult';

export interface ActingDecision {
  access: CabinetAccess;
  reason: ActingReason;
}

/** What a parent or guardian may do in the cabinet of the person they act for. */
export function actingAccess(actor: Party, subject: Party, relation: Relation | null): ActingDecision {
  if (!relation) return { access: 'none', reason: 'no-relation' };
  if (cabinetAccess(actor.ageYears, actor.legalCapacity).access !== 'full')
    return { access: 'none', reason: 'actor-may-not-act' };
  if (subject.ageYears >= ADULT_AGE) return { access: 'none', reason: 'subject-adult' };
  if (subject.ageYears >= OWN_ACCESS_AGE) return { access: 'view-only', reason: 'teen-signs-own' };
  if (relation.verification === 'NOT_VERIFIED')
    return { access: 'view-only', reason: 'relation-not-verified' };
  return { access: 'full', reason: 'child-under-14' };
}

/** Whether the kiosk offers "Act for my child" to a signed-in person at all. */
export const mayActForOthers = (actor: Party): boolean =>
  cabinetAccess(actor.ageYears, actor.legalCapacity).access === 'full';

export const DECLARATION_SPECIALITIES: readonly DeclarationSpeciality[] = [
  'FAMILY_DOCTOR',
  'THERAPIST',
  'PEDIATRICIAN',
];

/**
 * Whose declaration a doctor may sign, by the patient's age (not the signer's: a parent signing for
 * a child chooses from the child's list): a therapist only from 18, a paediatrician only under 18, a
 * family doctor at any age. Unknown age: all of them.
 */
export function specialitiesForAge(age: number | null | undefined): DeclarationSpeciality[] {
  if (age == null) return [...DECLARATION_SPECIALITIES];
  return age >= ADULT_AGE ? ['FAMILY_DOCTOR', 'THERAPIST'] : ['FAMILY_DOCTOR', 'PEDIATRICIAN'];
}

/** How a receipt names the one who acted: by role, never by name. */
export type ActorRole = 'parent' | 'guardian' | 'representative';

/**
 * The role from eHealth's relationship documents (`documents_relationship[].type`): a birth
 * certificate makes a parent, a court decision or a guardian's certificate a guardian.
 */
export function actorRoleOf(documentTypes: readonly string[]): ActorRole {
  if (documentTypes.includes('BIRTH_CERTIFICATE')) return 'parent';
  if (documentTypes.some((t) => t === 'COURT_DECISION' || t === 'CONFIDANT_CERTIFICATE')) return 'guardian';
  return 'representative';
}

/** Initials as a receipt names a child: given name, patronymic, surname («Д. М. М.»). */
export function initialsOf(name: {
  firstName?: string | null;
  secondName?: string | null;
  lastName?: string | null;
}): string {
  return [name.firstName, name.secondName, name.lastName]
    .map((part) => Array.from((part ?? '').trim())[0])
    .filter((c): c is string => Boolean(c))
    .map((c) => `${c.toLocaleUpperCase('uk')}.`)
    .join(' ');
}
