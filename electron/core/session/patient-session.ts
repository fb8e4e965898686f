/**
 * The signed-in patient, as every main-side service sees them: who (eHealth person id, the
 * outbox's pseudonymous key), what they may do (full or view-only), their eHealth tokens and the
 * signer holding their opened key. Sign-in (./sign-in.ts) establishes it; the session's end
 * (SessionManager.onEnd) forgets it: signer ended, tokens dropped, eHealth logout when nothing in
 * the outbox still needs the tokens, cached person data gone.
 *
 * Services call `requireView()` before every read and `requireAct()` before every change; the
 * renderer never sends bytes to sign — a service holds the exact JSON eHealth returned and calls
 * `sign(json)` here.
 */
import { randomUUID } from 'node:crypto';
import type { ActorRole } from '#shared/rules/acting';
import { err, ok, type Result } from '#shared/result';
import type { PisApi, Person, PersonVerification, PatientTokens, TokenSet } from '../ehealth';
import type { RevocationChecker, EsignService } from '../esign';
import type { Logger } from '../log';
import type { Outbox } from '../outbox';
import { storage } from '../db';
import type { AuditLog } from '../kiosk';
import type { PatientContext, PatientPort } from './patient-port';
import { revocationRefusal } from './revocation';
import type { SessionManager } from './session-manager';

/** What sign-in hands over once eHealth accepted the patient and the age rules allow them in. */
export interface EstablishedPatient {
  personId: string;
  ageYears: number;
  access: 'full' | 'view-only';
  tokens: TokenSet;
  /** The DRFO every later signature must carry (the person's tax id, or the key's DRFO without one). */
  signerDrfo: string;
  person: Person;
  verification: PersonVerification | null;
}

/** Someone the signed-in person acts for, as the acting service establishes them (confidant sign-in). */
export interface EstablishedSubject {
  personId: string;
  ageYears: number;
  access: 'full' | 'view-only';
  role: ActorRole;
  tokens: TokenSet;
  person: Person;
  verification: PersonVerification | null;
}

/** Who the session is about now: the signed-in person (`handle` null) or someone they act for. */
export interface SubjectSummary {
  /** An opaque handle for the renderer (never a person id); null for the signed-in person. */
  handle: string | null;
  ctx: PatientContext;
  person: Person;
}

export type ActGuard = (ctx: PatientContext) => Result<void>;

export interface PatientSessionDeps {
  sessions: SessionManager;
  /** The PIS client of the current environment; null when none is configured (nobody can sign in). */
  api: () => PisApi | null;
  esign: EsignService;
  outbox: Outbox;
  /** The sign-in is recorded here in the same step that opens the session. */
  audit: AuditLog;
  log: Logger;
  /** How long a best-effort logout may hold up the end of a session. */
  logoutTimeoutMs?: number;
  /** OCSP for the signer's certificate before a signature is accepted (absent: every act is checked later). */
  revocation?: RevocationChecker | null;
}

interface Subject {
  ctx: PatientContext;
  tokens: PatientTokens;
  person: Person;
  verification: PersonVerification | null;
}

interface Signed extends Subject {
  signerDrfo: string;
  /** The people the signed-in person acts for in this session, by handle. */
  others: Map<string, Subject>;
  /** The handle of the one the session is about now (null: the signed-in person). */
  active: string | null;
}

const wait = (ms: number) =>
  new Promise<'timeout'>((resolve) => {
    const t = setTimeout(() => resolve('timeout'), ms);
    t.unref?.();
  });

export class PatientSession implements PatientPort {
  private signed: Signed | null = null;
  private readonly guards: ActGuard[] = [];

  constructor(private readonly deps: PatientSessionDeps) {
    deps.sessions.onEnd((session) => this.forget(session.id));
  }

  /** Whom the session is about now: the signed-in person, or the one they act for. */
  private subject(): Subject | null {
    const s = this.signed;
    if (!s) return null;
    return s.active === null ? s : (s.others.get(s.active) ?? null);
  }

