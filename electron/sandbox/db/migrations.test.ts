import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../core/db/database';
import { sandboxMigrations } from './migrations';

/** The sandbox's schema steps on a database made by the step before (a kept `--data-dir`). */
describe('sandbox migrations', () => {
  it('2 adds the documents asked of persons, empty', () => {
    const db = new Database(':memory:');
    migrate(db, sandboxMigrations, 1);
    migrate(db, sandboxMigrations, 2);
    expect(db.prepare('SELECT count(*) AS n FROM person_documents').get()).toEqual({ n: 0 });
    db.close();
  });

  it('3 takes the confidant relations of a database seeded before from its persons', () => {
    const db = new Database(':memory:');
    migrate(db, sandboxMigrations, 2);
    const add = db.prepare(
      "INSERT INTO persons (id, tax_id, persona_id, birth_anchor, doc, verification, updated_at) VALUES (?, NULL, NULL, NULL, ?, '{}', '2026-01-01T00:00:00.000Z')",
    );
    add.run('mother', JSON.stringify({ id: 'mother' }));
    add.run(
      'child',
      JSON.stringify({
        id: 'child',
        confidant_person: [
          {
            relation_type: 'PRIMARY',
            person_id: 'mother',
            documents_relationship: [{ type: 'BIRTH_CERTIFICATE' }],
          },
          { relation_type: 'SECONDARY', person_id: 'nobody-here' },
        ],
      }),
    );
    migrate(db, sandboxMigrations, 3);
    expect(
      db
        .prepare(
          'SELECT person_id, confidant_person_id, relation_type, is_active, documents FROM confidant_relations',
        )
        .all(),
    ).toEqual([
      {
        person_id: 'child',
        confidant_person_id: 'mother',
        relation_type: 'PRIMARY',
        is_active: 1,
        documents: '[{"type":"BIRTH_CERTIFICATE"}]',
      },
    ]);
    const tokenColumns = (db.prepare('PRAGMA table_info(tokens)').all() as { name: string }[]).map(
      (c) => c.name,
    );
    expect(tokenColumns).toEqual(expect.arrayContaining(['applicant_user_id', 'applicant_person_id']));
    db.close();
  });
});
