import { randomUUID } from 'node:crypto';
import type { Connectivity } from '#shared/contract/app';
import { err, ok, type Result } from '#shared/result';
import {
  type EhealthClient,
  type EhealthFailureDetails,
  PatientTokens,
  type Renew,
  type TokenSet,
} from '../ehealth';
import type { RevocationStatus, ParsedCertificate } from '../esign';
import type { Logger } from '../log';
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from './backoff';
import { realTimers, type Timers } from '../kiosk';
import { buildRequest, isClientKind, type ClientCredentials } from './kinds';
import type { WorkerLease } from './lease';
import type { Outbox } from './outbox';
import { revocationCleared } from './revocation-gate';
import type { OperationRow, StoredError } from './rows';

export interface ConnectivitySource {
  state(): Connectivity;
  onChange(listener: (state: Connectivity) => void): () => void;
}

export interface WorkerOptions {
  outbox: Outbox;
  client: EhealthClient;
  /** Renews a patient's access token (POST /oauth/tokens). */
  renew: Renew;
  connectivity?: ConnectivitySource;
  now?: () => Date;
  random?: () => number;
  timers?: Timers;
  backoff?: BackoffPolicy;
  /** Operations sent at the same time (always at most one per patient). */
  maxParallel?: number;
  log?: Logger;
  leaseStaleMs?: number;
  heartbeatMs?: number;
  /** Longest sleep between looks at the queue (changes made by other processes). */
  pollMs?: number;
  isProcessAlive?: (pid: number) => boolean;
  /** OCSP for signed acts queued while their signer's certificate status was not known. */
  revocation?: { check(certificate: ParsedCertificate): Promise<RevocationStatus> } | null;
}

/** States an operation is sent from. */
const FROM_READY = ['captured', 'waiting-network'] as const;

type Built = NonNullable<ReturnType<typeof buildRequest>>;
type CallError = Extract<Awaited<ReturnType<EhealthClient['call']>>, { ok: false }>['error'];

/** What an operation needs to be sent: its request and, for a patient's act, the patient's tokens. */
interface Ready {
  built: Built;
  credentials: TokenSet | null;
  patientKey: string | null;
}

const errorOf = (e: { code: string; message: string; details?: Record<string, unknown> }): StoredError => ({
  code: e.code,
  message: e.message,
  ehealth: (e.details as EhealthFailureDetails | undefined)?.ehealth ?? null,
});

/**
 * Sends due operations to eHealth: one at a time per patient, in their order, patients in
 * parallel. Network errors, 5xx and 429 come back later (exponential backoff with full jitter,
 * never before Retry-After); 401 renews the token once inside the client; a refused refresh ends
 * as needs-patient; other refusals end as rejected with eHealth's error; operations past their
 * expiry end as expired. Every request carries the operation's idempotency key, so a send
 * repeated after a crash is applied once.
 */
export class DeliveryWorker {
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly timers: Timers;
  private readonly lease: WorkerLease;
  private readonly inFlight = new Map<string, Promise<void>>();
  private running = false;
  private pumping = false;
  private again = false;
  private wakeTimer: unknown = null;
  private heartbeatTimer: unknown = null;
  private readonly unsubscribe: (() => void)[] = [];
  private lastConnectivity: Connectivity;
  /** After a storage failure (disk full, locked) the worker pauses instead of spinning. */
  private pausedUntil = 0;

  constructor(private readonly opts: WorkerOptions) {
    this.now = opts.now ?? (() => new Date());
    this.random = opts.random ?? Math.random;
    this.timers = opts.timers ?? realTimers;
    this.lease = opts.outbox.workerLease(
      `worker:${process.pid}:${randomUUID()}`,
      this.now,
      opts.leaseStaleMs,
      opts.isProcessAlive,
    );
    this.lastConnectivity = opts.connectivity?.state() ?? 'online';
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Takes the worker lease, returns interrupted sends to the queue and starts delivering. */
  start(): Result<void> {
    if (this.running) return ok(undefined);
    if (!this.lease.acquire())
      return err('SESSION_BUSY', 'another delivery worker is running on this database');
    this.running = true;
    this.recoverInterrupted();
    this.unsubscribe.push(
      this.opts.outbox.subscribe((v) => {
        if ((v.state === 'captured' && !v.held) || v.state === 'waiting-network') this.wake();
      }),
    );
    if (this.opts.connectivity) {
      this.unsubscribe.push(this.opts.connectivity.onChange((s) => this.onConnectivity(s)));
    }
    this.scheduleHeartbeat();
    this.wake();
    return ok(undefined);
  }

  /** Stops taking new work and waits for the sends in flight to finish. */
  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe.splice(0).forEach((u) => u());
    if (this.wakeTimer !== null) this.timers.clearTimeout(this.wakeTimer);
    if (this.heartbeatTimer !== null) this.timers.clearTimeout(this.heartbeatTimer);
    this.wakeTimer = this.heartbeatTimer = null;
    await Promise.allSettled([...this.inFlight.values()]);
    this.lease.release();
  }

