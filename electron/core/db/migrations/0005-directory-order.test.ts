import { describe, expect, it } from 'vitest';
import { openDatabase } from '../database';
import { m0001Initial } from './0001-initial';
import { m0002KeyLockouts } from './0002-key-lockouts';
import { m0003Outbox } from './0003-outbox';
import { m0004Directory } from './0004-directory';
import { m0005DirectoryOrder } from './0005-directory-order';

describe('migration 0005 directory-order', () => {
  it('adds clinic rank and distance to existing doctors and serves the search order from an index', () => {
    const db = openDatabase(':memory:', [m0001Initial, m0002KeyLockouts, m0003Outbox, m0004Directory]);
    db.prepare(
      `INSERT INTO dir_doctors (employee_id, party_id, full_name, name_norm, sort_key, speciality, division_id, legal_entity_id)
       VALUES ('e1', 'p', 'А', 'а', 'a', 'THERAPIST', 'd', 'l')`,
    ).run();
    db.transaction(() => m0005DirectoryOrder.up(db))();
    expect(db.prepare('SELECT clinic_rank, clinic_distance_km FROM dir_doctors').get()).toEqual({
      clinic_rank: 0,
      clinic_distance_km: 1e9,
    });
    expect(() => db.prepare('UPDATE dir_doctors SET clinic_rank = 2').run()).toThrow(/CHECK/);
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT rowid FROM dir_doctors d INDEXED BY dir_doctors_order WHERE speciality IN ('THERAPIST')
         ORDER BY clinic_rank DESC, clinic_distance_km, sort_key, employee_id LIMIT 20`,
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).not.toMatch(/TEMP B-TREE/);
    db.close();
  });
});