  /** The patient the session is about (the signed-in person, or the child they act for), or null. */
  current(): PatientContext | null {
    const subject = this.subject();
    return subject ? { ...subject.ctx } : null;
  }

  /** The one who signed in with their key (whoever the session is about now), or null. */
  signedIn(): PatientContext | null {
    return this.signed ? { ...this.signed.ctx } : null;
  }

  /** For reads: NO_SESSION when nobody is signed in. */
  requireView(): Result<PatientContext> {
    const s = this.signed;
    const subject = this.subject();
    if (!s || !subject || this.deps.sessions.active?.id !== s.ctx.sessionId)
      return err('NO_SESSION', 'nobody is signed in at this kiosk');
    return ok({ ...subject.ctx });
  }

  /** For changes: also VIEW_ONLY for a teen without verified legal capacity, and every act guard. */
  requireAct(): Result<PatientContext> {
    const view = this.requireView();
    if (!view.ok) return view;
    if (view.value.access !== 'full' && view.value.actingAs)
      return err('VIEW_ONLY', 'a parent may only view the cabinet of a child aged 14–17', {
        reason: 'teen-signs-own',
      });
    if (view.value.access !== 'full')
      return err(
        'VIEW_ONLY',
        'a patient aged 14–17 may only view until eHealth has verified their legal capacity',
        { reason: 'teen-capacity-not-verified' },
      );
    for (const guard of [...this.guards]) {
      const g = guard(view.value);
      if (!g.ok) return g;
    }
    return view;
  }

  /** Adds a check every action must pass (e.g. the registrar's wrong-patient guard). Returns its removal. */
  addActGuard(guard: ActGuard): () => void {
    this.guards.push(guard);
    return () => {
      const i = this.guards.indexOf(guard);
      if (i >= 0) this.guards.splice(i, 1);
    };
  }

  /** The PIS client. Only reachable with a backend: without one nobody can be signed in. */
  pis(): PisApi {
    const api = this.deps.api();
    if (!api) throw new Error('no eHealth backend is configured');
    return api;
  }

  /** The current patient's token holder (renews on 401), or null when nobody is signed in. */
  tokens(): PatientTokens | null {
    return this.subject()?.tokens ?? null;
  }

  /** The current patient's person record as eHealth returned it (services may refresh it through `pis()`). */
  person(): Person | null {
    return this.subject()?.person ?? null;
  }

  /** The current patient's verification record (legal capacity and the state registers' checks). */
  verification(): PersonVerification | null {
    return this.subject()?.verification ?? null;
  }

  /** The signed-in person's own record and tokens (for acting for someone: the one who acts). */
  own(): {
    ctx: PatientContext;
    person: Person;
    verification: PersonVerification | null;
    tokens: PatientTokens;
  } | null {
    const s = this.signed;
    return s ? { ctx: { ...s.ctx }, person: s.person, verification: s.verification, tokens: s.tokens } : null;
  }

  /** Everyone the session may be about: the signed-in person first, then those they act for. */
  subjects(): SubjectSummary[] {
    const s = this.signed;
    if (!s) return [];
    return [
      { handle: null, ctx: { ...s.ctx }, person: s.person },
      ...[...s.others].map(([handle, o]) => ({ handle, ctx: { ...o.ctx }, person: o.person })),
    ];
  }

  /** The handle of the one the session is about now (null: the signed-in person). */
  activeHandle(): string | null {
    return this.signed?.active ?? null;
  }

