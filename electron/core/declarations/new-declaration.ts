import { randomUUID } from 'node:crypto';
import type { DeclarationDraft, DeclarationSigned } from '#shared/contract/declarations';
import { err, ok, type Result } from '#shared/result';
import { DeclarationRequest } from '../ehealth';
import { specialitiesForAge } from '../directory';
import type { Logger } from '../log';
import { type Outbox, operationError, outcomeOf, waitForOperation } from '../outbox';
import type { ReceiptFacts } from '../receipts';
import type { DeclarationsService } from './declarations-service';
import { declarationRefusal } from './refusal';
import type { PatientPort } from '../session';
import { fromDeclarationRequest, type DirectoryPort } from './summaries';

export interface NewDeclarationOptions {
  patient: PatientPort;
  outbox: Outbox;
  directory: DirectoryPort;
  declarations: Pick<DeclarationsService, 'currentSummary' | 'invalidate'>;
  receipts: { remember(operationId: string, facts: ReceiptFacts): void };
  session: { onEnd(cleanup: () => void): () => void };
  /** How long creating the request may take before the patient is told eHealth is unreachable. */
  createWaitMs?: number;
  /** How long the signed submission waits for eHealth before the patient gets a "queued" receipt. */
  settleWaitMs?: number;
  log?: Logger;
}

/** A request eHealth created and the patient is reading; kept in memory for this session only. */
interface Flow {
  flowId: string;
  sessionId: string;
  createOpId: string;
  signOpId: string;
  requestId: string;
  declarationId: string | null;
  /** The exact text the patient signs: eHealth's `data_to_be_signed` with `patient_signed: true`. */
  toSign: string;
  draft: DeclarationDraft;
  signing: boolean;
}

/**
 * A new declaration: eHealth creates a request for the chosen doctor (an outbox operation), the
 * signed step is stored at once (held, with room reserved — a full disk shows before the patient
 * signs), the patient reads eHealth's printout and confirms, main signs eHealth's exact data and
 * the signature goes out through the outbox. If the link drops after signing, it is delivered
 * later without the patient, who leaves with a receipt.
 */
export class NewDeclarationFlow {
  private readonly flows = new Map<string, Flow>();

  constructor(private readonly opts: NewDeclarationOptions) {
    opts.session.onEnd(() => this.abandonAll());
  }

  async start(employeeId: string, divisionId: string): Promise<Result<DeclarationDraft>> {
    const ctx = this.opts.patient.requireAct();
    if (!ctx.ok) return ctx;
    const known = this.opts.directory.doctor(employeeId);
    if (known.ok) {
      if (!specialitiesForAge(ctx.value.ageYears).includes(known.value.speciality))
        return err('SPECIALITY_NOT_FOR_AGE', 'this speciality does not match the patient age');
      if (known.value.freePlaces !== null && known.value.freePlaces <= 0)
        return err('DOCTOR_FULL', 'the doctor has no free places');
    }
    const tokens = this.opts.patient.tokens();
    if (!tokens) return err('NO_SESSION', 'the patient session holds no eHealth tokens');
    // one request at a time: an earlier unconfirmed one is dropped
    this.abandonAll();

    const flowId = randomUUID();
    const create = this.opts.outbox.enqueue({
      kind: 'declaration-request.create',
      params: { employeeId, divisionId },
      patientKey: ctx.value.patientKey,
      credentials: tokens.current(),
      flowId,
    });
    if (!create.ok) return create;
    const created = await waitForOperation(this.opts.outbox, create.value, {
      waitMs: this.opts.createWaitMs ?? 20_000,
    });
    if (created.view.state !== 'done') {
      if (created.view.state === 'waiting-network' || created.view.state === 'captured') {
        // without eHealth there is nothing to sign (its data holds a fresh seed): never send it later
        this.opts.outbox.discard(create.value.id, 'kiosk');
        return err('EHEALTH_UNAVAILABLE', 'eHealth could not be reached to create the request', {
          retryable: true,
        });
      }
      if (created.view.state === 'sending')
        return err('EHEALTH_UNAVAILABLE', 'eHealth is slow to answer', { retryable: true });
      return { ok: false, error: operationError(created.view, declarationRefusal) };
    }
    const parsed = DeclarationRequest.safeParse(created.data);
    const request = parsed.success ? parsed.data : null;
    const toSignData = request?.data_to_be_signed;
    if (!request || !toSignData) return err('EHEALTH_REJECTED', 'eHealth answered without the data to sign');
    const person = (toSignData.person ?? {}) as Record<string, unknown>;
    const toSign = JSON.stringify({ ...toSignData, person: { ...person, patient_signed: true } });

    const held = this.opts.outbox.hold({
      kind: 'declaration-request.sign',
      params: { requestId: request.id },
      patientKey: ctx.value.patientKey,
      // the request's delivery took its tokens along: the signed step keeps them until its deadline
      credentials: tokens.current(),
      flowId,
      dependsOn: create.value.id,
      // once signed it waits for delivery as long as eHealth keeps the request it signs
      deadline: this.opts.patient.pis().requestDeadline(new Date(created.view.updatedAt)),
    });
    if (!held.ok) return held;

    const replaces = await this.opts.declarations.currentSummary();
    const { doctor, clinic } = fromDeclarationRequest(request, this.opts.directory, employeeId, divisionId);
    const printout =
      request.content ?? (typeof toSignData.content === 'string' ? toSignData.content : null) ?? '';
    const draft: DeclarationDraft = {
      flowId,
      declarationNumber: request.declaration_number ?? null,
      startDate: request.start_date ?? null,
      endDate: request.end_date ?? null,
      doctor,
      clinic,
      printoutHtml: printout,
      replaces: replaces.ok ? replaces.value : null,
    };
    this.opts.receipts.remember(held.value.id, {
      doctorName: doctor.fullName || null,
      speciality: doctor.speciality,
      clinicName: clinic.divisionName,
      providerName: clinic.legalEntityName,
      address: clinic.address,
      declarationNumber: draft.declarationNumber,
    });
    this.flows.set(flowId, {
      flowId,
      sessionId: ctx.value.sessionId,
      createOpId: create.value.id,
      signOpId: held.value.id,
      requestId: request.id,
      declarationId: request.declaration_id ?? null,
      toSign,
      draft,
      signing: false,
    });
    return ok(draft);
  }

