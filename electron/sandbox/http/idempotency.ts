import { createHash } from 'node:crypto';
import { queries, sql, type Db, type Queries } from '../../core/db';

/** Canonical JSON (sorted keys) so that key order and whitespace do not change a fingerprint. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export const fingerprintOf = (
  method: string,
  pathWithQuery: string,
  body: unknown,
  subject: string,
): string =>
  createHash('sha256')
    .update(`${method} ${pathWithQuery}\n${subject}\n${canonicalJson(body)}`)
    .digest('hex');

export interface StoredResponse {
  status: number;
  body: string | null;
  headers: Record<string, string>;
}

export type Begin =
  | { kind: 'new' }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'mismatch' }
  | { kind: 'in-flight' };

interface Row {
  fingerprint: string;
  state: string;
  boot_id: string;
  status: number | null;
  response: string | null;
  headers: string | null;
}

/** What a key's record says (the sandbox tools' `/sandbox/operations`). */
export interface KeyRecord {
  state: string;
  status: number | null;
  replays: number;
  method: string;
  path: string;
}

export interface AppliedOperation {
  idempotency_key: string | null;
  method: string;
  path: string;
  status: number;
  applied_at: string;
}

/**
 * `X-Idempotency-Key` records, kept in the sandbox database so they survive restarts, and the log of
 * changes applied — the only code that touches the `idempotency` and `applied_operations` tables. A
 * record is completed in the same transaction as the change it describes (see RequestContext.commit).
 */
export class IdempotencyStore {
  private readonly q: Queries;

  constructor(
    db: Db,
    private readonly bootId: string,
  ) {
    this.q = queries(db);
  }

  begin(key: string, fingerprint: string, method: string, path: string, now: string): Begin {
    return this.q.tx((): Begin => {
      const row = this.q.one<Row>(
        sql`SELECT fingerprint, state, boot_id, status, response, headers FROM idempotency WHERE key = ${key}`,
      );
      if (!row) {
        this.q.run(
          sql`INSERT INTO idempotency (key, fingerprint, state, boot_id, method, path, created_at) VALUES (${key}, ${fingerprint}, 'in_flight', ${this.bootId}, ${method}, ${path}, ${now})`,
        );
        return { kind: 'new' };
      }
      if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
      if (row.state === 'completed') {
        this.q.run(sql`UPDATE idempotency SET replays = replays + 1 WHERE key = ${key}`);
        return {
          kind: 'replay',
          response: {
            status: row.status ?? 200,
            body: row.response,
            headers: JSON.parse(row.headers ?? '{}') as Record<string, string>,
          },
        };
      }
      if (row.boot_id === this.bootId) return { kind: 'in-flight' };
      // an earlier process died mid-request; nothing was committed under this key, so run it again
      this.q.run(
        sql`UPDATE idempotency SET boot_id = ${this.bootId}, created_at = ${now} WHERE key = ${key}`,
      );
      return { kind: 'new' };
    });
  }

  /** Call inside the transaction of the change (or alone when nothing changed). */
  complete(key: string, response: StoredResponse, now: string): void {
    this.q.run(
      sql`UPDATE idempotency SET state = 'completed', status = ${response.status}, response = ${response.body}, headers = ${JSON.stringify(response.headers)}, completed_at = ${now} WHERE key = ${key}`,
    );
  }

  /** Logs a change that landed (under its key, if it had one): how often a change applied is counted from this. */
  applied(op: {
    key: string | null;
    method: string;
    path: string;
    personId: string | null;
    status: number;
    at: string;
  }): void {
    this.q.run(
      sql`INSERT INTO applied_operations (idempotency_key, method, path, person_id, status, applied_at) VALUES (${op.key}, ${op.method}, ${op.path}, ${op.personId}, ${op.status}, ${op.at})`,
    );
  }

  /** Forgets an in-flight record whose request neither changed anything nor got a final answer. */
  abandon(key: string): void {
    this.q.run(sql`DELETE FROM idempotency WHERE key = ${key} AND state = 'in_flight'`);
  }
}

/** How often a change was applied under `key`, and its record (exactly-once delivery is checked with this). */
export function appliedUnder(db: Db, key: string): { applied: number; record: KeyRecord | undefined } {
  const q = queries(db);
  return {
    applied:
      q.value<number>(sql`SELECT count(*) AS n FROM applied_operations WHERE idempotency_key = ${key}`) ?? 0,
    record: q.one<KeyRecord>(
      sql`SELECT state, status, replays, method, path FROM idempotency WHERE key = ${key}`,
    ),
  };
}

/** Every change applied (their number) and the latest 500. */
export function recentApplied(db: Db): { total: number; recent: AppliedOperation[] } {
  const q = queries(db);
  return {
    total: q.value<number>(sql`SELECT count(*) AS n FROM applied_operations`) ?? 0,
    recent: q.all<AppliedOperation>(
      sql`SELECT idempotency_key, method, path, status, applied_at FROM applied_operations ORDER BY id DESC LIMIT 500`,
    ),
  };
}
