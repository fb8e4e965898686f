import type { RegistrarState } from '#shared/contract/registrar';
import { err, ok, type Result } from '#shared/result';
import type { EventBus } from '../events';
import { storage } from '../db';
import type { SessionManager } from '../session';
import type { RegistrarAccounts } from './accounts';
import type { AuditLog } from '../kiosk';
import {
  birthDateGuard,
  isCalendarDate,
  sameBirthDate,
  type AssistedState,
  type GuardedPatient,
} from './birth-date-guard';

/** Wrong birth dates for one visitor before the kiosk ends their session: it is probably not them. */
export const MAX_BIRTH_DATE_MISMATCHES = 3;

/** The signed-in visitor as registrar mode needs them (wired to PatientSession). */
export interface PatientPort {
  current(): GuardedPatient | null;
  /** The signed-in person's birth date as eHealth has it (YYYY-MM-DD…). */
  birthDate(): Promise<Result<string>>;
}

export interface RegistrarModeOptions {
  accounts: RegistrarAccounts;
  audit: AuditLog;
  events: EventBus;
  session: SessionManager;
  /** Null until the patient session exists (then only the guard itself is testable). */
  patient?: () => PatientPort | null;
}

interface Assisted extends AssistedState {
  mismatches: number;
}

/**
 * Who is at the kiosk besides the visitor: nobody, a registrar in the panel, or a registrar running
 * an assisted session. Lives in main only; the renderer is told the state and asks for changes.
 *
 * - While an assisted session runs, every audit entry the patient's actions write is attributed to
 *   the registrar (`registrar:<code>`), and the wrong-patient guard blocks any change until the
 *   registrar has confirmed the signed-in visitor's birth date.
 * - The end of a patient session (finish, idle, key removed) ends registrar mode too: a registrar
 *   who walks away leaves nothing open.
 */
export class RegistrarModeState {
  private registrar: string | null = null;
  private assisted: Assisted | null = null;

  constructor(private readonly opts: RegistrarModeOptions) {
    opts.audit.setAttribution(() => (this.assisted ? `registrar:${this.assisted.registrarId}` : null));
    opts.events.on('sessionEnded', ({ reason }) => {
      if (!this.registrar && !this.assisted) return;
      const actor = this.actor();
      const wasAssisted = this.assisted !== null;
      // leaving always happens (nothing stays open); its audit entry is written if the disk allows
      this.registrar = null;
      this.assisted = null;
      if (wasAssisted) this.record(actor, 'registrar.assist.end', null, { reason });
      this.publish();
    });
  }

  /** The guard to register with `PatientSession.addActGuard`. */
  readonly actGuard = birthDateGuard(() => this.assisted);

  state(): RegistrarState {
    const patient = this.assisted ? (this.opts.patient?.()?.current() ?? null) : null;
    const confirmed = this.assisted?.confirmed;
    const pinSet = this.opts.accounts.count() > 0;
    return {
      pinSet,
      enrolled: pinSet || this.opts.accounts.enrollment.isOpen(),
      lockedForSeconds: this.opts.accounts.lockedFor(),
      mode: this.assisted ? 'assisted' : this.registrar ? 'panel' : 'off',
      registrarId: this.assisted?.registrarId ?? this.registrar,
      birthDateConfirmed:
        !!patient &&
        !!confirmed &&
        confirmed.sessionId === patient.sessionId &&
        confirmed.personId === patient.personId,
      patientSignedIn: !!patient,
    };
  }

  /** The signed-in registrar in the panel (not during an assisted session), or REGISTRAR_REQUIRED. */
  requirePanel(): Result<string> {
    return this.registrar && !this.assisted
      ? ok(this.registrar)
      : err('REGISTRAR_REQUIRED', 'sign in as a registrar first');
  }

  /** The first registrar of an enrolled kiosk (with the code the ops CLI printed), signed in at once. */
  async setFirstPin(
    registrarId: string,
    pin: string,
    enrollmentCode: string,
  ): Promise<Result<RegistrarState>> {
    const added = await this.opts.accounts.addFirst(registrarId, pin, enrollmentCode);
    if (!added.ok) return added;
    return this.enter(added.value.registrarId);
  }

  async signIn(registrarId: string, pin: string): Promise<Result<RegistrarState>> {
    const checked = await this.opts.accounts.verify(registrarId, pin);
    if (!checked.ok) return checked;
    return this.enter(checked.value.registrarId);
  }