  /**
   * The signed-in person now acts for someone (eHealth gave a token acting for them): the session is
   * about that person from here on, until `switchTo(null)`. The same person again replaces the
   * earlier entry (a fresh token). Recorded in the audit log (roles and access only).
   */
  actFor(subject: EstablishedSubject): Result<{ handle: string; ctx: PatientContext }> {
    const s = this.signed;
    const api = this.deps.api();
    if (!s || !api || this.deps.sessions.active?.id !== s.ctx.sessionId)
      return err('NO_SESSION', 'nobody is signed in at this kiosk');
    const patientKey = this.deps.outbox.patientKeyFor(subject.personId);
    const noted = storage('record acting for someone', () =>
      this.deps.audit.append('patient', 'session.acting-for', s.ctx.sessionId, {
        role: subject.role,
        access: subject.access,
      }),
    );
    if (!noted.ok) return noted;
    const existing = [...s.others].find(([, o]) => o.ctx.personId === subject.personId);
    const handle = existing?.[0] ?? randomUUID();
    const earlier = existing?.[1].tokens.current();
    const ctx: PatientContext = {
      sessionId: s.ctx.sessionId,
      personId: subject.personId,
      patientKey,
      ageYears: subject.ageYears,
      access: subject.access,
      actingAs: subject.role,
    };
    s.others.set(handle, {
      ctx,
      tokens: api.patientTokens(subject.tokens, (set) => this.tokensChanged(patientKey, set)),
      person: subject.person,
      verification: subject.verification,
    });
    s.active = handle;
    if (earlier?.accessToken && earlier.accessToken !== subject.tokens.accessToken)
      void this.logoutUnlessNeeded(patientKey, earlier);
    const resumed = this.deps.outbox.resumePatient(patientKey, subject.tokens);
    if (!resumed.ok) this.deps.log.warn({ code: resumed.error.code }, 'waiting operations not resumed');
    else if (resumed.value === 0) this.dropUnusedCredentials(patientKey);
    return ok({ handle, ctx: { ...ctx } });
  }

  /** Back to the signed-in person's own cabinet (null), or to someone they already act for. */
  switchTo(handle: string | null): Result<PatientContext> {
    const s = this.signed;
    if (!s || this.deps.sessions.active?.id !== s.ctx.sessionId)
      return err('NO_SESSION', 'nobody is signed in at this kiosk');
    if (handle !== null && !s.others.has(handle))
      return err('NO_SESSION', 'the session does not act for this person');
    s.active = handle;
    return ok({ ...(handle === null ? s.ctx : (s.others.get(handle) as Subject).ctx) });
  }

  /**
   * Signs exactly this JSON in the signer process with the signed-in key; the signer refuses when
   * the key's DRFO is not the person's tax id. Needs a patient who may act.
   */
  async sign(json: string): Promise<Result<{ signedContent: string; revocationPending?: boolean }>> {
    const act = this.requireAct();
    if (!act.ok) return act;
    const drfo = this.signed?.signerDrfo;
    if (!drfo) return err('NO_SESSION', 'nobody is signed in at this kiosk');
    // the certificate's status first: a revoked key signs nothing the kiosk would send
    const status = await this.signerStatus();
    const refusal = status ? revocationRefusal(status) : null;
    if (refusal) {
      this.deps.log.info({ code: refusal.code }, 'signature refused: certificate status');
      return { ok: false, error: refusal };
    }
    const r = await this.deps.esign.sign(json, drfo);
    if (!r.ok) return r;
    // the patient may have finished (or switched to another person) while the signer worked:
    // nothing signed for them leaves then
    const after = this.requireView();
    if (
      !after.ok ||
      after.value.sessionId !== act.value.sessionId ||
      after.value.personId !== act.value.personId
    )
      return err('NO_SESSION', 'the session ended while signing');
    return ok({
      signedContent: r.value.signedContent,
      ...(status?.status === 'good' ? {} : { revocationPending: true }),
    });
  }

  private async signerStatus() {
    const der = this.deps.esign.certificate();
    if (!this.deps.revocation || !der) return null;
    const status = await this.deps.revocation.check(der);
    if (status.status === 'unavailable')
      this.deps.log.info(
        { reason: 'unavailable' },
        'certificate status unknown for now: checked again before delivery',
      );
    return status;
  }

