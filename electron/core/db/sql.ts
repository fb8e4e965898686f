import type Database from 'better-sqlite3';
import type { Db } from './database';

/**
 * The query layer: SQL is written as a tagged template whose interpolations become bound
 * parameters (never text), and rows come back typed by the caller's row declaration — the only
 * place in the kiosk where a row is given a type is here.
 *
 *   const q = queries(db);
 *   const row = q.one<OperationRow>(sql`SELECT * FROM outbox_operations WHERE id = ${id}`);
 *
 * Pieces compose: a nested `Sql` is spliced with its own parameters (`sqlJoin`, `sqlList`,
 * `sqlWhere`); identifiers that must vary (a table of a list) come only from a fixed list
 * (`sqlName`). Statements are prepared once per text and database and reused.
 */

/** What SQLite can bind. (Booleans are not: store 0/1.) */
export type SqlValue = string | number | bigint | Buffer | Uint8Array | null;

export interface Sql {
  readonly text: string;
  readonly values: readonly SqlValue[];
}

const SQL = Symbol('sql');
interface Built extends Sql {
  readonly [SQL]: true;
}

const build = (text: string, values: readonly SqlValue[]): Sql => {
  const q: Built = { text, values, [SQL]: true };
  return Object.freeze(q);
};

const isSql = (v: unknown): v is Sql =>
  typeof v === 'object' && v !== null && (v as Partial<Built>)[SQL] === true;

/** sql`SELECT * FROM outbox_operations WHERE id = ${id}` — values become `?`, a nested Sql is spliced. */
export function sql(strings: TemplateStringsArray, ...parts: readonly (SqlValue | Sql)[]): Sql {
  let text = strings[0] ?? '';
  const values: SqlValue[] = [];
  parts.forEach((part, i) => {
    if (isSql(part)) {
      text += part.text;
      values.push(...part.values);
    } else {
      if (part === undefined || typeof part === 'boolean')
        throw new TypeError(`sql: parameter ${i + 1} is ${String(part)}; bind null or 0/1 instead`);
      text += '?';
      values.push(part);
    }
    text += strings[i + 1] ?? '';
  });
  return build(text, values);
}

/** Joins pieces with a separator: `a AND b`, `x = ?, y = ?`. */
export function sqlJoin(parts: readonly Sql[], separator: ' AND ' | ' OR ' | ', '): Sql {
  return build(
    parts.map((p) => p.text).join(separator),
    parts.flatMap((p) => p.values),
  );
}

/** `?, ?, ?` for an IN list. An empty list is refused: `IN ()` means a bug in the caller. */
export function sqlList(values: readonly SqlValue[]): Sql {
  if (values.length === 0) throw new RangeError('sqlList: an empty list');
  return build(values.map(() => '?').join(', '), values);
}

/** `WHERE a AND b` of the conditions given (falsy ones skipped), or nothing when none is left. */
export function sqlWhere(conds: readonly (Sql | null | undefined | false)[]): Sql {
  const kept = conds.filter((c): c is Sql => isSql(c) && c.text.trim() !== '');
  return kept.length ? sql`WHERE ${sqlJoin(kept, ' AND ')}` : build('', []);
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;

/** An identifier (a table or column) that varies at run time — only one of `allowed`. */
export function sqlName<N extends string>(name: N, allowed: readonly N[]): Sql {
  if (!allowed.includes(name) || !IDENTIFIER.test(name))
    throw new RangeError(`sqlName: ${JSON.stringify(name)} is not one of the allowed names`);
  return build(name, []);
}

export interface RunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

export type Statement<R> = Database.Statement<SqlValue[], R>;

export interface Queries {
  /** The first row, or undefined. */
  one<R>(q: Sql): R | undefined;
  all<R>(q: Sql): R[];
  /** The first column of the first row (e.g. a count), or undefined without a row. */
  value<V>(q: Sql): V | undefined;
  /** Rows one by one. Never a cached statement: a statement being iterated cannot run anything else. */
  each<R>(q: Sql): IterableIterator<R>;
  /** Rows as arrays of column values (bulk copies). */
  rows(q: Sql): unknown[][];
  /**
   * A statement of its own for a hot loop that binds new values each time (`?` written in the text;
   * `q` carries no values). Not cached.
   */
  statement<R>(q: Sql): Statement<R>;
  run(q: Sql): RunResult;
  /** A script without parameters (DDL, temporary tables). */
  exec(q: Sql): void;
  /** `fn` in one transaction (nested: a savepoint); `immediate` takes the write lock at once. */
  tx<T>(fn: () => T, mode?: 'deferred' | 'immediate'): T;
}

type Mode = 'rows' | 'pluck' | 'raw';

/** Most statements the kiosk runs are few and fixed; a list page or an IN list may add variants. */
const CACHE_LIMIT = 256;

class DbQueries implements Queries {
  private readonly cache = new Map<string, Statement<unknown>>();

  constructor(private readonly db: Db) {}

  forget(): void {
    this.cache.clear();
  }

  private cached<R>(q: Sql, mode: Mode): Statement<R> {
    const key = `${mode}\u0000${q.text}`;
    let st = this.cache.get(key);
    if (st && !st.busy) {
      // most recently used last: the oldest goes first when the cache is full
      this.cache.delete(key);
      this.cache.set(key, st);
      return st as Statement<R>;
    }
    st = this.db.prepare<SqlValue[], unknown>(q.text);
    if (mode === 'pluck') st.pluck(true);
    if (mode === 'raw') st.raw(true);
    if (this.cache.size >= CACHE_LIMIT) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(key, st);
    return st as Statement<R>;
  }

  one<R>(q: Sql): R | undefined {
    return this.cached<R>(q, 'rows').get(...q.values);
  }

  all<R>(q: Sql): R[] {
    return this.cached<R>(q, 'rows').all(...q.values);
  }

  value<V>(q: Sql): V | undefined {
    return this.cached<V>(q, 'pluck').get(...q.values);
  }

  each<R>(q: Sql): IterableIterator<R> {
    return this.db.prepare<SqlValue[], R>(q.text).iterate(...q.values);
  }

  rows(q: Sql): unknown[][] {
    return this.cached<unknown[]>(q, 'raw').all(...q.values);
  }

  statement<R>(q: Sql): Statement<R> {
    if (q.values.length) throw new TypeError('statement: bind the values at each call, not in the query');
    return this.db.prepare<SqlValue[], R>(q.text);
  }

  run(q: Sql): RunResult {
    return this.cached(q, 'rows').run(...q.values);
  }

  exec(q: Sql): void {
    if (q.values.length) throw new TypeError('exec: a script takes no parameters');
    this.db.exec(q.text);
  }

  tx<T>(fn: () => T, mode: 'deferred' | 'immediate' = 'deferred'): T {
    const t = this.db.transaction(fn);
    return mode === 'immediate' ? t.immediate() : t.deferred();
  }
}

const perDb = new WeakMap<Db, Queries>();

/** The query layer of a database (one per connection; its statements are reused). */
export function queries(db: Db): Queries {
  let q = perDb.get(db);
  if (!q) perDb.set(db, (q = new DbQueries(db)));
  return q;
}

/**
 * Forgets the statements cached for `db`: the next query prepares its statement afresh. For a test
 * that replaces `db.prepare` to plant a storage fault (and puts it back).
 */
export function forgetStatements(db: Db): void {
  const q = perDb.get(db);
  if (q instanceof DbQueries) q.forget();
}
