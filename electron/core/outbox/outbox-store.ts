import type { Environment } from '#shared/contract/app';
import type { OperationState } from '#shared/contract/outbox';
import type { SecretBox } from '../crypto/secret-box';
import type { Db } from '../db/database';
import type { TokenSet } from '../ehealth/tokens';
import { isOperationKind } from './kinds';
import type { OperationRow } from './rows';

export const payloadLabel = (id: string) => `outbox:${id}:payload`;
export const credentialsLabel = (patientKey: string) => `outbox-credentials:${patientKey}`;

/** The sealed content of `payload`: the kind again (so a row cannot be relabelled) and its parameters. */
export interface SealedPayload {
  kind: string;
  params: Record<string, unknown>;
  /** Space reserved while the operation waits for the patient's signature. */
  pad?: string;
  /** While held: eHealth's deadline for the act (ISO), which becomes its expiry once signed. */
  deadline?: string;
}

export type PayloadRead = { ok: true; payload: SealedPayload } | { ok: false; reason: string };

/**
 * SQL and sealing for outbox rows and credentials. No state logic here (see outbox.ts).
 *
 * A store belongs to one eHealth environment: every query sees only the rows made in it (and every
 * row it writes is stamped with it), so what the worker finds due, what a patient or the registrar
 * lists and what a receipt code finds are never another environment's operations. An UPDATE by id
 * is only ever made after reading that row through this store.
 */
export class OutboxStore {
  constructor(
    readonly db: Db,
    private readonly box: SecretBox,
    readonly environment: Environment,
  ) {}

  get(id: string): OperationRow | undefined {
    return this.db
      .prepare('SELECT * FROM outbox_operations WHERE id = ? AND environment = ?')
      .get(id, this.environment) as OperationRow | undefined;
  }

  getByReference(code: string): OperationRow | undefined {
    return this.db
      .prepare('SELECT * FROM outbox_operations WHERE reference_code = ? AND environment = ?')
      .get(code, this.environment) as OperationRow | undefined;
  }

  list(states: readonly OperationState[] | undefined, limit: number): OperationRow[] {
    if (states && states.length) {
      return this.db
        .prepare(
          `SELECT * FROM outbox_operations WHERE environment = ? AND state IN (${states.map(() => '?').join(',')})
           ORDER BY seq DESC LIMIT ?`,
        )
        .all(this.environment, ...states, limit) as OperationRow[];
    }
    return this.db
      .prepare('SELECT * FROM outbox_operations WHERE environment = ? ORDER BY seq DESC LIMIT ?')
      .all(this.environment, limit) as OperationRow[];
  }

  counts(): Record<string, number> {
    const rows = this.db
      .prepare('SELECT state, count(*) AS n FROM outbox_operations WHERE environment = ? GROUP BY state')
      .all(this.environment) as {
      state: string;
      n: number;
    }[];
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  }

  /** Signed or ready acts still waiting for delivery whose deadline is before `beforeIso`. */
  nearDeadline(beforeIso: string): number {
    const r = this.db
      .prepare(
        `SELECT count(*) AS n FROM outbox_operations
         WHERE environment = ? AND held = 0 AND expires_at IS NOT NULL AND expires_at <= ?
           AND state IN ('captured', 'waiting-network', 'sending', 'needs-patient')`,
      )
      .get(this.environment, beforeIso) as { n: number };
    return r.n;
  }

  lastDeliveredAt(): string | null {
    const r = this.db
      .prepare(
        "SELECT max(completed_at) AS at FROM outbox_operations WHERE state = 'done' AND environment = ?",
      )
      .get(this.environment) as {
      at: string | null;
    };
    return r.at;
  }

  /**
   * Operations that may be sent now: ready (not held), due, and first in line for their patient —
   * an earlier operation of the same patient that is still pending (even held or in flight) keeps
   * the later ones waiting; settled ones do not.
   */
  due(nowIso: string, limit: number): OperationRow[] {
    return this.db
      .prepare(
        `SELECT o.* FROM outbox_operations o
         WHERE o.environment = ? AND o.state IN ('captured', 'waiting-network') AND o.held = 0
           AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?)
           AND NOT EXISTS (
             SELECT 1 FROM outbox_operations p
             WHERE p.environment = o.environment AND p.patient_key = o.patient_key AND p.seq < o.seq
               AND p.state IN ('captured', 'waiting-network', 'sending'))
         ORDER BY o.seq LIMIT ?`,
      )
      .all(this.environment, nowIso, limit) as OperationRow[];
  }

  /** Ready operations that have never been tried (captured), first in line for their patient. */
  readyCaptured(): OperationRow[] {
    return this.db
      .prepare(
        "SELECT * FROM outbox_operations WHERE environment = ? AND state = 'captured' AND held = 0 ORDER BY seq",
      )
      .all(this.environment) as OperationRow[];
  }

