/**
 * Who may see an outbox operation at the screen: the registrar in the panel sees every one; a signed-in
 * patient sees their own — those still waiting under their pseudonymous key, and everything captured
 * in this visit (a delivered operation no longer carries the key); a visitor whose registration is
 * queued (not signed in yet) sees that registration until they finish; nobody else sees any. The next
 * visitor therefore cannot list, open or reprint the previous patient's actions, and push events
 * about other people's operations never reach the page.
 *
 * The outbox, receipt and push channels ask here; a refusal never says whether the operation exists.
 */
import type { OperationView } from '#shared/contract/outbox';
import { err, ok, type Result } from '#shared/result';
import type { EventBus } from '../events';
import type { Outbox } from '../outbox';
import type { PatientContext } from './patient-port';

export interface OperationAccessDeps {
  outbox: Pick<Outbox, 'subscribe' | 'get' | 'getByReference' | 'store'>;
  /** The signed-in patient whose session is the active one, or null. */
  patient: () => PatientContext | null;
  /** True while a registrar is signed in to the panel (not in an assisted session). */
  registrarInPanel: () => boolean;
  /** The registration of the visitor at the screen, queued before they could sign in (forgotten at Finish). */
  registrant?: { hasQueued(): boolean; owns(operationId: string): boolean };
}

export type Viewer =
  | { kind: 'registrar' }
  | { kind: 'patient'; ctx: PatientContext }
  | { kind: 'registrant' }
  | { kind: 'nobody' };

export type OperationRef = { id: string } | { referenceCode: string };

export class OperationAccess {
  /** Operations captured for the patient of `visitSession` during that session. */
  private readonly visit = new Set<string>();
  private visitSession: string | null = null;

  constructor(private readonly deps: OperationAccessDeps) {
    deps.outbox.subscribe((view) => this.note(view));
  }

  viewer(): Viewer {
    if (this.deps.registrarInPanel()) return { kind: 'registrar' };
    const ctx = this.deps.patient();
    if (ctx) return { kind: 'patient', ctx };
    return this.deps.registrant?.hasQueued() ? { kind: 'registrant' } : { kind: 'nobody' };
  }

  /** Whether whoever is at the screen may see this operation. */
  canSee(id: string): boolean {
    const viewer = this.viewer();
    if (viewer.kind === 'registrar') return true;
    if (viewer.kind === 'nobody') return false;
    if (viewer.kind === 'registrant') return this.deps.registrant?.owns(id) ?? false;
    return this.ownedBy(id, viewer.ctx);
  }

  /**
   * The operation by id or receipt code for whoever is at the screen: NO_SESSION with nobody signed
   * in, OPERATION_NOT_FOUND when it does not exist or is someone else's (the same answer).
   */
  find(ref: OperationRef): Result<OperationView> {
    if (this.viewer().kind === 'nobody')
      return err('NO_SESSION', 'sign in to see your operations, or ask the registrar');
    const view =
      'id' in ref ? this.deps.outbox.get(ref.id) : this.deps.outbox.getByReference(ref.referenceCode);
    return view && this.canSee(view.id) ? ok(view) : err('OPERATION_NOT_FOUND', 'no such operation');
  }

  /** Keeps only what the viewer may see (most recent first, as given). */
  visible(views: readonly OperationView[]): OperationView[] {
    return views.filter((v) => this.canSee(v.id));
  }

  /**
   * The bus as the renderer may hear it: `outboxChanged` only for operations the viewer may see.
   * Transports subscribe here instead of to the bus itself.
   */
  rendererEvents(bus: EventBus): Pick<EventBus, 'subscribeAll'> {
    return {
      subscribeAll: (listener) =>
        bus.subscribeAll((name, payload) => {
          if (name === 'outboxChanged' && !this.canSee((payload as OperationView).id)) return;
          listener(name, payload);
        }),
    };
  }

  private ownedBy(id: string, ctx: PatientContext): boolean {
    if (this.visitSession === ctx.sessionId && this.visit.has(id)) return true;
    const row = this.deps.outbox.store.get(id);
    if (!row || row.patient_key === null || row.patient_key !== ctx.patientKey) return false;
    this.remember(id, ctx);
    return true;
  }

  /** A newly captured operation of the signed-in patient belongs to this visit. */
  private note(view: OperationView): void {
    const ctx = this.deps.patient();
    if (!ctx || view.state !== 'captured') return;
    const row = this.deps.outbox.store.get(view.id);
    if (row?.patient_key && row.patient_key === ctx.patientKey) this.remember(view.id, ctx);
  }

  private remember(id: string, ctx: PatientContext): void {
    if (this.visitSession !== ctx.sessionId) {
      this.visit.clear();
      this.visitSession = ctx.sessionId;
    }
    this.visit.add(id);
  }
}
