/**
 * A patient at the kiosk, as the renderer's stores drive main: the same contract calls in the same
 * order, with the pauses of a person reading, typing a password on the on-screen keyboard and
 * thinking over a form. Acts the patient leaves with a receipt for go into the record; anything
 * the kiosk does that a patient should never meet (cut off mid-visit, turned away by a half-open
 * session, refused while eHealth answers) is a problem in the record.
 */
import type { Prng } from '../bench/lib/prng';
import { ACTS } from './patient-acts';
import { isDied } from './kiosk-process';
import { EXPIRING_PERSONA, type DropFault, type Intent, type PersonaId, type SessionPlan } from './plan';
import type { PiiScanner } from './pii';
import type { TrapKind } from './protocol';
import type { Recorder } from './record';

export interface KioskErrorValue {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** A Result as it comes over the contract (values are JSON). */
export type Reply =
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- contract answers are read like the renderer reads them
  { ok: true; value: any } | { ok: false; error: KioskErrorValue };

/** What the soak shares with a visit about the session the kiosk holds. */
export interface SessionWatch {
  /** The patient is signed in (between a successful sign-in and their own end of the session). */
  signedIn: boolean;
  /** The patient (or the renderer's idle wipe) is ending the session right now. */
  ending: boolean;
  /** The kiosk ended the session by itself: why. */
  endedByKiosk: string | null;
}

export interface VisitDeps {
  call(channel: string, payload: unknown): Promise<unknown>;
  /** Virtual time passes (the patient reads, types, thinks); false when the kiosk died meanwhile. */
  pause(ms: number): Promise<boolean>;
  now(): number;
  dropLink(fault: DropFault, ms: number, note: string): void;
  setTrap(trap: TrapKind | null): void;
  smsCodes(phone: string): Promise<string[]>;
  password(persona: PersonaId): string;
  /** Something on the network or the disk is failing right now (a failure is then no surprise). */
  troubleNow(): string | null;
  rec: Recorder;
  pii: PiiScanner;
  watch: SessionWatch;
  rng: Prng;
}

export type VisitOutcome = 'done' | 'refused' | 'unavailable' | 'crashed' | 'cut-off' | 'stuck';

class KioskDied extends Error {}

/** Kiosks without the renderer's activity channel answer UNKNOWN_CHANNEL once; it is not asked again. */
const activityChannel: { known: boolean | null } = { known: null };
class CutOff extends Error {}

const EXPECTED_REFUSAL: Partial<Record<PersonaId, string>> = {
  'child-13': 'AGE_UNDER_14',
  'adult-expired-cert': 'CERT_EXPIRED',
  'unknown-drfo': 'PERSON_NOT_FOUND',
};

/** Errors a patient may meet when the network or eHealth fails: shown, nothing breaks. */
const TROUBLE_CODES = new Set([
  'EHEALTH_UNAVAILABLE',
  'EHEALTH_ERROR',
  'EHEALTH_RATE_LIMITED',
  'EHEALTH_UNEXPECTED',
  'SIGNER_FAILED',
  'TSA_FAILED',
  'STORAGE_FAILED',
  'STORAGE_FULL',
  'DISK_FULL',
  'FLOW_EXPIRED',
]);

export class Visit {
  readonly d: VisitDeps;
  readonly plan: SessionPlan;
  private trapArmed = false;
  private dropDone = false;
  private signedActs = 0;

  constructor(d: VisitDeps, plan: SessionPlan) {
    this.d = d;
    this.plan = plan;
  }

  async call(channel: string, payload: unknown): Promise<Reply> {
    const r = await this.d.call(channel, payload);
    if (isDied(r)) throw new KioskDied(`${channel}: kiosk process died (${r.signal ?? r.code})`);
    const reply = r as Reply;
    if (!reply.ok) {
      const code = reply.error.code;
      if (code === 'SOAK_STUCK' || code === 'SOAK_THREW')
        this.d.rec.problem('kioskStuck', this.d.now(), this.plan.id, `${channel}: ${reply.error.message}`);
      if (code === 'INTERNAL')
        this.d.rec.problem(
          'internalError',
          this.d.now(),
          this.plan.id,
          `${channel} answered INTERNAL${this.d.troubleNow() ? ` during ${this.d.troubleNow()}` : ''}`,
        );
      if (code === 'NO_SESSION' && this.d.watch.signedIn && !this.d.watch.ending) {
        this.d.watch.endedByKiosk ??= `${channel} answered NO_SESSION`;
        throw new CutOff(this.d.watch.endedByKiosk);
      }
    }
    if (this.d.watch.endedByKiosk && this.d.watch.signedIn) throw new CutOff(this.d.watch.endedByKiosk);
    return reply;
  }

