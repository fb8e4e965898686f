import { createHash } from 'node:crypto';
import type { Db } from '../../core/db/database';

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

/**
 * `X-Idempotency-Key` records, kept in the sandbox database so they survive restarts. A record is
 * completed in the same transaction as the change it describes (see RequestContext.commit).
 */
export class IdempotencyStore {
  constructor(
    private readonly db: Db,
    private readonly bootId: string,
  ) {}

  begin(key: string, fingerprint: string, method: string, path: string, now: string): Begin {
    return this.db.transaction((): Begin => {
      const row = this.db
        .prepare(
          'SELECT fingerprint, state, boot_id, status, response, headers FROM idempotency WHERE key = ?',
        )
        .get(key) as Row | undefined;
      if (!row) {
        this.db
          .prepare(
            'INSERT INTO idempotency (key, fingerprint, state, boot_id, method, path, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          )
          .run(key, fingerprint, 'in_flight', this.bootId, method, path, now);
        return { kind: 'new' };
      }
      if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
      if (row.state === 'completed') {
        this.db.prepare('UPDATE idempotency SET replays = replays + 1 WHERE key = ?').run(key);
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
      this.db
        .prepare('UPDATE idempotency SET boot_id = ?, created_at = ? WHERE key = ?')
        .run(this.bootId, now, key);
      return { kind: 'new' };
    })();
  }

  /** Call inside the transaction of the change (or alone when nothing changed). */
  complete(key: string, response: StoredResponse, now: string): void {
    this.db
      .prepare(
        "UPDATE idempotency SET state = 'completed', status = ?, response = ?, headers = ?, completed_at = ? WHERE key = ?",
      )
      .run(response.status, response.body, JSON.stringify(response.headers), now, key);
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
    this.db
      .prepare(
        'INSERT INTO applied_operations (idempotency_key, method, path, person_id, status, applied_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(op.key, op.method, op.path, op.personId, op.status, op.at);
  }

  /** Forgets an in-flight record whose request neither changed anything nor got a final answer. */
  abandon(key: string): void {
    this.db.prepare("DELETE FROM idempotency WHERE key = ? AND state = 'in_flight'").run(key);
  }
}
