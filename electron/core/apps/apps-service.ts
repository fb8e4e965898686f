import type { AppAccess, AppsList } from '#shared/contract/apps';
import type { ActionOutcome, PendingAction } from '#shared/contract/declarations';
import { err, ok, type Result } from '#shared/result';
import type { PatientContext, PatientPort } from '../session';
import type { App } from '../ehealth';
import { outcomeOf, publicFailure, waitForOperation, type Outbox } from '../outbox';
import type { ReceiptFacts } from '../receipts';

export interface AppsServiceOptions {
  patient: PatientPort;
  outbox: Outbox;
  receipts: { remember(operationId: string, facts: ReceiptFacts): void };
  session: { onEnd(cleanup: () => void): () => void };
  /** How long a revocation waits for eHealth before the patient is told "queued" (default 8 s). */
  settleWaitMs?: number;
}

const PAGE_SIZE = 100;

/**
 * The e-cabinets with access to the patient's data, and revoking that access through the outbox
 * (DELETE is naturally idempotent, so a revocation queued offline is simply delivered later).
 */
export class AppsService {
  private sessionId: string | null = null;
  private apps: App[] | null = null;
  /** App id → its revocation queued in this session. */
  private readonly revocations = new Map<string, string>();

  constructor(private readonly opts: AppsServiceOptions) {
    opts.session.onEnd(() => this.forget());
  }

  forget(): void {
    this.sessionId = null;
    this.apps = null;
    this.revocations.clear();
  }

  private own(ctx: PatientContext): void {
    if (this.sessionId !== ctx.sessionId) {
      this.forget();
      this.sessionId = ctx.sessionId;
    }
  }

  async list(): Promise<Result<AppsList>> {
    const ctx = this.opts.patient.requireView();
    if (!ctx.ok) return ctx;
    this.own(ctx.value);
    const tokens = this.opts.patient.tokens();
    if (!tokens) return err('NO_SESSION', 'the patient session holds no eHealth tokens');
    const read = await this.opts.patient.pis().apps.list(tokens, { page_size: PAGE_SIZE });
    let stale = false;
    if (read.ok) this.apps = read.value.data;
    else if (read.error.details.retryable && this.apps) stale = true;
    else return publicFailure(read.error);
    const ownClient = this.opts.patient.pis().client.config.clientId ?? null;
    const apps = (this.apps ?? [])
      .filter((a) => !this.revokedDone(a.id))
      .map((a): AppAccess => this.view(a, ownClient));
    return ok({ apps, stale });
  }

  /** Takes an e-cabinet's access away; queued when eHealth cannot be reached. */
  async revoke(appId: string): Promise<Result<ActionOutcome>> {
    const ctx = this.opts.patient.requireAct();
    if (!ctx.ok) return ctx;
    this.own(ctx.value);
    const queued = this.revocations.get(appId);
    if (queued) {
      const view = this.opts.outbox.get(queued);
      if (view && view.state !== 'rejected' && view.state !== 'expired') return outcomeOf(view);
    }
    // only an e-cabinet this patient was shown in this visit (eHealth checks ownership again)
    const app = this.apps?.find((a) => a.id === appId);
    if (!app) return err('EHEALTH_NOT_FOUND', 'no such e-cabinet in the list read for this patient');
    if (app.client_id && app.client_id === this.opts.patient.pis().client.config.clientId)
      return err('BAD_REQUEST', 'the kiosk does not revoke its own access');
    const tokens = this.opts.patient.tokens();
    if (!tokens) return err('NO_SESSION', 'the patient session holds no eHealth tokens');
    const op = this.opts.outbox.enqueue({
      kind: 'app.revoke',
      params: { appId },
      patientKey: ctx.value.patientKey,
      credentials: tokens.current(),
    });
    if (!op.ok) return op;
    this.opts.receipts.remember(op.value.id, { appName: app.client_name ?? null });
    this.revocations.set(appId, op.value.id);
    const settled = await waitForOperation(this.opts.outbox, op.value, {
      waitMs: this.opts.settleWaitMs ?? 8_000,
    });
    return outcomeOf(settled.view);
  }

  private revokedDone(appId: string): boolean {
    const id = this.revocations.get(appId);
    return id !== undefined && this.opts.outbox.get(id)?.state === 'done';
  }

  private pendingFor(appId: string): PendingAction | null {
    const id = this.revocations.get(appId);
    const view = id ? this.opts.outbox.get(id) : null;
    if (!view || ['done', 'rejected', 'expired'].includes(view.state)) return null;
    return { operationId: view.id, referenceCode: view.referenceCode, state: view.state };
  }

  private view(a: App, ownClient: string | null): AppAccess {
    return {
      id: a.id,
      name: a.client_name ?? a.client_id ?? '',
      scopes: (a.scope ?? '').split(/\s+/).filter(Boolean),
      since: a.created_at ?? null,
      grantedByConfidant: Boolean(a.applicant_user_id && a.user_id && a.applicant_user_id !== a.user_id),
      thisKiosk: Boolean(ownClient && a.client_id === ownClient),
      pendingRevoke: this.pendingFor(a.id),
    };
  }
}
