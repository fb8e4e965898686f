import { randomUUID } from 'node:crypto';
import type { OperationView } from '#shared/contract/outbox';
import type { PersonDraft, PersonRequestCreated, PersonView } from '#shared/contract/person';
import { err, ok, type Result } from '#shared/result';
import { isoDateOf, normalizePerson, personViolations, type PersonInput } from '#shared/rules/person/index';
import {
  type EhealthFailure,
  PIS_PATHS,
  JsonObject,
  PersonRequest,
  type AuthenticationMethod,
  type Person,
  type PatientTokens,
} from '../ehealth';
import { changedPaths } from './changes';
import { violationsFromEhealth } from './ehealth-violations';
import { authMethodView, draftOf, verificationView } from './person-view';
import type { PatientContext } from '../session';
import type { PersonServicePorts } from './ports';
import { signableRequestJson } from './signable';

/** A person request eHealth created and the patient has not signed yet (memory only). */
interface PendingRequest {
  sessionId: string;
  /** eHealth's answer exactly as it came: the object the patient signs. */
  data: Record<string, unknown>;
  /** When the kiosk received it (eHealth's request term counts from then at the latest). */
  createdAt: Date;
  signing: boolean;
}

/**
 * The patient's personal data: reads the person (with authentication methods and verification),
 * checks a change against eHealth's person rules, creates the person request, and — once the
 * patient confirmed the server's printout — signs exactly the stored request in the signer and
 * queues its completion in the outbox, so a signed change is delivered even if the link drops.
 * Everything about the patient lives in memory and is forgotten when the session ends.
 */
export class PersonService {
  private person: { sessionId: string; data: Person } | null = null;
  private readonly pending = new Map<string, PendingRequest>();
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(private readonly ports: PersonServicePorts) {
    this.now = ports.now ?? (() => new Date());
    this.newId = ports.newId ?? randomUUID;
    ports.sessions.onEnd(() => this.forget());
  }

  /** Drops everything held for the patient (session end). */
  forget(): void {
    this.person = null;
    this.pending.clear();
  }

  today(): string {
    return isoDateOf(this.now());
  }

  async view(): Promise<Result<PersonView>> {
    const ctx = this.ports.patient.requireView();
    if (!ctx.ok) return ctx;
    const tokens = this.tokens();
    if (!tokens.ok) return tokens;
    const api = this.ports.patient.pis();
    const [person, methods] = await Promise.all([
      api.person.get(tokens.value),
      api.person.authenticationMethods(tokens.value),
    ]);
    if (!person.ok) return this.failed('read the person', person.error);
    if (!methods.ok) return this.failed('read the authentication methods', methods.error);
    let verification = person.value.data.verification;
    if (!verification) {
      const v = await api.person.verification(tokens.value);
      if (!v.ok) return this.failed('read the verification status', v.error);
      verification = v.value.data.person_verification;
    }
    this.person = { sessionId: ctx.value.sessionId, data: person.value.data };
    return ok(this.viewOf(ctx.value, person.value.data, methods.value.data, verification));
  }

  /** Validates the change, then asks eHealth to create the request; keeps its answer for signing. */
  async createRequest(draft: PersonDraft): Promise<Result<PersonRequestCreated>> {
    const ctx = this.ports.patient.requireAct();
    if (!ctx.ok) return ctx;
    const tokens = this.tokens();
    if (!tokens.ok) return tokens;
    const current = await this.currentPerson(ctx.value);
    if (!current.ok) return current;
    const person = normalizePerson(this.fullPerson(draft, current.value));
    const violations = personViolations(person, { today: this.today(), checkSecret: true });
    if (violations.length)
      return err('VALIDATION', 'the change breaks eHealth person rules', { violations, source: 'kiosk' });

    const created = await this.ports.patient.pis().client.call({
      method: 'POST',
      path: PIS_PATHS.personRequests,
      auth: tokens.value,
      body: { person, patient_signed: false, process_disclosure_data_consent: true },
      data: JsonObject,
      idempotencyKey: this.newId(),
    });
    if (!created.ok) {
      if (created.error.code === 'VALIDATION')
        return err('VALIDATION', 'eHealth refused the change', {
          violations: violationsFromEhealth(created.error),
          source: 'ehealth',
        });
      return this.failed('create the person request', created.error);
    }
    const data = created.value.data;
    const parsed = PersonRequest.safeParse(data);
    if (!parsed.success || typeof parsed.data.content !== 'string' || !parsed.data.content)
      return err('EHEALTH_REJECTED', 'eHealth answered the person request without a printout');
    const requestId = parsed.data.id;
    this.pending.set(requestId, {
      sessionId: ctx.value.sessionId,
      data,
      createdAt: this.now(),
      signing: false,
    });
    // documents eHealth asks for with this request are captured and uploaded before it is signed
    const documents = this.ports.documents?.require(ctx.value.sessionId, created.value.urgent) ?? [];
    this.ports.log.info(
      { op: 'person-request.create', documents: documents.length },
      'person request created',
    );
    return ok({
      requestId,
      printoutHtml: parsed.data.content,
      changed: changedPaths(this.editable(current.value), person),
      documents,
    });
  }