  /**
   * The patient reads, types or thinks for `ms`. While signed in they touch the screen now and then,
   * and the renderer tells main so (`sessionActivity`, at most every 30 s, as its idle watch does);
   * a patient who has walked away (`idle`) touches nothing.
   */
  async pause(ms: number, mode: 'active' | 'idle' = 'active'): Promise<void> {
    let left = ms;
    while (left > 0) {
      const step =
        mode === 'active' && this.d.watch.signedIn ? Math.min(left, this.d.rng.int(30, 55) * 1000) : left;
      if (!(await this.d.pause(step))) throw new KioskDied('the kiosk process died while the patient waited');
      left -= step;
      if (this.d.watch.endedByKiosk && this.d.watch.signedIn) throw new CutOff(this.d.watch.endedByKiosk);
      if (left > 0 && mode === 'active' && this.d.watch.signedIn && activityChannel.known !== false) {
        const r = await this.call('sessionActivity', {});
        if (!r.ok && r.error.code === 'UNKNOWN_CHANNEL') activityChannel.known = false;
      }
    }
  }

  /** A failure the patient sees; a surprise only when nothing is failing around the kiosk. */
  failed(what: string, e: KioskErrorValue): void {
    const trouble = this.d.troubleNow();
    this.d.rec.count(`failed.${what}.${e.code}`);
    this.d.rec.notes.push(`${this.plan.id} ${what}: ${e.code}${trouble ? ` (${trouble})` : ''}`);
    if (!trouble && !TROUBLE_CODES.has(e.code) && e.code !== 'INTERNAL')
      this.d.rec.problem('unexpectedError', this.d.now(), this.plan.id, `${what}: ${e.code} ${e.message}`);
  }

  async run(): Promise<VisitOutcome> {
    const { watch } = this.d;
    watch.signedIn = false;
    watch.ending = false;
    watch.endedByKiosk = null;
    try {
      const signedIn = await this.signIn();
      if (signedIn !== 'done') return signedIn;
      await this.home();
      for (const intent of this.plan.intents) {
        await this.pause(this.plan.browseMs);
        await this.intent(intent);
      }
      await this.end();
      return 'done';
    } catch (e) {
      if (e instanceof KioskDied) {
        this.d.rec.count('visits.crashed');
        return 'crashed';
      }
      if (e instanceof CutOff) {
        this.d.rec.problem('cutOff', this.d.now(), this.plan.id, `${this.plan.persona}: ${e.message}`);
        watch.signedIn = false;
        return 'cut-off';
      }
      throw e;
    } finally {
      if (this.trapArmed) this.d.setTrap(null);
      watch.signedIn = false;
      watch.ending = false;
    }
  }

