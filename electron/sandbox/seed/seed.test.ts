import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/db/database';
import { sandboxMigrations } from '../db/migrations';
import { isValidTaxId } from '../rules/tax-id';
import { seedDatabase } from './index';
import { Prng } from './prng';

describe('prng', () => {
  it('is deterministic per seed and makes version-4 UUIDs', () => {
    const a = new Prng('x');
    const b = new Prng('x');
    const c = new Prng('y');
    const sa = [a.uuid(), a.int(1, 6), a.next()];
    expect([b.uuid(), b.int(1, 6), b.next()]).toEqual(sa);
    expect(c.uuid()).not.toBe(sa[0]);
    expect(sa[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('small seed', () => {
  it('seeds the directory, personas with valid tax ids, clients and declarations', () => {
    const db = openDatabase(':memory:', sandboxMigrations);
    const summary = seedDatabase(db, 'small', new Date('2026-01-15T10:00:00Z'), 365);
    expect(summary.legalEntities).toBe(40);
    expect(summary.doctors).toBeGreaterThan(200);
    const persons = db
      .prepare('SELECT persona_id, tax_id FROM persons WHERE persona_id IS NOT NULL')
      .all() as { persona_id: string; tax_id: string }[];
    expect(persons.map((p) => p.persona_id).sort()).toEqual([
      'adult-expired-cert',
      'adult-no-declaration',
      'adult-revoked-cert',
      'adult-with-apps',
      'adult-with-declaration',
      'child-13',
      'child-5',
      'guardian-no-relation',
      'parent-of-two',
      'teen-15-no-capacity',
      'teen-16-capacity',
    ]);
    // the family: both parents for both children, nobody for the guardian
    const relations = db
      .prepare(
        `SELECT c.persona_id AS child, coalesce(p.persona_id, 'mother') AS confidant, r.relation_type AS type
           FROM confidant_relations r JOIN persons c ON c.id = r.person_id JOIN persons p ON p.id = r.confidant_person_id
          ORDER BY child, type`,
      )
      .all();
    expect(relations).toEqual([
      { child: 'child-13', confidant: 'mother', type: 'PRIMARY' },
      { child: 'child-13', confidant: 'parent-of-two', type: 'SECONDARY' },
      { child: 'child-5', confidant: 'parent-of-two', type: 'PRIMARY' },
      { child: 'child-5', confidant: 'mother', type: 'SECONDARY' },
    ]);
    expect(persons.every((p) => isValidTaxId(p.tax_id))).toBe(true);
    expect(
      (db.prepare("SELECT count(*) AS n FROM declarations WHERE status = 'active'").get() as { n: number }).n,
    ).toBe(2);
    expect(
      (db.prepare("SELECT count(*) AS n FROM clients WHERE type = 'TRUSTED_PIS'").get() as { n: number }).n,
    ).toBe(2);
    db.close();
  });
});
