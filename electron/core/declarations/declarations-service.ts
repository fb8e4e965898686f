import type {
  ActionOutcome,
  DeclarationDetails,
  DeclarationsOverview,
  DeclarationSummary,
  DoctorSearchContext,
  PendingAction,
} from '#shared/contract/declarations';
import { err, ok, type Result } from '#shared/result';
import type { DeclarationListItem } from '../ehealth';
import { specialitiesForAge } from '../directory';
import type { Logger } from '../log';
import { type Outbox, outcomeOf, publicFailure, waitForOperation } from '../outbox';
import type { ReceiptFacts } from '../receipts';
import { declarationRefusal } from './refusal';
import type { PatientContext, PatientPort } from '../session';
import { isCurrent, summarize, withReplacementReasons, type DirectoryPort } from './summaries';

export interface CabinetDirectoryPort extends DirectoryPort {
  clinic(): { legalEntityId?: string | undefined; divisionIds?: string[] | undefined } | null;
}

export interface DeclarationsServiceOptions {
  patient: PatientPort;
  outbox: Outbox;
  directory: CabinetDirectoryPort;
  receipts: { remember(operationId: string, facts: ReceiptFacts): void };
  /** Cleanups registered here run when the patient's session ends. */
  session: { onEnd(cleanup: () => void): () => void };
  /** How long an action waits for eHealth before the patient is told "queued" (default 8 s). */
  settleWaitMs?: number;
  log?: Logger;
}

const PAGE_SIZE = 100;

/**
 * The patient's declarations: the current one and the history with names from the directory,
 * details with eHealth's printout, and termination through the outbox. Everything read is kept
 * for this session only (so a termination can be queued while eHealth is unreachable).
 */
export class DeclarationsService {
  private sessionId: string | null = null;
  private list: DeclarationListItem[] | null = null;
  /** Declaration id → its termination queued in this session. */
  private readonly terminations = new Map<string, { operationId: string; referenceCode: string }>();

  constructor(private readonly opts: DeclarationsServiceOptions) {
    opts.session.onEnd(() => this.forget());
  }

  forget(): void {
    this.sessionId = null;
    this.list = null;
    this.terminations.clear();
  }

  private own(ctx: PatientContext): void {
    if (this.sessionId !== ctx.sessionId) {
      this.forget();
      this.sessionId = ctx.sessionId;
    }
  }

  /** The declarations read in this session (null before the first successful read). */
  cached(): DeclarationListItem[] | null {
    const ctx = this.opts.patient.current();
    return ctx && ctx.sessionId === this.sessionId ? this.list : null;
  }

  async overview(): Promise<Result<DeclarationsOverview>> {
    const ctx = this.opts.patient.requireView();
    if (!ctx.ok) return ctx;
    this.own(ctx.value);
    const tokens = this.opts.patient.tokens();
    if (!tokens) return err('NO_SESSION', 'the patient session holds no eHealth tokens');
    const read = await this.opts.patient.pis().declarations.list(tokens, { page_size: PAGE_SIZE });
    let stale = false;
    if (read.ok) {
      this.list = read.value.data;
    } else if (read.error.details.retryable && this.list) {
      stale = true;
    } else {
      return publicFailure(read.error);
    }
    const summaries = withReplacementReasons(
      (this.list ?? []).map((d) => summarize(d, this.opts.directory, this.pendingFor(d.id))),
    );
    const byStartDesc = (a: DeclarationSummary, b: DeclarationSummary) =>
      (b.startDate ?? '').localeCompare(a.startDate ?? '');
    const current = summaries.filter((s) => isCurrent(s.status)).sort(byStartDesc)[0] ?? null;
    return ok({
      current,
      history: summaries.filter((s) => s !== current).sort(byStartDesc),
      canAct: this.opts.patient.requireAct().ok,
      stale,
    });
  }

  async details(id: string): Promise<Result<DeclarationDetails>> {
    const ctx = this.opts.patient.requireView();
    if (!ctx.ok) return ctx;
    this.own(ctx.value);
    const tokens = this.opts.patient.tokens();
    if (!tokens) return err('NO_SESSION', 'the patient session holds no eHealth tokens');
    const read = await this.opts.patient.pis().declarations.get(tokens, id);
    if (!read.ok) return publicFailure(read.error);
    const d = read.value.data;
    const links = (read.value.urgent as { links?: { type?: unknown }[] } | undefined)?.links;
    // the other declarations read in this visit tell whether a new one replaced this one
    const others = (this.cached() ?? []).filter((x) => x.id !== d.id);
    const [summary] = withReplacementReasons([
      summarize(d, this.opts.directory, this.pendingFor(d.id)),
      ...others.map((x) => summarize(x, this.opts.directory)),
    ]);
    return ok({
      ...(summary ?? summarize(d, this.opts.directory, this.pendingFor(d.id))),
      signedAt: d.signed_at ?? null,
      printoutHtml: d.content ?? null,
      signedDocumentKept: Array.isArray(links) && links.some((l) => l?.type === 'SIGNED_CONTENT'),
    });
  }