  wake(): void {
    if (!this.running) return;
    setImmediate(() => this.pump());
  }

  /** Resolves when nothing is in flight and nothing is due right now (tests, CLI). */
  async idle(): Promise<void> {
    for (;;) {
      this.pump();
      if (this.inFlight.size === 0) return;
      await Promise.allSettled([...this.inFlight.values()]);
    }
  }

  private onConnectivity(state: Connectivity): void {
    const wasDown = this.lastConnectivity !== 'online';
    this.lastConnectivity = state;
    if (state === 'online' && wasDown) {
      // the link is back: what failed for lack of network is due now, not after its backoff
      this.opts.outbox.store.rescheduleNetworkWaits(this.now().toISOString());
    }
    this.wake();
  }

  private recoverInterrupted(): void {
    const at = this.now().toISOString();
    for (const id of this.opts.outbox.store.idsInState('sending')) {
      this.opts.outbox.transition(
        id,
        ['sending'],
        'waiting-network',
        { nextAttemptAt: at },
        'kiosk',
        'outbox.recovered',
      );
    }
  }

  private scheduleHeartbeat(): void {
    this.heartbeatTimer = this.timers.setTimeout(() => {
      if (!this.running) return;
      let held: boolean;
      try {
        held = this.lease.heartbeat();
      } catch (e) {
        this.opts.log?.error({ err: e }, 'outbox worker could not refresh its lease');
        this.scheduleHeartbeat();
        return;
      }
      if (!held) {
        this.opts.log?.error('outbox worker lost its lease; stopping');
        void this.stop();
        return;
      }
      this.scheduleHeartbeat();
    }, this.opts.heartbeatMs ?? 10_000);
  }

