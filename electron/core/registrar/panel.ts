import type { Connectivity, ConnectivityCause } from '#shared/contract/app';
import type { OperationState } from '#shared/contract/outbox';
import type { AuditEntryView, RegistrarOperation, RegistrarOverview } from '#shared/contract/registrar';
import { err, ok, type Result } from '#shared/result';
import type { KeyProtection } from '../crypto';
import type { DirectoryService } from '../directory';
import { SKEW_WARNING_MS } from '../ehealth';
import type { Logger } from '../log';
import { type Outbox, toView, type OperationRow } from '../outbox';
import type { AuditLog, SettingsStore } from '../kiosk';
import type { TrustStore } from './trust-store';

export interface PanelPorts {
  version: string;
  audit: AuditLog;
  settings: SettingsStore;
  trust: TrustStore;
  log: Logger;
  /** Read at call time: the eHealth backend (and with it these) can be switched by the registrar. */
  outbox: () => Outbox;
  directory: () => DirectoryService;
  connectivity: () => Connectivity;
  /** Why the link is not online, and eHealth's clock offset (ms) as measured from its answers. */
  link: () => { cause: ConnectivityCause | null; clockOffsetMs: number | null };
  keyProtection: () => { protection: KeyProtection; warning: boolean };
  canQuit: () => boolean;
  now: () => Date;
}

/** Acts this close to their deadline are pointed out to the registrar. */
export const DEADLINE_WARNING_MS = 24 * 3_600_000;
const WAITING: readonly OperationState[] = ['captured', 'waiting-network', 'sending', 'needs-patient'];

const RETRYABLE: readonly OperationState[] = ['rejected', 'needs-patient'];
const DISCARDABLE: readonly OperationState[] = ['captured', 'waiting-network', 'needs-patient', 'rejected'];

/** "П-3F9A": the first characters of the outbox's patient pseudonym — groups one patient's rows, names nobody. */
const patientTag = (patientKey: string | null): string | null =>
  patientKey ? `П-${patientKey.slice(0, 4).toUpperCase()}` : null;

export function registrarOperation(row: OperationRow, now: Date): RegistrarOperation {
  const v = toView(row);
  const waiting = WAITING.includes(v.state) && !v.held;
  return {
    id: v.id,
    referenceCode: v.referenceCode,
    kind: v.kind,
    state: v.state,
    held: v.held,
    attempts: v.attempts,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
    discarded: v.discarded,
    errorCode: v.error?.code ?? null,
    deadline: v.expiresAt,
    nearDeadline:
      waiting && v.expiresAt !== null && Date.parse(v.expiresAt) - now.getTime() <= DEADLINE_WARNING_MS,
    patient: patientTag(row.patient_key),
    canRetry: RETRYABLE.includes(v.state) && row.payload !== null,
    canDiscard: DISCARDABLE.includes(v.state) && !v.discarded,
  };
}

/** The registrar panel's read views and outbox/directory actions; every action is audited by its service. */
export class RegistrarPanel {
  constructor(private readonly p: PanelPorts) {}

  overview(): RegistrarOverview {
    const status = this.p.outbox().status();
    const environment = this.p.settings.get().environment;
    const key = this.p.keyProtection();
    const link = this.p.link();
    const soon = new Date(this.p.now().getTime() + DEADLINE_WARNING_MS).toISOString();
    return {
      version: this.p.version,
      environment,
      trainingMode: environment === 'training',
      connectivity: this.p.connectivity(),
      connectivityCause: link.cause,
      clockOffsetSeconds: link.clockOffsetMs === null ? null : Math.round(link.clockOffsetMs / 1000),
      clockWarning: link.clockOffsetMs !== null && Math.abs(link.clockOffsetMs) > SKEW_WARNING_MS,
      keyProtection: key.protection,
      keyWarning: key.warning,
      outbox: status.counts,
      lastDeliveredAt: status.lastDeliveredAt,
      nearDeadline: this.p.outbox().store.nearDeadline(soon),
      directory: this.p.directory().status(),
      trustList: this.p.trust.info(),
      canQuit: this.p.canQuit(),
    };
  }

  operations(states: readonly OperationState[] | undefined, limit: number): RegistrarOperation[] {
    const now = this.p.now();
    return this.p
      .outbox()
      .store.list(states, limit)
      .map((row) => registrarOperation(row, now));
  }

  retry(id: string, registrarId: string): Result<RegistrarOperation> {
    return this.act(id, (o) => o.retry(id, `registrar:${registrarId}`));
  }

  discard(id: string, registrarId: string): Result<RegistrarOperation> {
    return this.act(id, (o) => o.discard(id, `registrar:${registrarId}`));
  }

  syncDirectory(registrarId: string): Result<{ started: boolean }> {
    const directory = this.p.directory();
    if (directory.syncing) return ok({ started: false });
    const running = directory.sync();
    this.p.audit.append(`registrar:${registrarId}`, 'registrar.directory.sync');
    void running.then((r) => {
      if (!r.ok) this.p.log.warn({ code: r.error.code }, 'directory sync started by a registrar failed');
    });
    return ok({ started: true });
  }

  audit(limit: number, beforeSeq: number | undefined): AuditEntryView[] {
    return this.p.audit.list(limit, beforeSeq).map((e) => ({
      seq: e.seq,
      at: e.at,
      actor: e.actor,
      action: e.action,
      subject: e.subject,
      detail: e.detail,
      hash: e.hash,
    }));
  }

  verifyAudit(registrarId: string): { ok: boolean; entries: number; brokenAt: number | null } {
    const r = this.p.audit.verify();
    // the check itself is recorded after it ran, so it does not change what it checked
    this.p.audit.append(`registrar:${registrarId}`, 'registrar.audit.verify', null, {
      ok: r.ok,
      entries: r.entries,
    });
    return { ok: r.ok, entries: r.entries, brokenAt: r.ok ? null : r.brokenAt };
  }

  private act(id: string, action: (o: Outbox) => Result<unknown>): Result<RegistrarOperation> {
    const outbox = this.p.outbox();
    const r = action(outbox);
    if (!r.ok) return r;
    const row = outbox.store.get(id);
    return row ? ok(registrarOperation(row, this.p.now())) : err('OPERATION_NOT_FOUND', 'no such operation');
  }
}
