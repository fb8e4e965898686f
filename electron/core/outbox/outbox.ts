import { randomUUID } from 'node:crypto';
import type { Environment } from '#shared/contract/app';
import {
  OperationState as OperationStateSchema,
  type OperationKind,
  type OperationState,
  type OperationView,
  type OutboxStatus,
} from '#shared/contract/outbox';
import { err, ok, type Result } from '#shared/result';
import type { KeyProtection, SecretBox } from '../crypto';
import { type Db, storage } from '../db';
import type { TokenSet } from '../ehealth';
import type { AuditActor, AuditLog } from '../kiosk';
import { isClientKind, isSignedKind, OPERATION_KINDS, type KindParams } from './kinds';
import { OutboxStore, type SealedPayload, type TransitionPatch } from './outbox-store';
import { generateReferenceCode, normalizeReferenceCode } from './reference-code';
import { SETTLED_STATES, toView, TRANSITIONS, type OperationRow, type StoredError } from './rows';
import { WorkerLease } from './lease';

export interface OutboxOptions {
  db: Db;
  /** The eHealth environment this outbox belongs to: it sees and makes only that environment's operations. */
  environment: Environment;
  box: SecretBox;
  audit: AuditLog;
  now?: () => Date;
  newId?: () => string;
  newReferenceCode?: () => string;
  keyProtection?: KeyProtection;
  keyWarning?: boolean;
  /** How long an operation may wait for delivery unless eHealth's own expiry is given. */
  defaultTtlMs?: number;
  /** How long a held operation waits for the patient's signature. */
  heldTtlMs?: number;
  /** Space reserved for a signature while an operation is held. */
  reserveBytes?: number;
}

interface Common {
  /** Whose act it is (pseudonymous); null only for kinds sent as the kiosk's client (a registration). */
  patientKey: string | null;
  flowId?: string;
  /** An earlier operation this one needs (e.g. the request it signs). */
  dependsOn?: string;
  expiresAt?: Date;
  /** Tokens to deliver with, saved (sealed) in the same transaction. */
  credentials?: TokenSet;
  /** The local change this operation belongs to: runs in the same SQLite transaction. */
  local?: (db: Db) => void;
  actor?: AuditActor;
}

export type EnqueueInput<K extends OperationKind> = Common & { kind: K; params: KindParams<K> };
export type HoldInput<K extends OperationKind> = Common & {
  kind: K;
  params: Partial<KindParams<K>>;
  reserveBytes?: number;
  /**
   * eHealth's own deadline for the act: when the request it signs expires at eHealth. Once signed
   * (`release`), the act waits for delivery until exactly then; only the unsigned hold may end sooner.
   */
  deadline?: Date;
};

export interface Settled {
  view: OperationView;
  /** eHealth's answer for a `done` operation settled in this process (never stored). */
  data?: unknown;
}

export type { TransitionPatch } from './outbox-store';

const HOUR = 3_600_000;

/**
 * The durable outbox. Every mutating eHealth call is stored here — sealed, in the same
 * transaction as the local change it belongs to and its audit entry — before the first attempt to
 * send it. States only move along `TRANSITIONS`; each change is audited (no personal data) and
 * pushed. The delivery worker (worker.ts) drives operations through the network.
 */
export class Outbox {
  readonly store: OutboxStore;
  private readonly now: () => Date;
  private readonly waiters = new Map<string, ((s: Settled) => void)[]>();
  private readonly listeners = new Set<(view: OperationView) => void>();

  constructor(private readonly opts: OutboxOptions) {
    this.store = new OutboxStore(opts.db, opts.box, opts.environment);
    this.now = opts.now ?? (() => new Date());
  }

