import type { Db } from '../../core/db';
import { forbidden } from '../errors';
import { isoDate } from '../time';

/**
 * Confidant relations (eHealth MPI `confidant_person_relationships`): a confidant person — a parent,
 * a guardian — registered for a patient, with the documents that prove it and how it was verified.
 * Registered at a clinic (MIS); a PIS only reads them. One is active while `is_active` and not past
 * `active_to`.
 */

export interface RelationRow {
  id: string;
  person_id: string;
  confidant_person_id: string;
  relation_type: 'PRIMARY' | 'SECONDARY';
  is_active: number;
  active_to: string | null;
  verification_status: string;
  verification_reason: string;
  verification_comment: string | null;
  documents: string;
  inserted_at: string;
}

const ACTIVE = 'is_active = 1 AND (active_to IS NULL OR active_to >= ?)';

export function activeRelation(
  db: Db,
  personId: string,
  confidantPersonId: string,
  now: Date,
): RelationRow | undefined {
  return db
    .prepare(
      `SELECT * FROM confidant_relations WHERE person_id = ? AND confidant_person_id = ? AND ${ACTIVE}`,
    )
    .get(personId, confidantPersonId, isoDate(now)) as RelationRow | undefined;
}

/** The patient's active relations, PRIMARY first. */
export function activeRelationsOf(db: Db, personId: string, now: Date): RelationRow[] {
  return db
    .prepare(
      `SELECT * FROM confidant_relations WHERE person_id = ? AND ${ACTIVE} ORDER BY relation_type = 'SECONDARY', inserted_at`,
    )
    .all(personId, isoDate(now)) as RelationRow[];
}

/** `confidant_person_relationship_verification` of `GET /api/pis/person/verification`. */
export function relationVerification(r: RelationRow): Record<string, string> {
  return {
    verification_status: r.verification_status,
    verification_reason: r.verification_reason,
    ...(r.verification_comment ? { verification_comment: r.verification_comment } : {}),
  };
}

/** A confidant's token is good only while the relation it was issued for is. */
export function requireActiveRelation(db: Db, personId: string, confidantPersonId: string, now: Date): void {
  if (!activeRelation(db, personId, confidantPersonId, now))
    throw forbidden('There is no active registered relation between the confidant person and the patient');
}