  /** The next moment something becomes due (a retry or an expiry), or null when nothing waits. */
  nextWakeAt(): string | null {
    const r = this.db
      .prepare(
        `SELECT min(t) AS at FROM (
           SELECT next_attempt_at AS t FROM outbox_operations
             WHERE environment = ? AND state IN ('captured', 'waiting-network') AND held = 0
               AND next_attempt_at IS NOT NULL
           UNION ALL
           SELECT expires_at AS t FROM outbox_operations
             WHERE environment = ? AND expires_at IS NOT NULL
               AND (state IN ('captured', 'waiting-network', 'needs-patient')
                 OR (state = 'rejected' AND payload IS NOT NULL)))`,
      )
      .get(this.environment, this.environment) as { at: string | null };
    return r.at;
  }

  anyReadyWithoutSchedule(): boolean {
    return (
      this.db
        .prepare(
          `SELECT 1 FROM outbox_operations WHERE environment = ? AND state IN ('captured', 'waiting-network')
           AND held = 0 AND next_attempt_at IS NULL LIMIT 1`,
        )
        .get(this.environment) !== undefined
    );
  }

  expiredIds(nowIso: string): { id: string; state: OperationState; expires_at: string }[] {
    return this.db
      .prepare(
        `SELECT id, state, expires_at FROM outbox_operations
         WHERE environment = ? AND expires_at IS NOT NULL AND expires_at <= ?
           AND (state IN ('captured', 'waiting-network', 'needs-patient') OR (state = 'rejected' AND payload IS NOT NULL))
         ORDER BY seq`,
      )
      .all(this.environment, nowIso) as { id: string; state: OperationState; expires_at: string }[];
  }

  sealPayload(id: string, payload: SealedPayload): Buffer {
    return this.box.sealJson(payload, payloadLabel(id));
  }

  /** Opens a row's payload; a corrupt, foreign or relabelled row is reported, never thrown. */
  readPayload(row: Pick<OperationRow, 'id' | 'kind' | 'payload'>): PayloadRead {
    if (!row.payload) return { ok: false, reason: 'payload missing' };
    if (!isOperationKind(row.kind)) return { ok: false, reason: 'unknown kind' };
    let value: unknown;
    try {
      value = this.box.openJson(row.payload, payloadLabel(row.id));
    } catch {
      return { ok: false, reason: 'payload cannot be opened (corrupt or from another kiosk)' };
    }
    const v = value as Partial<SealedPayload> | null;
    if (!v || typeof v !== 'object' || v.kind !== row.kind || !v.params || typeof v.params !== 'object') {
      return { ok: false, reason: 'payload does not belong to this operation' };
    }
    return { ok: true, payload: v as SealedPayload };
  }

  saveCredentials(patientKey: string, tokens: TokenSet, nowIso: string): void {
    this.db
      .prepare(
        `INSERT INTO outbox_credentials (patient_key, tokens, updated_at) VALUES (?, ?, ?)
         ON CONFLICT(patient_key) DO UPDATE SET tokens = excluded.tokens, updated_at = excluded.updated_at`,
      )
      .run(patientKey, this.box.sealJson(tokens, credentialsLabel(patientKey)), nowIso);
  }

  loadCredentials(patientKey: string): TokenSet | null {
    const r = this.db
      .prepare('SELECT tokens FROM outbox_credentials WHERE patient_key = ?')
      .get(patientKey) as { tokens: Buffer } | undefined;
    if (!r) return null;
    try {
      const t = this.box.openJson(r.tokens, credentialsLabel(patientKey)) as Partial<TokenSet>;
      return {
        accessToken: typeof t.accessToken === 'string' ? t.accessToken : null,
        refreshToken: typeof t.refreshToken === 'string' ? t.refreshToken : null,
        expiresAt: typeof t.expiresAt === 'number' ? t.expiresAt : null,
      };
    } catch {
      return null;
    }
  }

  /**
   * Forgets tokens that no operation needs any more: no operation of that patient still carries a
   * payload with its deadline (`expires_at`) ahead of `nowIso`. A patient's refresh token is thus
   * kept at most until the deadline of their last undelivered act, and goes with its delivery.
   * (Every step of a flow saves the tokens again when it is stored: nothing waits on a leftover.)
   */
  dropUnusedCredentials(patientKey: string | null, nowIso: string): number {
    return this.db
      .prepare(
        `DELETE FROM outbox_credentials
         WHERE (? IS NULL OR patient_key = ?)
           AND NOT EXISTS (SELECT 1 FROM outbox_operations o
                           WHERE o.patient_key = outbox_credentials.patient_key AND o.payload IS NOT NULL
                             AND (o.expires_at IS NULL OR o.expires_at > ?))`,
      )
      .run(patientKey, patientKey, nowIso).changes;
  }
}
