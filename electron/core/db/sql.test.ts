import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './database';
import { queries, sql, sqlJoin, sqlList, sqlName, sqlWhere, type SqlValue } from './sql';

interface Item {
  id: number;
  name: string;
  tag: string | null;
}

let db: Db;
beforeEach(() => {
  db = new Database(':memory:');
  db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, tag TEXT)');
  const put = db.prepare('INSERT INTO items (id, name, tag) VALUES (?, ?, ?)');
  for (let i = 1; i <= 5; i++) put.run(i, `item ${i}`, i % 2 ? 'odd' : null);
});
afterEach(() => db.close());

describe('sql', () => {
  it('turns every interpolation into a bound parameter, never into text', () => {
    const hostile = "x'; DROP TABLE items; --";
    const q = sql`SELECT * FROM items WHERE name = ${hostile} AND id > ${2}`;
    expect(q.text).toBe('SELECT * FROM items WHERE name = ? AND id > ?');
    expect(q.values).toEqual([hostile, 2]);
    expect(queries(db).all<Item>(q)).toEqual([]);
    expect(queries(db).value<number>(sql`SELECT count(*) FROM items`)).toBe(5);
  });

  it('splices a nested query with its own parameters in order', () => {
    const cond = sql`tag = ${'odd'}`;
    const q = sql`SELECT id FROM items WHERE id >= ${2} AND ${cond} ORDER BY id LIMIT ${10}`;
    expect(q.text).toBe('SELECT id FROM items WHERE id >= ? AND tag = ? ORDER BY id LIMIT ?');
    expect(q.values).toEqual([2, 'odd', 10]);
    expect(
      queries(db)
        .all<{ id: number }>(q)
        .map((r) => r.id),
    ).toEqual([3, 5]);
  });

  it('refuses undefined and booleans, which SQLite cannot bind', () => {
    expect(() => sql`SELECT ${undefined as unknown as SqlValue}`).toThrow(/parameter 1 is undefined/);
    expect(() => sql`SELECT ${1}, ${true as unknown as SqlValue}`).toThrow(/parameter 2 is true/);
  });

  it('binds buffers and bigints', () => {
    const blob = Buffer.from([0, 1, 2, 255]);
    const q = queries(db);
    q.exec(sql`CREATE TABLE blobs (b BLOB, n INTEGER)`);
    q.run(sql`INSERT INTO blobs (b, n) VALUES (${blob}, ${2n ** 40n})`);
    expect(q.one<{ b: Buffer; n: number }>(sql`SELECT b, n FROM blobs`)).toEqual({ b: blob, n: 2 ** 40 });
  });
});

describe('sqlJoin, sqlList, sqlWhere, sqlName', () => {
  it('joins pieces and keeps their parameters', () => {
    const sets = sqlJoin([sql`name = ${'n'}`, sql`tag = ${null}`], ', ');
    expect(sets.text).toBe('name = ?, tag = ?');
    queries(db).run(sql`UPDATE items SET ${sets} WHERE id = ${1}`);
    expect(queries(db).one<Item>(sql`SELECT * FROM items WHERE id = ${1}`)).toEqual({
      id: 1,
      name: 'n',
      tag: null,
    });
  });

  it('makes an IN list of parameters and refuses an empty one', () => {
    const q = sql`SELECT id FROM items WHERE id IN (${sqlList([1, 4, 9])}) ORDER BY id`;
    expect(q.text).toBe('SELECT id FROM items WHERE id IN (?, ?, ?) ORDER BY id');
    expect(queries(db).all<{ id: number }>(q)).toEqual([{ id: 1 }, { id: 4 }]);
    expect(() => sqlList([])).toThrow(RangeError);
  });

  it('builds WHERE from the conditions present, or nothing', () => {
    const tag: string | null = null;
    const w = sqlWhere([sql`id > ${1}`, tag !== null && sql`tag = ${tag}`, null, undefined, sql`id < ${5}`]);
    expect(w.text).toBe('WHERE id > ? AND id < ?');
    expect(w.values).toEqual([1, 5]);
    expect(sqlWhere([false, null]).text).toBe('');
    const all = sql`SELECT count(*) FROM items ${sqlWhere([])}`;
    expect(queries(db).value<number>(all)).toBe(5);
  });

  it('takes an identifier only from the allowed list', () => {
    const tables = ['items', 'temp.items_new'] as const;
    expect(sqlName('items', tables).text).toBe('items');
    expect(sqlName('temp.items_new', tables).text).toBe('temp.items_new');
    expect(() => sqlName('persons' as 'items', tables)).toThrow(/not one of the allowed names/);
    expect(() => sqlName('items; DROP TABLE x', ['items; DROP TABLE x'])).toThrow(RangeError);
  });
});