  /**
   * The patient confirmed the printout. The completion is stored (held) first, so a full disk is
   * known before the signature exists; then the signer signs the stored request; then the signed
   * completion is released to the outbox, which delivers it now or when eHealth is back.
   */
  async signRequest(requestId: string): Promise<Result<{ operation: OperationView }>> {
    const ctx = this.ports.patient.requireAct();
    if (!ctx.ok) return ctx;
    const pending = this.pending.get(requestId);
    if (!pending || pending.sessionId !== ctx.value.sessionId)
      return err('FLOW_EXPIRED', 'no person request waits for this signature');
    if (pending.signing) return err('SESSION_BUSY', 'this request is being signed already');
    const tokens = this.tokens();
    if (!tokens.ok) return tokens;
    pending.signing = true;
    try {
      const held = this.ports.outbox.hold({
        kind: 'person-request.complete',
        params: { requestId },
        patientKey: ctx.value.patientKey,
        flowId: requestId,
        credentials: tokens.value.current(),
        // once signed it waits for delivery as long as eHealth keeps the request it completes
        deadline: this.ports.patient.pis().requestDeadline(pending.createdAt),
      });
      if (!held.ok) return held;
      const signed = await this.ports.patient.sign(signableRequestJson(pending.data));
      if (!signed.ok) {
        const abandoned = this.ports.outbox.abandon(held.value.id);
        if (!abandoned.ok)
          this.ports.log.warn({ code: abandoned.error.code }, 'unsigned person request stays held');
        return signed;
      }
      const released = this.ports.outbox.release(
        held.value.id,
        { signedContent: signed.value.signedContent },
        'patient',
        { revocationPending: signed.value.revocationPending === true },
      );
      if (!released.ok) return released;
      this.pending.delete(requestId);
      this.ports.onQueued?.(released.value.id);
      this.ports.log.info({ op: 'person-request.complete' }, 'signed person request queued');
      return ok({ operation: released.value });
    } finally {
      pending.signing = false;
    }
  }

  /** The patient declined the printout: eHealth rejects the request (it would expire anyway). */
  async cancelRequest(requestId: string): Promise<Result<{ cancelled: boolean }>> {
    const ctx = this.ports.patient.requireAct();
    if (!ctx.ok) return ctx;
    const pending = this.pending.get(requestId);
    if (!pending || pending.sessionId !== ctx.value.sessionId) return ok({ cancelled: false });
    if (pending.signing) return err('SESSION_BUSY', 'this request is being signed');
    this.pending.delete(requestId);
    const tokens = this.tokens();
    if (!tokens.ok) return tokens;
    const r = await this.ports.patient.pis().person.rejectPersonRequest(tokens.value, requestId, {
      idempotencyKey: this.newId(),
    });
    if (!r.ok) return this.failed('reject the person request', r.error);
    return ok({ cancelled: true });
  }

  private viewOf(
    ctx: PatientContext,
    p: Person,
    methods: AuthenticationMethod[],
    verification: Person['verification'],
  ): PersonView {
    return {
      person: draftOf(p),
      taxId: p.tax_id ?? null,
      noTaxId: p.no_tax_id === true,
      secretSet: typeof p.secret === 'string' && p.secret.length > 0,
      authenticationMethods: methods.map(authMethodView),
      verification: verificationView(verification),
      access: ctx.access,
      ageYears: Math.max(0, Math.min(150, Math.floor(ctx.ageYears))),
      today: this.today(),
    };
  }

  /** The person on file for this session (read again if the kiosk has not got it). */
  private async currentPerson(ctx: PatientContext): Promise<Result<Person>> {
    if (this.person?.sessionId === ctx.sessionId) return ok(this.person.data);
    const tokens = this.tokens();
    if (!tokens.ok) return tokens;
    const r = await this.ports.patient.pis().person.get(tokens.value);
    if (!r.ok) return this.failed('read the person', r.error);
    this.person = { sessionId: ctx.sessionId, data: r.value.data };
    return ok(r.value.data);
  }

  /** The change with what the patient cannot change here: tax id, its refusal, the secret word. */
  private fullPerson(draft: PersonDraft, current: Person): PersonInput {
    return {
      ...draft,
      ...(current.tax_id ? { tax_id: current.tax_id } : {}),
      no_tax_id: current.no_tax_id === true,
      ...(current.secret ? { secret: current.secret } : {}),
    };
  }

  private editable(current: Person): PersonInput {
    return normalizePerson(this.fullPerson(draftOf(current), current));
  }

  private tokens(): Result<PatientTokens> {
    const t = this.ports.patient.tokens();
    return t ? ok(t) : err('NO_SESSION', 'the patient is not signed in to eHealth');
  }

  private failed(what: string, e: EhealthFailure): Result<never> {
    this.ports.log.warn({ code: e.code, status: e.details.status ?? null }, `could not ${what}`);
    return { ok: false, error: e };
  }
}
