import type { DeclarationSpeciality } from '#shared/contract/doctors';

export const DECLARATION_SPECIALITIES: readonly DeclarationSpeciality[] = [
  'FAMILY_DOCTOR',
  'THERAPIST',
  'PEDIATRICIAN',
];

/** eHealth's `adult_age`. */
export const ADULT_AGE = 18;

/**
 * Who may sign a declaration with whom: a therapist only from 18, a pediatrician only under 18,
 * a family doctor at any age (the officio speciality decides). Unknown age: all of them.
 */
export function specialitiesForAge(age: number | null | undefined): DeclarationSpeciality[] {
  if (age == null) return [...DECLARATION_SPECIALITIES];
  return age >= ADULT_AGE ? ['FAMILY_DOCTOR', 'THERAPIST'] : ['FAMILY_DOCTOR', 'PEDIATRICIAN'];
}

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 6371.0088 * 2 * Math.asin(Math.min(1, Math.sqrt(a)));
}