  /**
   * Starts the patient session (sign-in calls this once eHealth accepted the patient). Tokens are
   * held in memory; when the outbox has operations waiting for this patient they are resumed with
   * them (sealed at rest for as long as those operations need them).
   */
  begin(established: EstablishedPatient): Result<PatientContext> {
    const api = this.deps.api();
    if (!api) return err('NOT_AVAILABLE', 'no eHealth backend is configured');
    if (this.deps.sessions.active) return err('SESSION_BUSY', 'another patient session is still open');
    const patientKey = this.deps.outbox.patientKeyFor(established.personId);
    const tokens = api.patientTokens(established.tokens, (set) => this.tokensChanged(patientKey, set));
    // the session opens only together with its audit entry: a full disk leaves no half-open session
    const opened = storage('record the sign-in', () =>
      this.deps.sessions.start((s) =>
        this.deps.audit.append('kiosk', 'session.sign-in', s.id, { access: established.access }),
      ),
    );
    if (!opened.ok) return opened;
    const session = opened.value;
    const ctx: PatientContext = {
      sessionId: session.id,
      personId: established.personId,
      patientKey,
      ageYears: established.ageYears,
      access: established.access,
    };
    this.signed = {
      ctx,
      tokens,
      signerDrfo: established.signerDrfo,
      person: established.person,
      verification: established.verification,
      others: new Map(),
      active: null,
    };
    const resumed = this.deps.outbox.resumePatient(patientKey, established.tokens);
    if (!resumed.ok) this.deps.log.warn({ code: resumed.error.code }, 'waiting operations not resumed');
    else if (resumed.value === 0) this.dropUnusedCredentials(patientKey);
    else this.deps.log.info({ resumed: resumed.value }, 'operations waiting for the patient resumed');
    return ok({ ...ctx });
  }

  /** A refreshed token replaces the sealed copy only where the outbox still keeps one. */
  private tokensChanged(patientKey: string, set: TokenSet): void {
    if (this.deps.outbox.store.loadCredentials(patientKey) === null) return;
    const saved = this.deps.outbox.saveCredentials(patientKey, set);
    if (!saved.ok)
      this.deps.log.warn({ code: saved.error.code }, 'refreshed tokens not saved for the outbox');
  }

  private dropUnusedCredentials(patientKey: string): boolean {
    const dropped = this.deps.outbox.forgetCredentials(patientKey);
    if (!dropped.ok) {
      this.deps.log.warn({ code: dropped.error.code }, 'patient tokens could not be dropped from the outbox');
      return false;
    }
    return this.deps.outbox.store.loadCredentials(patientKey) === null;
  }

  /** Session end: forget everything; log out at eHealth unless the outbox still needs the tokens. */
  private async forget(sessionId: string): Promise<void> {
    const s = this.signed;
    if (!s || s.ctx.sessionId !== sessionId) {
      await this.deps.esign.endSession('session-end');
      return;
    }
    this.signed = null;
    await this.deps.esign.endSession('session-end');
    // everyone the session was about: those acted for first, then the signed-in person
    const everyone = [...s.others.values(), s];
    s.others.clear();
    const outcomes = await Promise.all(
      everyone.map((subject) => this.logoutUnlessNeeded(subject.ctx.patientKey, subject.tokens.current())),
    );
    this.deps.log.info(
      {
        loggedOut: outcomes.every((o) => o === 'logged-out'),
        outboxKeepsTokens: outcomes.some((o) => o === 'kept'),
        people: everyone.length,
      },
      'patient session forgotten',
    );
  }

  /** eHealth's logout also ends the refresh token, which a deferred delivery may still need. */
  private async logoutUnlessNeeded(
    patientKey: string,
    tokens: TokenSet,
  ): Promise<'logged-out' | 'kept' | 'not-logged-out'> {
    const outboxDone = this.dropUnusedCredentials(patientKey);
    const api = this.deps.api();
    if (!outboxDone) return 'kept';
    if (!api || !tokens.accessToken) return 'not-logged-out';
    const logout = api.auth.logout(tokens.accessToken);
    const outcome = await Promise.race([logout, wait(this.deps.logoutTimeoutMs ?? 3000)]);
    return outcome !== 'timeout' && outcome.ok ? 'logged-out' : 'not-logged-out';
  }
}
