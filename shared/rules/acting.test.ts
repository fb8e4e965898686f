import { describe, expect, it } from 'vitest';
import { cabinetAccess } from './age';
import {
  actingAccess,
  actorRoleOf,
  initialsOf,
  mayActForOthers,
  specialitiesForAge,
  type Party,
  type Relation,
} from './acting';

const adult: Party = { ageYears: 38, legalCapacity: 'VERIFICATION_NOT_NEEDED' };
const verified: Relation = { verification: 'VERIFIED' };
const child = (ageYears: number, legalCapacity: string | null = null): Party => ({ ageYears, legalCapacity });

/**
 * One table for who may do what: a person for themselves (the sign-in rule) and a parent or
 * guardian for a child (the acting rule), with the doctors each may choose.
 */
describe('who may act for whom, and what they may do', () => {
  it.each([
    // who                                 actor                                   subject          relation                        access        reason                 doctors
    [
      'parent of a 5-year-old',
      adult,
      child(5),
      verified,
      'full',
      'child-under-14',
      ['FAMILY_DOCTOR', 'PEDIATRICIAN'],
    ],
    [
      'parent of a 13-year-old',
      adult,
      child(13),
      verified,
      'full',
      'child-under-14',
      ['FAMILY_DOCTOR', 'PEDIATRICIAN'],
    ],
    [
      'parent, relation not yet confirmed',
      adult,
      child(5),
      { verification: 'NOT_VERIFIED' },
      'view-only',
      'relation-not-verified',
      ['FAMILY_DOCTOR', 'PEDIATRICIAN'],
    ],
    [
      'parent, relation awaiting checks',
      adult,
      child(5),
      { verification: 'VERIFICATION_NEEDED' },
      'full',
      'child-under-14',
      ['FAMILY_DOCTOR', 'PEDIATRICIAN'],
    ],
    [
      'parent of a 15-year-old without capacity',
      adult,
      child(15, 'NOT_VERIFIED'),
      verified,
      'view-only',
      'teen-signs-own',
      ['FAMILY_DOCTOR', 'PEDIATRICIAN'],
    ],
    [
      'parent of a 16-year-old with capacity',
      adult,
      child(16, 'VERIFIED'),
      verified,
      'view-only',
      'teen-signs-own',
      ['FAMILY_DOCTOR', 'PEDIATRICIAN'],
    ],
    [
      'parent of an adult',
      adult,
      child(19),
      verified,
      'none',
      'subject-adult',
      ['FAMILY_DOCTOR', 'THERAPIST'],
    ],
    [
      'guardian without a relation',
      adult,
      child(5),
      null,
      'none',
      'no-relation',
      ['FAMILY_DOCTOR', 'PEDIATRICIAN'],
    ],
    [
      'a 16-year-old parent with capacity',
      child(16, 'VERIFIED'),
      child(1),
      verified,
      'full',
      'child-under-14',
      ['FAMILY_DOCTOR', 'PEDIATRICIAN'],
    ],
    [
      'a 16-year-old parent without capacity',
      child(16, 'NOT_VERIFIED'),
      child(1),
      verified,
      'none',
      'actor-may-not-act',
      ['FAMILY_DOCTOR', 'PEDIATRICIAN'],
    ],
  ] as const)('%s → %s', (_who, actor, subject, relation, access, reason, doctors) => {
    expect(actingAccess(actor, subject, relation)).toEqual({ access, reason });
    // the doctors follow the child's age, whoever signs
    expect(specialitiesForAge(subject.ageYears)).toEqual(doctors);
  });

  it.each([
    // a person for themselves (own key)
    [
      'teen of 15 without capacity',
      child(15, 'NOT_VERIFIED'),
      'view-only',
      'teen-capacity-not-verified',
      false,
    ],
    ['teen of 16 with capacity', child(16, 'VERIFIED'), 'full', 'teen-capacity-verified', true],
    ['child of 13', child(13), 'none', 'under-14', false],
    ['adult', adult, 'full', 'adult', true],
  ] as const)(
    '%s for themselves → %s (%s); may act for a child: %s',
    (_who, p, access, reason, actsForOthers) => {
      expect(cabinetAccess(p.ageYears, p.legalCapacity)).toEqual({ access, reason });
      expect(mayActForOthers(p)).toBe(actsForOthers);
    },
  );

  it('the doctors by age: a paediatrician until the 18th birthday, a therapist from it', () => {
    expect(specialitiesForAge(0)).toEqual(['FAMILY_DOCTOR', 'PEDIATRICIAN']);
    expect(specialitiesForAge(17)).toEqual(['FAMILY_DOCTOR', 'PEDIATRICIAN']);
    expect(specialitiesForAge(18)).toEqual(['FAMILY_DOCTOR', 'THERAPIST']);
    expect(specialitiesForAge(null)).toEqual(['FAMILY_DOCTOR', 'THERAPIST', 'PEDIATRICIAN']);
  });
});

describe('how a receipt names the two people', () => {
  it('the one acting by role, from the relationship documents', () => {
    expect(actorRoleOf(['BIRTH_CERTIFICATE'])).toBe('parent');
    expect(actorRoleOf(['COURT_DECISION'])).toBe('guardian');
    expect(actorRoleOf(['CONFIDANT_CERTIFICATE'])).toBe('guardian');
    expect(actorRoleOf([])).toBe('representative');
  });

  it('the child by initials only', () => {
    expect(initialsOf({ firstName: 'Дарина', secondName: 'Миколаївна', lastName: 'Мельник' })).toBe(
      'Д. М. М.',
    );
    expect(initialsOf({ firstName: 'ґанна', secondName: null, lastName: "Дем'яненко" })).toBe('Ґ. Д.');
    expect(initialsOf({ firstName: ' ', lastName: '' })).toBe('');
  });
});