  /**
   * Ends the patient's own active declaration. The termination is stored in the outbox before it
   * is sent; when eHealth cannot be reached the patient leaves with a receipt and it is delivered later.
   */
  async terminate(id: string, reasonDescription?: string): Promise<Result<ActionOutcome>> {
    const ctx = this.opts.patient.requireAct();
    if (!ctx.ok) return ctx;
    this.own(ctx.value);
    const queued = this.terminations.get(id);
    if (queued) {
      const view = this.opts.outbox.get(queued.operationId);
      if (view && view.state !== 'rejected' && view.state !== 'expired') return outcomeOf(view);
    }
    const target = await this.findOwn(id);
    if (!target.ok) return target;
    if (target.value.status !== 'active') {
      return err('DECLARATION_NOT_ACTIVE', `the declaration is ${target.value.status ?? 'unknown'}`);
    }
    const tokens = this.opts.patient.tokens();
    if (!tokens) return err('NO_SESSION', 'the patient session holds no eHealth tokens');
    const queuedOp = this.opts.outbox.enqueue({
      kind: 'declaration.terminate',
      params: { declarationId: id, ...(reasonDescription ? { reasonDescription } : {}) },
      patientKey: ctx.value.patientKey,
      credentials: tokens.current(),
    });
    if (!queuedOp.ok) return queuedOp;
    const view = queuedOp.value;
    const summary = summarize(target.value, this.opts.directory);
    this.opts.receipts.remember(view.id, {
      doctorName: summary.doctor?.fullName ?? null,
      speciality: summary.doctor?.speciality ?? null,
      clinicName: summary.clinic?.divisionName ?? null,
      providerName: summary.clinic?.legalEntityName ?? null,
      declarationNumber: summary.number,
    });
    this.terminations.set(id, { operationId: view.id, referenceCode: view.referenceCode });
    const settled = await waitForOperation(this.opts.outbox, view, {
      waitMs: this.opts.settleWaitMs ?? 8_000,
    });
    if (settled.view.state === 'done' && this.list) {
      // as eHealth now has it: ended today (when delivered), by the patient, in their words
      this.list = this.list.map((d) =>
        d.id === id
          ? {
              ...d,
              status: 'terminated',
              reason: 'manual_person',
              reason_description: reasonDescription ?? null,
              updated_at: settled.view.updatedAt,
            }
          : d,
      );
    }
    return outcomeOf(settled.view, declarationRefusal);
  }

  /** What the doctor search may offer: specialities for the patient's age, the clinic filter. */
  searchContext(): DoctorSearchContext {
    const ctx = this.opts.patient.current();
    const clinic = this.opts.directory.clinic();
    const clinicFilter =
      clinic && (clinic.legalEntityId || clinic.divisionIds?.length)
        ? {
            legalEntityId: clinic.legalEntityId ?? null,
            divisionId: clinic.legalEntityId ? null : (clinic.divisionIds?.[0] ?? null),
          }
        : null;
    if (!ctx) {
      return {
        signedIn: false,
        ageYears: null,
        specialities: specialitiesForAge(null),
        pediatricianEndsSoon: false,
        canDeclare: false,
        clinic: clinicFilter,
        currentEmployeeId: null,
      };
    }
    const current = (this.cached() ?? []).find((d) => isCurrent(d.status ?? ''));
    const currentEmployee = current?.employee && 'id' in current.employee ? current.employee.id : null;
    return {
      signedIn: true,
      ageYears: ctx.ageYears,
      specialities: specialitiesForAge(ctx.ageYears),
      pediatricianEndsSoon: ctx.ageYears === 17,
      canDeclare: this.opts.patient.requireAct().ok,
      clinic: clinicFilter,
      currentEmployeeId: typeof currentEmployee === 'string' ? currentEmployee : null,
    };
  }

  /** The current declaration of this session's patient, read from eHealth when not read yet. */
  async currentSummary(): Promise<Result<DeclarationSummary | null>> {
    if (!this.cached()) {
      const o = await this.overview();
      if (!o.ok) return o;
      return ok(o.value.current);
    }
    const current = (this.cached() ?? []).find((d) => isCurrent(d.status ?? ''));
    return ok(current ? summarize(current, this.opts.directory, this.pendingFor(current.id)) : null);
  }

  /** Forgets what was read, so the next overview reads eHealth again (after a new declaration). */
  invalidate(): void {
    this.list = null;
  }

  private pendingFor(declarationId: string): PendingAction | null {
    const t = this.terminations.get(declarationId);
    if (!t) return null;
    const view = this.opts.outbox.get(t.operationId);
    if (!view || view.state === 'done' || view.state === 'rejected' || view.state === 'expired') return null;
    return { operationId: view.id, referenceCode: view.referenceCode, state: view.state };
  }

  /** The declaration from this session's list, else from eHealth (which checks it is the patient's). */
  private async findOwn(id: string): Promise<Result<DeclarationListItem>> {
    const listed = this.list?.find((d) => d.id === id);
    if (listed) return ok(listed);
    const tokens = this.opts.patient.tokens();
    if (!tokens) return err('NO_SESSION', 'the patient session holds no eHealth tokens');
    const read = await this.opts.patient.pis().declarations.get(tokens, id);
    if (!read.ok) return publicFailure(read.error);
    const d = read.value.data;
    return ok({
      id: d.id,
      declaration_number: d.declaration_number,
      start_date: d.start_date,
      end_date: d.end_date,
      status: d.status,
      reason: d.reason,
      reason_description: d.reason_description,
      employee: d.employee && 'id' in d.employee ? { id: d.employee.id } : null,
      division: d.division && 'id' in d.division ? { id: d.division.id } : null,
      inserted_at: d.inserted_at,
      updated_at: d.updated_at,
    });
  }
}