  private pump(): void {
    if (!this.running) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.again = false;
        this.expireDue();
        if (this.now().getTime() < this.pausedUntil) break;
        const link = this.opts.connectivity?.state() ?? 'online';
        if (link === 'offline') {
          this.park();
          break;
        }
        const free = (this.opts.maxParallel ?? 4) - this.inFlight.size;
        if (free <= 0) break;
        const due = this.opts.outbox.store
          .due(this.now().toISOString(), free + this.inFlight.size)
          .filter((r) => !this.inFlight.has(r.id))
          .slice(0, free);
        for (const row of due) {
          const p = this.deliver(row)
            .catch((e: unknown) =>
              this.opts.log?.error({ err: e, op: row.id }, 'outbox delivery failed unexpectedly'),
            )
            .finally(() => {
              this.inFlight.delete(row.id);
              this.wake();
            });
          this.inFlight.set(row.id, p);
        }
      } while (this.again);
      this.scheduleWake();
    } catch (e) {
      // storage trouble (disk full, locked, closed): keep the process alive and try again later
      this.pausedUntil = this.now().getTime() + 5_000;
      this.opts.log?.error({ err: e }, 'outbox worker could not read the queue');
      this.retryLater();
    } finally {
      this.pumping = false;
    }
  }

  private retryLater(): void {
    if (!this.running) return;
    if (this.wakeTimer !== null) this.timers.clearTimeout(this.wakeTimer);
    this.wakeTimer = this.timers.setTimeout(() => {
      this.wakeTimer = null;
      this.pump();
    }, 5_000);
  }

  /** Offline: never-tried operations show that they are waiting for the network. */
  private park(): void {
    for (const row of this.opts.outbox.store.readyCaptured()) {
      this.move(row.id, ['captured'], 'waiting-network', { lastErrorKind: 'network' }, 'kiosk');
    }
  }

  private expireDue(): void {
    this.opts.outbox.sweepCredentials();
    const nowIso = this.now().toISOString();
    for (const { id, state, expires_at: deadline } of this.opts.outbox.store.expiredIds(nowIso)) {
      if (this.inFlight.has(id)) continue;
      if (state === 'rejected') {
        this.move(id, ['rejected'], 'rejected', { purge: true }, 'kiosk', 'outbox.purged');
      } else {
        this.move(
          id,
          ['captured', 'waiting-network', 'needs-patient'],
          'expired',
          {
            purge: true,
            // terminal, with its reason: the row and its reference code stay for the registrar
            error: { code: 'EXPIRED', message: `not delivered before its deadline (${deadline})` },
          },
          'kiosk',
          'outbox.expired',
        );
      }
    }
  }

  private scheduleWake(): void {
    if (!this.running) return;
    if (this.wakeTimer !== null) this.timers.clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    const paused = this.pausedUntil - this.now().getTime();
    const next = this.opts.outbox.store.nextWakeAt();
    const untilNext = next === null ? Infinity : Date.parse(next) - this.now().getTime();
    // even with nothing scheduled, look again now and then: the operator CLI may change rows
    // from another process (retry), which cannot wake this worker directly
    const ms = Math.max(5, paused, Math.min(untilNext, this.opts.pollMs ?? 30_000));
    this.wakeTimer = this.timers.setTimeout(() => {
      this.wakeTimer = null;
      this.pump();
    }, ms);
  }

  private clientCredentials(): ClientCredentials | null {
    const { clientId, clientSecret, scope } = this.opts.client.config;
    return clientId && clientSecret ? { clientId, clientSecret, scope: scope ?? '' } : null;
  }

  /** Records a state change; a failed write (disk full, locked) pauses the worker instead of spinning. */
  private readonly move: Outbox['transition'] = (...args) => {
    const r = this.opts.outbox.transition(...args);
    if (!r.ok) {
      this.pausedUntil = this.now().getTime() + 5_000;
      this.opts.log?.error({ op: args[0], code: r.error.code }, 'outbox could not record a state change');
    }
    return r;
  };

  private async deliver(row: OperationRow): Promise<void> {
    const ready = await this.prepare(row);
    if (!ready) return;
    const claimed = this.move(row.id, FROM_READY, 'sending', { attemptsIncrement: true }, 'kiosk');
    if (!claimed.ok || !claimed.value) return;
    const tokens = this.tokensFor(row, ready);
    const res = await this.send(row, ready.built, tokens);
    if (res.ok) this.settleDone(row, ready.built, res.value.data);
    else this.settleFailure(row, claimed.value.attempts, res.error, tokens !== null);
  }

  /**
   * Everything that must hold before an operation is sent: a readable payload that fits its kind,
   * a settled step it depends on, the patient's tokens and (when pending) its signer's certificate
   * status. Null when it is not to be sent now — moved, postponed or still waiting.
   */
  private async prepare(row: OperationRow): Promise<Ready | null> {
    const { outbox } = this.opts;
    const corrupt = (reason: string) =>
      void this.move(
        row.id,
        FROM_READY,
        'rejected',
        {
          purge: true,
          error: { code: 'STORAGE_FAILED', message: `the stored operation is unusable: ${reason}` },
        },
        'kiosk',
        'outbox.corrupt',
      );

    const read = outbox.store.readPayload(row);
    if (!read.ok) {
      corrupt(read.reason);
      return null;
    }
    // a registration goes as the kiosk's client: its id and secret are added now, never stored
    const asClient = isClientKind(row.kind);
    const client = asClient ? this.clientCredentials() : null;
    if (asClient && !client) {
      this.move(
        row.id,
        FROM_READY,
        'rejected',
        { error: { code: 'NOT_AVAILABLE', message: 'the eHealth client id and secret are not configured' } },
        'kiosk',
      );
      return null;
    }
    const built = buildRequest(row.kind, read.payload.params, client);
    if (!built) {
      corrupt('parameters do not fit the kind');
      return null;
    }
    if (!row.patient_key && !asClient) {
      corrupt('no patient');
      return null;
    }
    if (row.depends_on && !this.dependencySettled(row, row.depends_on, corrupt)) return null;

    const credentials = row.patient_key ? outbox.store.loadCredentials(row.patient_key) : null;
    if (!credentials && !asClient) {
      this.move(
        row.id,
        FROM_READY,
        'needs-patient',
        { error: { code: 'EHEALTH_UNAUTHORIZED', message: 'no patient tokens to deliver with' } },
        'kiosk',
      );
      return null;
    }

    if (row.revocation_check === 'pending') {
      const cleared = await revocationCleared(
        {
          outbox,
          move: this.move,
          revocation: this.opts.revocation ?? null,
          retryAt: (attempt) =>
            new Date(
              this.now().getTime() + retryDelayMs(attempt, this.opts.backoff ?? DEFAULT_BACKOFF, this.random),
            ),
        },
        row,
        read.payload.params,
      );
      if (!cleared) return null;
    }
    return { built, credentials, patientKey: row.patient_key };
  }

  /**
   * Whether the step this operation depends on allows it to go now: done, or waiting for the
   * patient (then so does this one). A failed step fails it; a step still pending postpones it.
   */
  private dependencySettled(
    row: OperationRow,
    dependsOn: string,
    corrupt: (reason: string) => void,
  ): boolean {
    const dep = this.opts.outbox.store.get(dependsOn);
    if (!dep) {
      corrupt('the step it depends on is missing');
      return false;
    }
    if (dep.state === 'rejected' || dep.state === 'expired') {
      this.move(
        row.id,
        FROM_READY,
        'rejected',
        { error: { code: 'EHEALTH_REJECTED', message: 'an earlier step of this action failed' } },
        'kiosk',
      );
      return false;
    }
    if (dep.state !== 'done' && dep.state !== 'needs-patient') {
      // not a settled predecessor yet: look again shortly rather than spinning on it
      this.opts.outbox.store.postpone(row.id, new Date(this.now().getTime() + 1_000).toISOString());
      return false;
    }
    if (dep.state === 'needs-patient') {
      this.move(
        row.id,
        FROM_READY,
        'needs-patient',
        { error: { code: 'EHEALTH_UNAUTHORIZED', message: 'an earlier step waits for the patient' } },
        'kiosk',
      );
      return false;
    }
    return true;
  }

  /** The patient's tokens to send with (renewed ones are kept); null for an act the kiosk sends as its client. */
  private tokensFor(row: OperationRow, ready: Ready): PatientTokens | null {
    const { credentials, patientKey } = ready;
    if (!credentials || !patientKey) return null;
    return new PatientTokens(
      credentials,
      this.opts.renew,
      (set) => {
        const saved = this.opts.outbox.saveCredentials(patientKey, set);
        if (!saved.ok)
          this.opts.log?.warn({ op: row.id, code: saved.error.code }, 'could not store renewed tokens');
      },
      this.now,
    );
  }

  /** One attempt at eHealth with the operation's idempotency key. */
  private send(
    row: OperationRow,
    built: Built,
    tokens: PatientTokens | null,
  ): ReturnType<EhealthClient['call']> {
    const { request } = built;
    return this.opts.client.call({
      method: request.method,
      path: request.path,
      ...(request.body === undefined ? {} : { body: request.body }),
      auth: tokens ?? 'api-key',
      idempotencyKey: row.idempotency_key,
    });
  }

  private settleDone(row: OperationRow, built: Built, data: unknown): void {
    this.move(
      row.id,
      ['sending'],
      'done',
      { ehealthId: built.ehealthId(data), completed: true, error: null, lastErrorKind: null },
      'kiosk',
      'outbox.state',
      data,
    );
  }

  /**
   * A retryable failure comes back after its backoff; a patient's refused token waits for the
   * patient; the rest is rejected.
   */
  private settleFailure(row: OperationRow, attempt: number, error: CallError, asPatient: boolean): void {
    const d = error.details;
    if (d.retryable) {
      const delay = retryDelayMs(
        attempt,
        this.opts.backoff ?? DEFAULT_BACKOFF,
        this.random,
        d.retryAfterSeconds,
      );
      this.move(
        row.id,
        ['sending'],
        'waiting-network',
        {
          nextAttemptAt: new Date(this.now().getTime() + delay).toISOString(),
          lastErrorKind: d.network
            ? 'network'
            : d.status === 429
              ? 'rate-limit'
              : d.idempotencyInFlight
                ? 'in-flight'
                : 'server',
          error: errorOf(error),
        },
        'kiosk',
      );
      return;
    }
    // only a patient's act can wait for the patient; the kiosk's own refusals end it
    const to = error.code === 'EHEALTH_UNAUTHORIZED' && asPatient ? 'needs-patient' : 'rejected';
    this.move(row.id, ['sending'], to, { error: errorOf(error), lastErrorKind: null }, 'kiosk');
  }
}