  private async signIn(): Promise<VisitOutcome> {
    const { persona } = this.plan;
    await this.call('appInfo', {});
    const keys = await this.call('signinKeys', { watch: true });
    if (!keys.ok) {
      this.failed('signinKeys', keys.error);
      return 'unavailable';
    }
    const key = (keys.value.keys as { id: string; folder: string | null }[]).find(
      (k) => k.folder === persona,
    );
    if (!key) {
      this.d.rec.problem('unexpectedError', this.d.now(), this.plan.id, `no key offered for ${persona}`);
      return 'unavailable';
    }
    for (let i = 0; i < this.plan.wrongPasswords; i++) {
      await this.pause(this.plan.typingMs);
      const wrong = await this.call('signinStart', {
        keyId: key.id,
        password: `${this.d.password(persona)}x`,
      });
      if (wrong.ok) {
        this.d.rec.problem('unexpectedError', this.d.now(), this.plan.id, 'a wrong password signed in');
        await this.end();
        return 'done';
      }
      this.d.rec.count(`signin.wrong-password.${wrong.error.code}`);
    }
    await this.pause(this.plan.typingMs);
    const r = await this.call('signinStart', { keyId: key.id, password: this.d.password(persona) });
    const expectedRefusal =
      EXPECTED_REFUSAL[persona] ??
      (persona === EXPIRING_PERSONA && this.certificateEnded() ? 'CERT_EXPIRED' : null);
    if (r.ok) {
      this.d.rec.count('signin.ok');
      this.d.watch.signedIn = true;
      if (expectedRefusal)
        this.d.rec.problem(
          'unexpectedError',
          this.d.now(),
          this.plan.id,
          `${persona} signed in (expected ${expectedRefusal})`,
        );
      return 'done';
    }
    const code = r.error.code;
    this.d.rec.count(`signin.refused.${code}`);
    const troubleAtSignIn = this.d.troubleNow();
    this.d.rec.notes.push(
      `${this.plan.id} signinStart: ${code}${troubleAtSignIn ? ` (${troubleAtSignIn})` : ''}`,
    );
    if (code === 'SESSION_BUSY') {
      // nobody is at the kiosk, yet it holds a session: the visitor is turned away
      this.d.rec.problem(
        'stuckSession',
        this.d.now(),
        this.plan.id,
        `${persona}: SESSION_BUSY with nobody signed in`,
      );
      // the registrar notices and ends it, so that the run goes on
      await this.call('sessionEnd', { reason: 'registrar' });
      return 'stuck';
    }
    if (expectedRefusal) {
      // a visitor who keeps mistyping the password of a key that no longer works may lock it
      const locked = code === 'KEY_LOCKED' || code === 'KEY_WRONG_PASSWORD';
      if (code !== expectedRefusal && !locked && !this.d.troubleNow())
        this.d.rec.problem(
          'unexpectedError',
          this.d.now(),
          this.plan.id,
          `${persona}: ${code}, expected ${expectedRefusal}`,
        );
      if (code === 'AGE_UNDER_14')
        await this.call('receiptPreview', { source: { slip: 'under-14' }, language: 'uk' });
      return 'refused';
    }
    const trouble = this.d.troubleNow();
    if (trouble) return 'unavailable';
    this.d.rec.problem(
      'signInRefused',
      this.d.now(),
      this.plan.id,
      `${persona}: ${code} (${r.error.message}) with eHealth reachable`,
    );
    return 'refused';
  }

  private certificateEnded(): boolean {
    return this.d.now() >= (this.d.pii.certificateValidTo ?? Infinity);
  }

  private async home(): Promise<void> {
    const person = await this.call('personGet', {});
    if (person.ok) this.d.pii.fromPersonView(person.value);
    else this.failed('personGet', person.error);
    await this.pause(this.plan.browseMs / 2);
    const decl = await this.call('declarationsOverview', {});
    if (!decl.ok) this.failed('declarationsOverview', decl.error);
  }

  private intent(intent: Intent): Promise<void> {
    return ACTS[intent](this);
  }

  /** Before the first signature of the visit: plant the kill point and drop the link as planned. */
  beforeSign(): void {
    if (this.signedActs === 0 && this.plan.trap && !this.trapArmed) {
      this.d.setTrap(this.plan.trap);
      this.trapArmed = true;
      this.d.rec.count(`trap.${this.plan.trap}`);
    }
  }

  async readBeforeSigning(): Promise<void> {
    if (this.plan.dropBeforeSign && !this.dropDone) {
      this.dropDone = true;
      const { fault, ms } = this.plan.dropBeforeSign;
      this.d.dropLink(fault, ms, `dropped while ${this.plan.persona} read a printout`);
    }
    await this.pause(this.plan.readMs);
  }

  afterSign(): void {
    this.signedActs++;
    if (this.trapArmed) {
      // the kiosk did not get to the planned point (the flow ended earlier): nothing to kill
      this.d.setTrap(null);
      this.trapArmed = false;
      this.d.rec.count('trap.not-reached');
    }
  }

  act(operationId: string, referenceCode: string, kind: string, state: string): void {
    this.d.rec.acts.push({
      operationId,
      referenceCode,
      kind,
      persona: this.plan.persona,
      session: this.plan.id,
      at: this.d.now(),
      receiptState: state,
    });
  }

  /** The result screen follows the act for a while (the patient reads the receipt). */
  async follow(operationId: string): Promise<void> {
    for (let i = 0; i < 2; i++) {
      await this.pause(20_000);
      const r = await this.call('outboxGet', { id: operationId });
      if (!r.ok) this.failed('outboxGet', r.error);
    }
  }

  private async end(): Promise<void> {
    if (this.plan.end === 'walk-away') {
      // the patient leaves; the renderer's idle timer: 90 s, then 20 s of warning, then it wipes
      // itself and main (whoever ends the session first, nobody is cut off any more)
      this.d.watch.ending = true;
      await this.pause(110_000, 'idle');
      await this.call('sessionEnd', { reason: 'idle' });
    } else {
      this.d.watch.ending = true;
      await this.call('sessionEnd', { reason: 'finish' });
    }
    this.d.watch.signedIn = false;
  }
}