  /** Called after every committed change (the host pushes it as `outboxChanged`; the worker wakes). */
  subscribe(listener: (view: OperationView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The pseudonymous key that groups a patient's operations (an HMAC of the eHealth person id). */
  patientKeyFor(personId: string): string {
    return this.opts.box.pseudonym(personId, 'outbox-patient');
  }

  saveCredentials(patientKey: string, tokens: TokenSet): Result<void> {
    return storage('save the patient tokens', () =>
      this.store.saveCredentials(patientKey, tokens, this.now().toISOString()),
    );
  }

  enqueue<K extends OperationKind>(input: EnqueueInput<K>): Result<OperationView> {
    const parsed = OPERATION_KINDS[input.kind].params.safeParse(input.params);
    if (!parsed.success) return err('BAD_REQUEST', `parameters do not fit operation ${input.kind}`);
    return this.insert(input, { kind: input.kind, params: parsed.data as Record<string, unknown> }, false);
  }

  /**
   * Stores an operation that still waits for the patient's signature, reserving room for it, so
   * that a full disk is reported before the patient signs. Send it with `release`.
   */
  hold<K extends OperationKind>(input: HoldInput<K>): Result<OperationView> {
    if (!isSignedKind(input.kind)) return err('BAD_REQUEST', `${input.kind} does not wait for a signature`);
    const reserve = input.reserveBytes ?? this.opts.reserveBytes ?? 64 * 1024;
    const payload: SealedPayload = {
      kind: input.kind,
      params: { ...input.params } as Record<string, unknown>,
      pad: 'x'.repeat(reserve),
      ...(input.deadline ? { deadline: input.deadline.toISOString() } : {}),
    };
    const heldUntil = new Date(this.now().getTime() + (this.opts.heldTtlMs ?? 0.5 * HOUR));
    const expiresAt =
      input.expiresAt ?? (input.deadline && input.deadline < heldUntil ? input.deadline : heldUntil);
    return this.insert({ ...input, expiresAt }, payload, true);
  }

  /**
   * Completes a held operation's parameters (the signature) and lets it be sent. From now on it
   * waits for delivery until eHealth's deadline given at `hold` (without one: the default term).
   * `revocationPending`: the signer's certificate status could not be learnt when it was signed —
   * the worker asks again before it sends it.
   */
  release(
    id: string,
    patch: Record<string, unknown>,
    actor: AuditActor = 'patient',
    o: { revocationPending?: boolean } = {},
  ): Result<OperationView> {
    const row = this.store.get(id);
    if (!row) return err('OPERATION_NOT_FOUND', 'no such operation');
    if (row.held !== 1 || row.state !== 'captured')
      return err('BAD_REQUEST', 'operation is not waiting for a signature');
    const read = this.store.readPayload(row);
    if (!read.ok) return err('STORAGE_FAILED', `operation cannot be read: ${read.reason}`);
    const params = { ...read.payload.params, ...patch };
    const parsed = OPERATION_KINDS[row.kind as OperationKind].params.safeParse(params);
    if (!parsed.success) return err('BAD_REQUEST', `parameters do not fit operation ${row.kind}`);
    const sealed = this.store.sealPayload(id, {
      kind: row.kind,
      params: parsed.data as Record<string, unknown>,
    });
    const at = this.now().toISOString();
    const deadline =
      typeof read.payload.deadline === 'string' && !Number.isNaN(Date.parse(read.payload.deadline))
        ? read.payload.deadline
        : new Date(this.now().getTime() + (this.opts.defaultTtlMs ?? 72 * HOUR)).toISOString();
    const result = storage('store the signed operation', () =>
      this.store.tx(() => {
        // free the reserved room first, so the signed payload is written into it (SQLite writes a
        // replacement value before freeing the old one: an in-place update would need both)
        if (!this.store.freeReservedPayload(id)) return null;
        this.store.storeSigned(id, sealed, at, deadline, o.revocationPending === true);
        this.opts.audit.append(actor, 'outbox.released', id, {
          kind: row.kind,
          deadline,
          ...(o.revocationPending ? { revocationCheck: 'pending' } : {}),
        });
        return this.reread(id);
      }),
    );
    if (!result.ok) return result;
    if (!result.value) return err('BAD_REQUEST', 'operation is not waiting for a signature');
    return ok(this.publish(result.value));
  }

  /** The signer's certificate was found good by OCSP: the operation may be sent (audited). */
  revocationChecked(id: string): Result<boolean> {
    return storage('record the certificate check', () =>
      this.store.tx(() => {
        const changed = this.store.clearRevocationCheck(id);
        if (changed) this.opts.audit.append('kiosk', 'outbox.revocation.good', id);
        return changed;
      }),
    );
  }

  /** The patient left without signing: the held operation ends as expired (audited, purged). */
  abandon(id: string, actor: AuditActor = 'kiosk'): Result<OperationView> {
    const row = this.store.get(id);
    if (!row) return err('OPERATION_NOT_FOUND', 'no such operation');
    if (row.held !== 1)
      return err('BAD_REQUEST', 'only an operation waiting for a signature can be abandoned');
    const v = this.transition(id, ['captured'], 'expired', { purge: true }, actor, 'outbox.abandoned');
    return v.ok && v.value ? ok(v.value) : v.ok ? err('BAD_REQUEST', 'operation changed meanwhile') : v;
  }

  get(id: string): OperationView | null {
    const r = this.store.get(id);
    return r ? toView(r) : null;
  }

  getByReference(code: string): OperationView | null {
    const canonical = normalizeReferenceCode(code);
    const r = canonical ? this.store.getByReference(canonical) : undefined;
    return r ? toView(r) : null;
  }

  list(opts: { states?: readonly OperationState[]; limit?: number } = {}): OperationView[] {
    return this.store.list(opts.states, Math.min(opts.limit ?? 50, 1000)).map(toView);
  }

  status(): OutboxStatus {
    const counts = this.store.counts();
    return {
      counts: Object.fromEntries(
        OperationStateSchema.options.map((s) => [s, counts[s] ?? 0]),
      ) as OutboxStatus['counts'],
      keyProtection: this.opts.keyProtection ?? 'key-file',
      keyWarning: this.opts.keyWarning ?? true,
      lastDeliveredAt: this.store.lastDeliveredAt(),
    };
  }

  /** Operator: send a rejected or needs-patient operation again (it still has its payload). */
  retry(id: string, actor: AuditActor): Result<OperationView> {
    const row = this.store.get(id);
    if (!row) return err('OPERATION_NOT_FOUND', 'no such operation');
    if (!['rejected', 'needs-patient'].includes(row.state) || !row.payload) {
      return err(
        'BAD_REQUEST',
        `an operation that is ${row.state}${row.payload ? '' : ' and purged'} cannot be retried`,
      );
    }
    const v = this.transition(
      id,
      ['rejected', 'needs-patient'],
      'waiting-network',
      { nextAttemptAt: this.now().toISOString(), error: null, lastErrorKind: null },
      actor,
      'outbox.retry',
    );
    return v.ok && v.value ? ok(v.value) : v.ok ? err('BAD_REQUEST', 'operation changed meanwhile') : v;
  }

  /** Operator: give up an operation that is not being sent right now. It ends rejected and purged. */
  discard(id: string, actor: AuditActor): Result<OperationView> {
    const row = this.store.get(id);
    if (!row) return err('OPERATION_NOT_FOUND', 'no such operation');
    if (row.state === 'sending')
      return err('NOT_AVAILABLE', 'the operation is being sent right now; try again shortly');
    if (row.state === 'done' || row.state === 'expired' || row.discarded_at) {
      return err('BAD_REQUEST', `an operation that is ${row.state} cannot be discarded`);
    }
    const v = this.transition(
      id,
      ['captured', 'waiting-network', 'needs-patient', 'rejected'],
      'rejected',
      {
        purge: true,
        discarded: true,
        error: row.error
          ? (JSON.parse(row.error) as StoredError)
          : { code: 'DISCARDED', message: 'discarded by the operator' },
      },
      actor,
      'outbox.discard',
    );
    return v.ok && v.value ? ok(v.value) : v.ok ? err('BAD_REQUEST', 'operation changed meanwhile') : v;
  }

  /** The patient signed in again: store their fresh tokens and send what waited for them. */
  resumePatient(patientKey: string, tokens: TokenSet): Result<number> {
    const saved = this.saveCredentials(patientKey, tokens);
    if (!saved.ok) return saved;
    let n = 0;
    for (const id of this.store.needsPatientIds(patientKey)) {
      const v = this.transition(
        id,
        ['needs-patient'],
        'waiting-network',
        { nextAttemptAt: this.now().toISOString(), error: null, lastErrorKind: null },
        'patient',
        'outbox.resumed',
      );
      if (v.ok && v.value) n++;
    }
    return ok(n);
  }

  /**
   * Forgets the patient's tokens now if no operation of theirs still needs them (at the end of a
   * session). Otherwise they stay until their last operation is delivered or reaches its deadline.
   */
  forgetCredentials(patientKey: string): Result<boolean> {
    return storage(
      'forget the patient tokens',
      () => this.store.dropUnusedCredentials(patientKey, this.now().toISOString()) > 0,
    );
  }

  /** Drops the tokens of every patient whose last undelivered act was delivered, purged or is past its deadline. */
  sweepCredentials(): Result<number> {
    return storage('forget unused tokens', () =>
      this.store.dropUnusedCredentials(null, this.now().toISOString()),
    );
  }

  /** Resolves when the operation is done, rejected, needs the patient, or expired. */
  whenSettled(id: string): Promise<Settled> {
    const r = this.store.get(id);
    if (!r) return Promise.reject(new Error('no such operation'));
    if (SETTLED_STATES.includes(r.state)) {
      return Promise.resolve({ view: toView(r) });
    }
    return new Promise((resolve) => {
      const list = this.waiters.get(id) ?? [];
      list.push(resolve);
      this.waiters.set(id, list);
    });
  }

  /**
   * Moves an operation to `to` if it is in one of `from` and the move is allowed, applying the
   * patch, auditing it and pushing the new view — all or nothing. Returns null when the row is
   * missing or not in an expected state (someone else moved it).
   */
  transition(
    id: string,
    from: readonly OperationState[],
    to: OperationState,
    patch: TransitionPatch,
    actor: AuditActor,
    action = 'outbox.state',
    data?: unknown,
  ): Result<OperationView | null> {
    const at = this.now().toISOString();
    const result = storage('record the operation state', () =>
      this.store.tx(() => {
        const row = this.store.get(id);
        if (!row || !from.includes(row.state)) return null;
        const same = row.state === to;
        if (!same && !TRANSITIONS[row.state].includes(to)) return null;
        if (!this.store.applyTransition(id, row.state, to, patch, at)) return null;
        // delivered or purged: the patient's tokens go with their last act that needed them
        if ((patch.purge || to === 'done') && row.patient_key)
          this.store.dropUnusedCredentials(row.patient_key, at);
        const code = patch.error?.code;
        this.opts.audit.append(actor, action, id, {
          kind: row.kind,
          from: row.state,
          to,
          attempts: row.attempts + (patch.attemptsIncrement ? 1 : 0),
          ...(code ? { code } : {}),
          ...(patch.purge || to === 'done' ? { purged: true } : {}),
        });
        return this.reread(id);
      }),
    );
    if (!result.ok) return result;
    if (!result.value) return ok(null);
    const view = this.publish(result.value);
    if (SETTLED_STATES.includes(to)) this.settle(id, { view, ...(data === undefined ? {} : { data }) });
    return ok(view);
  }

  private insert(
    input: Common & { kind: OperationKind },
    payload: SealedPayload,
    held: boolean,
  ): Result<OperationView> {
    // a patient's act needs their key (tokens, order, access); the kiosk's client acts carry none
    if (isClientKind(input.kind) !== (input.patientKey === null))
      return err('BAD_REQUEST', `${input.kind} ${input.patientKey === null ? 'needs' : 'takes no'} patient`);
    const id = this.opts.newId?.() ?? randomUUID();
    const now = this.now();
    const at = now.toISOString();
    const expiresAt = (
      input.expiresAt ?? new Date(now.getTime() + (this.opts.defaultTtlMs ?? 72 * HOUR))
    ).toISOString();
    const sealed = this.store.sealPayload(id, payload);
    const result = storage('store the operation', () =>
      this.store.tx(() => {
        input.local?.(this.opts.db);
        if (input.credentials && input.patientKey)
          this.store.saveCredentials(input.patientKey, input.credentials, at);
        let inserted = false;
        for (let tries = 0; !inserted; tries++) {
          try {
            this.store.insertOperation({
              id,
              referenceCode: this.opts.newReferenceCode?.() ?? generateReferenceCode(),
              kind: input.kind,
              held,
              patientKey: input.patientKey,
              flowId: input.flowId ?? null,
              dependsOn: input.dependsOn ?? null,
              idempotencyKey: randomUUID(),
              payload: sealed,
              at,
              expiresAt,
            });
            inserted = true;
          } catch (e) {
            // a reference code collision (1 in 34 billion) draws another code; anything else fails the write
            if (tries < 3 && /UNIQUE constraint failed: outbox_operations.reference_code/.test(String(e)))
              continue;
            throw e;
          }
        }
        this.opts.audit.append(input.actor ?? 'patient', 'outbox.captured', id, {
          kind: input.kind,
          ...(held ? { held: true } : {}),
        });
        return this.reread(id);
      }),
    );
    if (!result.ok) return result;
    return ok(this.publish(result.value));
  }

  /** The row just written in this transaction (it exists: the write succeeded). */
  private reread(id: string): OperationRow {
    const row = this.store.get(id);
    if (!row) throw new Error(`outbox: operation ${id} vanished inside its own transaction`);
    return row;
  }

  /**
   * The worker lease of this outbox's database (one delivery worker per database). The worker
   * takes it; the table is lease.ts's.
   */
  workerLease(
    owner: string,
    now: () => Date,
    staleMs?: number,
    alive?: (pid: number) => boolean,
  ): WorkerLease {
    return new WorkerLease(this.opts.db, owner, now, staleMs, alive);
  }

  private publish(row: OperationRow): OperationView {
    const view = toView(row);
    for (const l of [...this.listeners]) {
      try {
        l(view);
      } catch {
        // a failing listener must not undo or hide a committed change
      }
    }
    return view;
  }

  private settle(id: string, s: Settled): void {
    const list = this.waiters.get(id);
    if (!list) return;
    this.waiters.delete(id);
    for (const w of list) w(s);
  }
}