describe('queries', () => {
  it('is one per database and reuses a statement per text', () => {
    expect(queries(db)).toBe(queries(db));
    const q = queries(db);
    const first = q.one<Item>(sql`SELECT * FROM items WHERE id = ${1}`);
    const second = q.one<Item>(sql`SELECT * FROM items WHERE id = ${2}`);
    expect([first?.name, second?.name]).toEqual(['item 1', 'item 2']);
    expect(q.one<Item>(sql`SELECT * FROM items WHERE id = ${99}`)).toBeUndefined();
    expect(q.value<number>(sql`SELECT id FROM items WHERE id = ${99}`)).toBeUndefined();
  });

  it('keeps the row, pluck and raw forms of the same text apart', () => {
    const q = queries(db);
    const text = sql`SELECT id, name FROM items WHERE id = ${3}`;
    expect(q.value<number>(text)).toBe(3);
    expect(q.one<Item>(text)).toEqual({ id: 3, name: 'item 3' });
    expect(q.rows(text)).toEqual([[3, 'item 3']]);
    expect(q.value<number>(text)).toBe(3);
  });

  it('runs other statements, the same text included, while rows are iterated', () => {
    const q = queries(db);
    const list = sql`SELECT id FROM items ORDER BY id`;
    const seen: number[] = [];
    // the cached statement of the same text is not the one being iterated
    expect(q.all<{ id: number }>(list)).toHaveLength(5);
    for (const row of q.each<{ id: number }>(list)) {
      seen.push(row.id);
      expect(q.all<{ id: number }>(list)).toHaveLength(5);
      expect(q.one<Item>(sql`SELECT * FROM items WHERE id = ${row.id}`)?.id).toBe(row.id);
      // a second iteration of the same text inside the first
      expect([...q.each<{ id: number }>(list)]).toHaveLength(5);
    }
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it('gives a hot loop a statement of its own that binds new values each time', () => {
    const q = queries(db);
    const read = q.statement<Item>(sql`SELECT * FROM items WHERE id = ?`);
    expect([1, 2].map((id) => read.get(id)?.name)).toEqual(['item 1', 'item 2']);
    expect(() => q.statement(sql`SELECT * FROM items WHERE id = ${1}`)).toThrow(/bind the values/);
  });

  it('reports changes and the inserted rowid', () => {
    const q = queries(db);
    expect(q.run(sql`UPDATE items SET tag = ${'x'} WHERE id > ${3}`).changes).toBe(2);
    const r = q.run(sql`INSERT INTO items (name) VALUES (${'new'})`);
    expect(Number(r.lastInsertRowid)).toBe(6);
  });

  it('rolls a transaction back when its function throws, and nests as a savepoint', () => {
    const q = queries(db);
    expect(() =>
      q.tx(() => {
        q.run(sql`DELETE FROM items WHERE id = ${1}`);
        throw new Error('stop');
      }, 'immediate'),
    ).toThrow('stop');
    expect(q.value<number>(sql`SELECT count(*) FROM items`)).toBe(5);
    const kept = q.tx(() => {
      q.run(sql`DELETE FROM items WHERE id = ${1}`);
      try {
        q.tx(() => {
          q.run(sql`DELETE FROM items WHERE id = ${2}`);
          throw new Error('inner');
        });
      } catch {
        // the inner step alone is undone
      }
      return q.value<number>(sql`SELECT count(*) FROM items`);
    });
    expect(kept).toBe(4);
    expect(q.all<{ id: number }>(sql`SELECT id FROM items ORDER BY id`).map((r) => r.id)).toEqual([
      2, 3, 4, 5,
    ]);
  });

  it('keeps working past the statement cache limit', () => {
    const q = queries(db);
    for (let round = 0; round < 2; round++) {
      for (let n = 1; n <= 300; n++) {
        // a distinct text per n (n parameters): the least recently used statements leave the cache
        const list = sqlList(Array.from({ length: n }, (_, k) => k));
        expect(q.value<number>(sql`SELECT count(*) FROM items WHERE id NOT IN (${list})`)).toBe(
          Math.max(0, 6 - n),
        );
      }
    }
  });

  it('runs a script without parameters and refuses one with parameters', () => {
    const q = queries(db);
    q.exec(sql`CREATE TEMP TABLE t (x INTEGER); INSERT INTO t VALUES (1)`);
    expect(q.value<number>(sql`SELECT x FROM temp.t`)).toBe(1);
    expect(() => q.exec(sql`DELETE FROM items WHERE id = ${1}`)).toThrow(/no parameters/);
  });
});