  signOut(): RegistrarState {
    if (this.registrar && !this.assisted) {
      const registrarId = this.registrar;
      this.registrar = null;
      this.record(`registrar:${registrarId}`, 'registrar.signOut');
      this.publish();
    }
    return this.state();
  }

  startAssisted(): Result<RegistrarState> {
    const who = this.requirePanel();
    if (!who.ok) return who;
    const current = this.opts.patient?.()?.current() ?? null;
    const noted = this.record(`registrar:${who.value}`, 'registrar.assist.start', current?.sessionId ?? null);
    if (!noted.ok) return noted;
    this.assisted = { registrarId: who.value, confirmed: null, mismatches: 0 };
    return ok(this.publish());
  }

  /** Checks the date the visitor tells against eHealth's record of the signed-in person. */
  async confirmBirthDate(birthDate: string): Promise<Result<RegistrarState>> {
    const assisted = this.assisted;
    if (!assisted) return err('REGISTRAR_REQUIRED', 'no assisted session is running');
    if (!isCalendarDate(birthDate)) return err('VALIDATION', 'not a calendar date', { field: 'birthDate' });
    const port = this.opts.patient?.() ?? null;
    const patient = port?.current() ?? null;
    if (!port || !patient) return err('NO_SESSION', 'the visitor has not signed in yet');
    const onRecord = await port.birthDate();
    if (!onRecord.ok) return onRecord;
    if (this.assisted !== assisted) return err('REGISTRAR_REQUIRED', 'the assisted session has ended');
    const actor = `registrar:${assisted.registrarId}` as const;
    if (sameBirthDate(birthDate, onRecord.value)) {
      const noted = this.record(actor, 'registrar.assist.birthDateConfirmed', patient.sessionId);
      if (!noted.ok) return noted;
      assisted.confirmed = { sessionId: patient.sessionId, personId: patient.personId };
      assisted.mismatches = 0;
      return ok(this.publish());
    }
    // a wrong date always counts (towards ending the session), even when it cannot be audited
    assisted.mismatches += 1;
    this.record(actor, 'registrar.assist.birthDateMismatch', patient.sessionId, {
      mismatches: assisted.mismatches,
    });
    const attemptsLeft = MAX_BIRTH_DATE_MISMATCHES - assisted.mismatches;
    if (attemptsLeft <= 0) {
      // most likely someone else's key: the visitor's session ends before anything can change
      await this.opts.session.end('registrar');
      return err('BIRTH_DATE_MISMATCH', 'the birth date does not match; the session was ended', {
        attemptsLeft: 0,
      });
    }
    return err('BIRTH_DATE_MISMATCH', 'the birth date does not match the signed-in person', { attemptsLeft });
  }

  /** "Hand back to patient": the registrar leaves; registrar controls disappear. */
  handBack(): Result<RegistrarState> {
    const assisted = this.assisted;
    if (!assisted) return err('REGISTRAR_REQUIRED', 'no assisted session is running');
    const noted = this.record(`registrar:${assisted.registrarId}`, 'registrar.assist.handBack');
    if (!noted.ok) return noted;
    this.assisted = null;
    this.registrar = null;
    return ok(this.publish());
  }

  /** Enters the panel only together with its audit entry: a full disk leaves registrar mode off. */
  private enter(registrarId: string): Result<RegistrarState> {
    const noted = this.record(`registrar:${registrarId}`, 'registrar.signIn');
    if (!noted.ok) return noted;
    this.registrar = registrarId;
    this.assisted = null;
    return ok(this.publish());
  }

  /** Writes an audit entry; a full disk (or another storage failure) is an error value, not a throw. */
  private record(
    actor: `registrar:${string}` | 'kiosk',
    action: string,
    subject?: string | null,
    detail?: Record<string, unknown>,
  ): Result<void> {
    return storage(`record ${action}`, () => {
      this.opts.audit.append(actor, action, subject, detail);
    });
  }

  private actor(): `registrar:${string}` | 'kiosk' {
    const id = this.assisted?.registrarId ?? this.registrar;
    return id ? `registrar:${id}` : 'kiosk';
  }

  private publish(): RegistrarState {
    const s = this.state();
    this.opts.events.emit('registrarChanged', s);
    return s;
  }
}