  /** The patient confirmed what they read: sign eHealth's exact data and send it. */
  async confirm(flowId: string): Promise<Result<DeclarationSigned>> {
    const ctx = this.opts.patient.requireAct();
    if (!ctx.ok) return ctx;
    const flow = this.flows.get(flowId);
    if (!flow || flow.sessionId !== ctx.value.sessionId)
      return err('FLOW_EXPIRED', 'no declaration request is waiting for this patient');
    if (flow.signing) return err('SESSION_BUSY', 'the declaration is being signed already');
    const held = this.opts.outbox.get(flow.signOpId);
    if (!held || held.state !== 'captured' || !held.held) {
      this.flows.delete(flowId);
      return err('FLOW_EXPIRED', 'the declaration request waited too long and was dropped');
    }
    flow.signing = true;
    try {
      const signed = await this.opts.patient.sign(flow.toSign);
      if (!signed.ok) return signed;
      const released = this.opts.outbox.release(
        flow.signOpId,
        { signedContent: signed.value.signedContent },
        'patient',
        { revocationPending: signed.value.revocationPending === true },
      );
      if (!released.ok) return released;
      this.flows.delete(flowId);
      this.opts.declarations.invalidate();
      const settled = await waitForOperation(this.opts.outbox, released.value, {
        waitMs: this.opts.settleWaitMs ?? 10_000,
      });
      const outcome = outcomeOf(settled.view, declarationRefusal);
      if (!outcome.ok) return outcome;
      const answer = (settled.data ?? {}) as { declaration_number?: unknown; declaration_id?: unknown };
      return ok({
        ...outcome.value,
        declarationNumber:
          typeof answer.declaration_number === 'string'
            ? answer.declaration_number
            : flow.draft.declarationNumber,
        declarationId: typeof answer.declaration_id === 'string' ? answer.declaration_id : flow.declarationId,
      });
    } finally {
      flow.signing = false;
    }
  }

  /** The patient changed their mind: nothing is signed and eHealth is told to drop the request. */
  cancel(flowId: string): Result<{ cancelled: boolean }> {
    const ctx = this.opts.patient.requireView();
    if (!ctx.ok) return ctx;
    const flow = this.flows.get(flowId);
    if (!flow || flow.sessionId !== ctx.value.sessionId || flow.signing) return ok({ cancelled: false });
    this.flows.delete(flowId);
    this.opts.outbox.abandon(flow.signOpId, 'patient');
    const tokens = this.opts.patient.tokens();
    if (tokens) {
      const rejected = this.opts.outbox.enqueue({
        kind: 'declaration-request.reject',
        params: { requestId: flow.requestId },
        patientKey: ctx.value.patientKey,
        credentials: tokens.current(),
        flowId,
        dependsOn: flow.createOpId,
      });
      if (!rejected.ok)
        this.opts.log?.warn({ code: rejected.error.code }, 'could not queue the withdrawal of a request');
    }
    return ok({ cancelled: true });
  }

  /** Unconfirmed requests (the session ended, or another doctor was chosen): their held step expires now. */
  private abandonAll(): void {
    for (const flow of [...this.flows.values()]) {
      if (flow.signing) continue;
      this.flows.delete(flow.flowId);
      const r = this.opts.outbox.abandon(flow.signOpId, 'kiosk');
      if (!r.ok && r.error.code !== 'BAD_REQUEST')
        this.opts.log?.warn({ code: r.error.code }, 'could not drop an unconfirmed declaration');
    }
  }
}
