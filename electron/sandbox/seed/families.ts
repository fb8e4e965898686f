import type { Db } from '../../core/db';
import type { PersonDoc, SeededPerson } from './persons';
import type { Prng } from './prng';
import { isoDateTime } from '../time';

/**
 * The Мельник family: the mother (no persona), the father `parent-of-two`, `child-13` and `child-5`.
 * Both parents are registered confidants of both children (the relation a clinic registered from the
 * birth certificate): the mother PRIMARY for the elder, the father PRIMARY for the younger.
 * `guardian-no-relation` is nobody's confidant.
 */

export const RELATION_VERIFICATION = {
  status: 'VERIFIED',
  reason: 'Встановлено вручну у процесі реєстрації Пацієнта Лікарем',
  comment: 'Підтверджено на підставі свідоцтва про народження',
};

interface Confidant {
  personId: string;
  relationType: 'PRIMARY' | 'SECONDARY';
}

const docOf = (db: Db, personId: string): PersonDoc =>
  JSON.parse(
    (db.prepare('SELECT doc FROM persons WHERE id = ?').get(personId) as { doc: string }).doc,
  ) as PersonDoc;

/** `Confidant_Person` of the child's person data, from the confidant's own record. */
export function confidantView(
  confidant: PersonDoc,
  relationType: string,
  relationship: Record<string, string>[],
): Record<string, unknown> {
  return {
    relation_type: relationType,
    person_id: confidant.id,
    first_name: confidant.first_name,
    last_name: confidant.last_name,
    ...(confidant.second_name ? { second_name: confidant.second_name } : {}),
    birth_date: confidant.birth_date,
    birth_country: confidant.birth_country,
    birth_settlement: confidant.birth_settlement,
    gender: confidant.gender,
    ...(confidant.tax_id ? { tax_id: confidant.tax_id } : {}),
    secret: confidant.secret,
    documents_person: confidant.documents,
    documents_relationship: relationship,
    ...(confidant.phones ? { phones: confidant.phones } : {}),
  };
}

/** Registers `confidants` for the child: relation rows, the child's `confidant_person`, a THIRD_PERSON method to the PRIMARY one. */
export function registerConfidants(
  db: Db,
  rnd: Prng,
  childId: string,
  confidants: readonly Confidant[],
  now: Date,
): void {
  const child = docOf(db, childId);
  const certificate = child.documents.find((d) => d.type === 'BIRTH_CERTIFICATE');
  const relationship = certificate
    ? [
        {
          type: 'BIRTH_CERTIFICATE',
          number: certificate.number ?? '',
          issued_by: certificate.issued_by ?? '',
          issued_at: certificate.issued_at ?? child.birth_date,
        },
      ]
    : [];
  const stamp = isoDateTime(now);
  const insert = db.prepare(
    `INSERT INTO confidant_relations (id, person_id, confidant_person_id, relation_type, is_active, active_to,
       verification_status, verification_reason, verification_comment, documents, inserted_at)
     VALUES (?, ?, ?, ?, 1, NULL, ?, ?, ?, ?, ?)`,
  );
  child.confidant_person = confidants.map((c) => {
    insert.run(
      rnd.uuid(),
      childId,
      c.personId,
      c.relationType,
      RELATION_VERIFICATION.status,
      RELATION_VERIFICATION.reason,
      RELATION_VERIFICATION.comment,
      JSON.stringify(relationship),
      stamp,
    );
    return confidantView(docOf(db, c.personId), c.relationType, relationship);
  });
  db.prepare('UPDATE persons SET doc = ? WHERE id = ?').run(JSON.stringify(child), childId);

  const primary = confidants.find((c) => c.relationType === 'PRIMARY');
  if (!primary) return;
  const p = docOf(db, primary.personId);
  const rows = db.prepare('SELECT id, doc FROM auth_methods WHERE person_id = ?').all(childId) as {
    id: string;
    doc: string;
  }[];
  for (const row of rows) {
    const method = JSON.parse(row.doc) as Record<string, unknown>;
    if (method.type !== 'THIRD_PERSON') continue;
    const initials = `${p.last_name} ${p.first_name.slice(0, 1)}.${p.second_name ? `${p.second_name.slice(0, 1)}.` : ''}`;
    const updated = {
      ...method,
      value: p.id,
      alias: p.gender === 'FEMALE' ? 'Мама' : 'Тато',
      confidant_person: { name: initials, ...(p.phones ? { phones: p.phones } : {}) },
    };
    db.prepare('UPDATE auth_methods SET doc = ? WHERE id = ?').run(JSON.stringify(updated), row.id);
  }
}

/** The family's relations, once every persona's person exists. */
export function seedFamilies(
  db: Db,
  rnd: Prng,
  persons: readonly SeededPerson[],
  motherId: string,
  now: Date,
): void {
  const idOf = (persona: string) => persons.find((p) => p.persona.id === persona)?.personId ?? null;
  const father = idOf('parent-of-two');
  const elder = idOf('child-13');
  const younger = idOf('child-5');
  if (elder)
    registerConfidants(
      db,
      rnd,
      elder,
      [
        { personId: motherId, relationType: 'PRIMARY' },
        ...(father ? [{ personId: father, relationType: 'SECONDARY' as const }] : []),
      ],
      now,
    );
  if (younger && father)
    registerConfidants(
      db,
      rnd,
      younger,
      [
        { personId: father, relationType: 'PRIMARY' },
        { personId: motherId, relationType: 'SECONDARY' },
      ],
      now,
    );
}
