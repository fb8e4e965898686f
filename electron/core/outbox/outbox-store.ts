import type { Environment } from '#shared/contract/app';
import type { OperationState } from '#shared/contract/outbox';
import type { SecretBox } from '../crypto';
import { queries, sql, sqlJoin, sqlList, type Db, type Queries, type Sql } from '../db';
import type { TokenSet } from '../ehealth';
import { isOperationKind } from './kinds';
import type { OperationRow, StoredError } from './rows';

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

/** Fields a transition may change besides the state. */
export interface TransitionPatch {
  attemptsIncrement?: boolean;
  nextAttemptAt?: string | null;
  lastErrorKind?: string | null;
  error?: StoredError | null;
  ehealthId?: string | null;
  purge?: boolean;
  discarded?: boolean;
  completed?: boolean;
}

/** A new row of outbox_operations (state `captured`), as `Outbox` builds it. */
export interface NewOperation {
  id: string;
  referenceCode: string;
  kind: string;
  held: boolean;
  /** Null only for an act sent as the kiosk's client (a registration). */
  patientKey: string | null;
  flowId: string | null;
  dependsOn: string | null;
  idempotencyKey: string;
  payload: Buffer;
  at: string;
  expiresAt: string;
}

/** Operations of an environment counted by state (what `kiosk status` reports). */
export function countByState(db: Db, environment: Environment): Record<string, number> {
  const rows = queries(db).all<{ state: string; n: number }>(
    sql`SELECT state, count(*) AS n FROM outbox_operations WHERE environment = ${environment} GROUP BY state`,
  );
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

/**
 * The owner of the tables outbox_operations and outbox_credentials: every statement on them is
 * here, and sealing. No state logic here (see outbox.ts: which move is allowed, auditing, pushing).
 *
 * A store belongs to one eHealth environment: every query sees only the rows made in it (and every
 * row it writes is stamped with it), so what the worker finds due, what a patient or the registrar
 * lists and what a receipt code finds are never another environment's operations. An UPDATE by id
 * is only ever made after reading that row through this store.
 */
export class OutboxStore {
  private readonly q: Queries;

  constructor(
    /** Tests plant and read rows through it; kiosk code goes through the methods (kiosk/table-owners). */
    readonly db: Db,
    private readonly box: SecretBox,
    readonly environment: Environment,
  ) {
    this.q = queries(db);
  }

  /** `fn` in one immediate transaction (the write lock taken at once). */
  tx<T>(fn: () => T): T {
    return this.q.tx(fn, 'immediate');
  }

  get(id: string): OperationRow | undefined {
    return this.q.one<OperationRow>(
      sql`SELECT * FROM outbox_operations WHERE id = ${id} AND environment = ${this.environment}`,
    );
  }

  getByReference(code: string): OperationRow | undefined {
    return this.q.one<OperationRow>(
      sql`SELECT * FROM outbox_operations WHERE reference_code = ${code} AND environment = ${this.environment}`,
    );
  }

  list(states: readonly OperationState[] | undefined, limit: number): OperationRow[] {
    if (states && states.length) {
      return this.q.all<OperationRow>(
        sql`SELECT * FROM outbox_operations WHERE environment = ${this.environment} AND state IN (${sqlList(states)})
           ORDER BY seq DESC LIMIT ${limit}`,
      );
    }
    return this.q.all<OperationRow>(
      sql`SELECT * FROM outbox_operations WHERE environment = ${this.environment} ORDER BY seq DESC LIMIT ${limit}`,
    );
  }

  counts(): Record<string, number> {
    return countByState(this.db, this.environment);
  }

  /** Signed or ready acts still waiting for delivery whose deadline is before `beforeIso`. */
  nearDeadline(beforeIso: string): number {
    return (
      this.q.value<number>(
        sql`SELECT count(*) AS n FROM outbox_operations
         WHERE environment = ${this.environment} AND held = 0 AND expires_at IS NOT NULL AND expires_at <= ${beforeIso}
           AND state IN ('captured', 'waiting-network', 'sending', 'needs-patient')`,
      ) ?? 0
    );
  }

  lastDeliveredAt(): string | null {
    return (
      this.q.value<string | null>(
        sql`SELECT max(completed_at) AS at FROM outbox_operations WHERE state = 'done' AND environment = ${this.environment}`,
      ) ?? null
    );
  }

  /**
   * Operations that may be sent now: ready (not held), due, and first in line for their patient —
   * an earlier operation of the same patient that is still pending (even held or in flight) keeps
   * the later ones waiting; settled ones do not.
   */
  due(nowIso: string, limit: number): OperationRow[] {
    return this.q.all<OperationRow>(
      sql`SELECT o.* FROM outbox_operations o
         WHERE o.environment = ${this.environment} AND o.state IN ('captured', 'waiting-network') AND o.held = 0
           AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ${nowIso})
           AND NOT EXISTS (
             SELECT 1 FROM outbox_operations p
             WHERE p.environment = o.environment AND p.patient_key = o.patient_key AND p.seq < o.seq
               AND p.state IN ('captured', 'waiting-network', 'sending'))
         ORDER BY o.seq LIMIT ${limit}`,
    );
  }

  /** Ready operations that have never been tried (captured), first in line for their patient. */
  readyCaptured(): OperationRow[] {
    return this.q.all<OperationRow>(
      sql`SELECT * FROM outbox_operations WHERE environment = ${this.environment} AND state = 'captured' AND held = 0 ORDER BY seq`,
    );
  }

  /** The ids of operations in `state`, oldest first (e.g. sends interrupted by a stop). */
  idsInState(state: OperationState): string[] {
    return this.q
      .all<{ id: string }>(
        sql`SELECT id FROM outbox_operations WHERE environment = ${this.environment} AND state = ${state} ORDER BY seq`,
      )
      .map((r) => r.id);
  }

  /** The patient's operations that wait for them (signed in again) and still carry their payload. */
  needsPatientIds(patientKey: string): string[] {
    return this.q
      .all<{ id: string }>(
        sql`SELECT id FROM outbox_operations WHERE environment = ${this.environment} AND patient_key = ${patientKey}
         AND state = 'needs-patient' AND payload IS NOT NULL ORDER BY seq`,
      )
      .map((r) => r.id);
  }

  /** The next moment something becomes due (a retry or an expiry), or null when nothing waits. */
  nextWakeAt(): string | null {
    return (
      this.q.value<string | null>(
        sql`SELECT min(t) AS at FROM (
           SELECT next_attempt_at AS t FROM outbox_operations
             WHERE environment = ${this.environment} AND state IN ('captured', 'waiting-network') AND held = 0
               AND next_attempt_at IS NOT NULL
           UNION ALL
           SELECT expires_at AS t FROM outbox_operations
             WHERE environment = ${this.environment} AND expires_at IS NOT NULL
               AND (state IN ('captured', 'waiting-network', 'needs-patient')
                 OR (state = 'rejected' AND payload IS NOT NULL)))`,
      ) ?? null
    );
  }

  anyReadyWithoutSchedule(): boolean {
    return (
      this.q.one(
        sql`SELECT 1 FROM outbox_operations WHERE environment = ${this.environment} AND state IN ('captured', 'waiting-network')
           AND held = 0 AND next_attempt_at IS NULL LIMIT 1`,
      ) !== undefined
    );
  }

  expiredIds(nowIso: string): { id: string; state: OperationState; expires_at: string }[] {
    return this.q.all<{ id: string; state: OperationState; expires_at: string }>(
      sql`SELECT id, state, expires_at FROM outbox_operations
         WHERE environment = ${this.environment} AND expires_at IS NOT NULL AND expires_at <= ${nowIso}
           AND (state IN ('captured', 'waiting-network', 'needs-patient') OR (state = 'rejected' AND payload IS NOT NULL))
         ORDER BY seq`,
    );
  }

  /** Stores a new operation; a reference code already taken throws (SQLite's UNIQUE constraint). */
  insertOperation(o: NewOperation): void {
    this.q.run(
      sql`INSERT INTO outbox_operations (id, reference_code, kind, state, held, patient_key, flow_id, depends_on,
                   idempotency_key, payload, created_at, updated_at, expires_at, environment)
                 VALUES (${o.id}, ${o.referenceCode}, ${o.kind}, 'captured', ${o.held ? 1 : 0}, ${o.patientKey},
                   ${o.flowId}, ${o.dependsOn}, ${o.idempotencyKey}, ${o.payload}, ${o.at}, ${o.at}, ${o.expiresAt},
                   ${this.environment})`,
    );
  }

  /**
   * Frees a held operation's reserved room (its payload) so that the signed payload is written
   * into it; false when it is no longer held and captured.
   */
  freeReservedPayload(id: string): boolean {
    return (
      this.q.run(
        sql`UPDATE outbox_operations SET payload = NULL WHERE id = ${id} AND held = 1 AND state = 'captured'`,
      ).changes === 1
    );
  }

  /** The signed payload of a held operation, which may now be sent (until `deadline`). */
  storeSigned(id: string, sealed: Buffer, at: string, deadline: string, revocationPending: boolean): void {
    this.q.run(
      sql`UPDATE outbox_operations SET payload = ${sealed}, held = 0, updated_at = ${at}, expires_at = ${deadline},
          revocation_check = ${revocationPending ? 'pending' : null} WHERE id = ${id}`,
    );
  }

  /** The signer's certificate was found good: false when no check was pending. */
  clearRevocationCheck(id: string): boolean {
    return (
      this.q.run(
        sql`UPDATE outbox_operations SET revocation_check = NULL WHERE id = ${id} AND revocation_check = 'pending'`,
      ).changes === 1
    );
  }

  /**
   * Writes a change of state decided by `Outbox.transition`: the row moves from `from` to `to`
   * with the patch; false when it was no longer in `from`. A purge (or delivery) drops the payload
   * and, once settled for good, the patient key.
   */
  applyTransition(
    id: string,
    from: OperationState,
    to: OperationState,
    patch: TransitionPatch,
    at: string,
  ): boolean {
    const sets: Sql[] = [sql`state = ${to}`, sql`updated_at = ${at}`];
    if (patch.attemptsIncrement) sets.push(sql`attempts = attempts + 1`);
    if (patch.nextAttemptAt !== undefined) sets.push(sql`next_attempt_at = ${patch.nextAttemptAt}`);
    if (patch.lastErrorKind !== undefined) sets.push(sql`last_error_kind = ${patch.lastErrorKind}`);
    if (patch.error !== undefined)
      sets.push(sql`error = ${patch.error ? JSON.stringify(patch.error) : null}`);
    if (patch.ehealthId !== undefined) sets.push(sql`ehealth_id = ${patch.ehealthId}`);
    if (patch.completed) sets.push(sql`completed_at = ${at}`);
    if (patch.discarded) sets.push(sql`discarded_at = ${at}`);
    if (patch.purge || to === 'done') {
      sets.push(sql`payload = NULL`, sql`held = 0`, sql`next_attempt_at = NULL`, sql`purged_at = ${at}`);
      if (to === 'done' || to === 'expired' || patch.discarded) sets.push(sql`patient_key = NULL`);
    }
    return (
      this.q.run(
        sql`UPDATE outbox_operations SET ${sqlJoin(sets, ', ')} WHERE id = ${id} AND state = ${from}`,
      ).changes === 1
    );
  }

  /** The link is back: what waits for lack of network is due at `nowIso`, not after its backoff. */
  rescheduleNetworkWaits(nowIso: string): void {
    this.q.run(
      sql`UPDATE outbox_operations SET next_attempt_at = ${nowIso}
           WHERE environment = ${this.environment} AND state = 'waiting-network' AND last_error_kind = 'network'
             AND next_attempt_at > ${nowIso}`,
    );
  }

  /** Looks at an operation again at `atIso` (no change of state). */
  postpone(id: string, atIso: string): void {
    this.q.run(sql`UPDATE outbox_operations SET next_attempt_at = ${atIso} WHERE id = ${id}`);
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
    const sealed = this.box.sealJson(tokens, credentialsLabel(patientKey));
    this.q.run(
      sql`INSERT INTO outbox_credentials (patient_key, tokens, updated_at) VALUES (${patientKey}, ${sealed}, ${nowIso})
         ON CONFLICT(patient_key) DO UPDATE SET tokens = excluded.tokens, updated_at = excluded.updated_at`,
    );
  }

  loadCredentials(patientKey: string): TokenSet | null {
    const tokens = this.q.value<Buffer>(
      sql`SELECT tokens FROM outbox_credentials WHERE patient_key = ${patientKey}`,
    );
    if (!tokens) return null;
    try {
      const t = this.box.openJson(tokens, credentialsLabel(patientKey)) as Partial<TokenSet>;
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
    return this.q.run(
      sql`DELETE FROM outbox_credentials
         WHERE (${patientKey} IS NULL OR patient_key = ${patientKey})
           AND NOT EXISTS (SELECT 1 FROM outbox_operations o
                           WHERE o.patient_key = outbox_credentials.patient_key AND o.payload IS NOT NULL
                             AND (o.expires_at IS NULL OR o.expires_at > ${nowIso}))`,
    ).changes;
  }
}
