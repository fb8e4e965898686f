import { err, ok, type Result } from '#shared/result';
import { queries, sql, type Db, type Queries } from '../db';
import type { AuditLog } from '../kiosk';
import { Enrollment } from './enrollment';
import { DEFAULT_SCRYPT, hashPin, pinProblem, ScryptParams, verifyPin, type PinHash } from './pin';

/** Staff codes: letters, digits, dot, dash; stored upper-case so "r-01" and "R-01" are one registrar. */
export const REGISTRAR_ID_PATTERN = /^[A-Z0-9][A-Z0-9.-]{0,23}$/;
export const normalizeRegistrarId = (id: string): string => id.trim().toUpperCase();

/** Wrong PINs in a row before the panel locks, and how long the first lock lasts (each next one doubles). */
export const MAX_PIN_FAILURES = 5;
export const FIRST_LOCK_MS = 5 * 60_000;
export const MAX_LOCK_MS = 60 * 60_000;

export interface AccountsOptions {
  db: Db;
  audit: AuditLog;
  now?: () => Date;
  /** Lower only in tests: the cost of every new hash. */
  scrypt?: ScryptParams;
}

interface AccountRow {
  registrar_id: string;
  pin_salt: Buffer;
  pin_hash: Buffer;
  pin_params: string;
}

interface LockoutRow {
  failures: number;
  locks: number;
  locked_until: string | null;
}

/** A salt/hash pair that never matches, so an unknown staff code costs the same time as a known one. */
const decoy = (params: ScryptParams): PinHash => ({
  salt: Buffer.alloc(16, 7),
  hash: Buffer.alloc(params.keyLength, 0),
  params,
});

/**
 * Registrar accounts and the kiosk-wide PIN lockout. A wrong staff code and a wrong PIN look the
 * same from outside (same error, same scrypt cost), and every failure counts towards one lock, so
 * guessing across staff codes gains nothing. Locked, the PIN is not even checked.
 *
 * Guessing is bounded whatever the concurrency: checks run one at a time, and each attempt is
 * written down as a failure before its (slow) hash is computed — a right PIN clears the count
 * afterwards. So fifty parallel calls get at most MAX_PIN_FAILURES checks per lock, and pulling the
 * plug in the middle of a check still counts it. Enrolment codes count towards the same lock.
 */
export class RegistrarAccounts {
  private readonly now: () => Date;
  private readonly params: ScryptParams;
  readonly enrollment: Enrollment;
  /** The tail of the queue of attempts: each waits for the one before it. */
  private attempts: Promise<unknown> = Promise.resolve();

  private readonly q: Queries;

  constructor(private readonly opts: AccountsOptions) {
    this.q = queries(opts.db);
    this.now = opts.now ?? (() => new Date());
    this.params = opts.scrypt ?? DEFAULT_SCRYPT;
    this.enrollment = new Enrollment({
      db: opts.db,
      audit: opts.audit,
      now: this.now,
      ...(opts.scrypt ? { scrypt: opts.scrypt } : {}),
    });
  }

  count(): number {
    return this.q.value<number>(sql`SELECT count(*) AS n FROM registrar_accounts`) ?? 0;
  }

  ids(): string[] {
    return this.q
      .all<Pick<AccountRow, 'registrar_id'>>(
        sql`SELECT registrar_id FROM registrar_accounts ORDER BY registrar_id`,
      )
      .map((r) => r.registrar_id);
  }

  /** Seconds until PIN entry is allowed again, or null when it is allowed now. */
  lockedFor(): number | null {
    const row = this.lockout();
    if (!row.locked_until) return null;
    const ms = Date.parse(row.locked_until) - this.now().getTime();
    return ms > 0 ? Math.ceil(ms / 1000) : null;
  }

  /**
   * The first registrar of an enrolled kiosk: only with the enrolment code the ops CLI printed on
   * this machine (open, unused, not expired), which this consumes. The code is checked like a PIN
   * (one at a time, counted before it is checked, locked after too many wrong ones).
   */
  async addFirst(
    rawId: string,
    pin: string,
    enrollmentCode: string,
  ): Promise<Result<{ registrarId: string }>> {
    const checked = this.checkNew(rawId, pin);
    if (!checked.ok) return checked;
    const registrarId = checked.value;
    if (this.count() > 0)
      return err('REGISTRAR_REQUIRED', 'a registrar PIN is already set; sign in as a registrar first');
    if (!this.enrollment.isOpen())
      return err('NOT_ENROLLED', 'this kiosk is not enrolled: run `kiosk registrar enroll` on it');
    let issuedAt: string | null = null;
    const attempt = await this.attempt(async () => {
      const m = await this.enrollment.matches(enrollmentCode);
      issuedAt = m.issuedAt;
      return m.matches;
    }, 'ENROLLMENT_CODE_WRONG');
    if (!attempt.ok) return attempt;
    const h = await hashPin(pin, this.params);
    const at = this.now().toISOString();
    const outcome = this.opts.db.transaction((): 'ok' | 'taken' | 'code' => {
      if (this.count() > 0) return 'taken'; // lost a race with another first registrar
      if (!issuedAt || !this.enrollment.consume(issuedAt)) return 'code'; // expired or replaced meanwhile
      this.insertAccount(registrarId, h, at);
      this.opts.audit.append('kiosk', 'registrar.account.add', registrarId, {
        firstRun: true,
        enrolled: true,
      });
      return 'ok';
    })();
    if (outcome === 'taken')
      return err('REGISTRAR_REQUIRED', 'a registrar PIN is already set; sign in as a registrar first');
    if (outcome === 'code')
      return err('NOT_ENROLLED', 'the enrolment code expired or was replaced: enrol the kiosk again');
    return ok({ registrarId });
  }

  /** Adds another registrar; only a registrar already signed in (`by`) may. */
  async add(rawId: string, pin: string, by: string): Promise<Result<{ registrarId: string }>> {
    const checked = this.checkNew(rawId, pin);
    if (!checked.ok) return checked;
    const registrarId = checked.value;
    const h = await hashPin(pin, this.params);
    const inserted = this.opts.db.transaction(() => {
      if (!this.insertAccount(registrarId, h, this.now().toISOString())) return false;
      this.opts.audit.append(`registrar:${by}`, 'registrar.account.add', registrarId, { firstRun: false });
      return true;
    })();
    return inserted
      ? ok({ registrarId })
      : err('VALIDATION', 'this staff code is taken', { field: 'registrarId', problem: 'taken' });
  }

  private checkNew(rawId: string, pin: string): Result<string> {
    const registrarId = normalizeRegistrarId(rawId);
    if (!REGISTRAR_ID_PATTERN.test(registrarId))
      return err('VALIDATION', 'the staff code must be 1–24 letters, digits, dots or dashes', {
        field: 'registrarId',
      });
    const problem = pinProblem(pin);
    if (problem)
      return err('VALIDATION', `the PIN is not acceptable (${problem})`, { field: 'pin', problem });
    return ok(registrarId);
  }

  private insertAccount(registrarId: string, h: PinHash, at: string): boolean {
    return (
      this.q.run(
        sql`INSERT INTO registrar_accounts (registrar_id, pin_salt, pin_hash, pin_params, created_at, updated_at)
           VALUES (${registrarId}, ${h.salt}, ${h.hash}, ${JSON.stringify(h.params)}, ${at}, ${at})
           ON CONFLICT(registrar_id) DO NOTHING`,
      ).changes === 1
    );
  }

  /** Changes a registrar's own PIN (the current PIN is checked like a sign-in, lockout included). */
  async changePin(rawId: string, currentPin: string, nextPin: string): Promise<Result<void>> {
    const problem = pinProblem(nextPin);
    if (problem)
      return err('VALIDATION', `the PIN is not acceptable (${problem})`, { field: 'pin', problem });
    const checked = await this.verify(rawId, currentPin);
    if (!checked.ok) return checked;
    const h = await hashPin(nextPin, this.params);
    this.opts.db.transaction(() => {
      this.q.run(
        sql`UPDATE registrar_accounts SET pin_salt = ${h.salt}, pin_hash = ${h.hash}, pin_params = ${JSON.stringify(h.params)},
            updated_at = ${this.now().toISOString()} WHERE registrar_id = ${checked.value.registrarId}`,
      );
      this.opts.audit.append(
        `registrar:${checked.value.registrarId}`,
        'registrar.pin.change',
        checked.value.registrarId,
      );
    })();
    return ok(undefined);
  }

  /** Removes another registrar (never the last one, never oneself: someone must always be able to get in). */
  remove(rawId: string, by: string): Result<void> {
    const registrarId = normalizeRegistrarId(rawId);
    if (registrarId === by) return err('VALIDATION', 'you cannot remove yourself', { field: 'registrarId' });
    const removed = this.opts.db.transaction(() => {
      const n = this.q.run(sql`DELETE FROM registrar_accounts WHERE registrar_id = ${registrarId}`);
      if (n.changes === 1) this.opts.audit.append(`registrar:${by}`, 'registrar.account.remove', registrarId);
      return n.changes === 1;
    })();
    return removed ? ok(undefined) : err('VALIDATION', 'no such registrar', { field: 'registrarId' });
  }

  /**
   * Checks a staff code and PIN. PIN_LOCKED (with `retryAfterSeconds`) while locked; PIN_WRONG (with
   * `attemptsLeft`) for a wrong code or PIN; PIN_NOT_SET before the first registrar exists.
   */
  async verify(rawId: string, pin: string): Promise<Result<{ registrarId: string }>> {
    if (this.count() === 0) return err('PIN_NOT_SET', 'no registrar PIN has been set on this kiosk');
    const registrarId = normalizeRegistrarId(rawId);
    const r = await this.attempt(async () => {
      const account = REGISTRAR_ID_PATTERN.test(registrarId) ? this.account(registrarId) : null;
      const matches = await verifyPin(pin, account ?? decoy(this.params));
      return account !== null && matches;
    }, 'PIN_WRONG');
    return r.ok ? ok({ registrarId }) : r;
  }

  /**
   * One guess, in turn: refused while locked; otherwise counted as a failure first, then checked;
   * a match clears the count, a miss at the limit locks.
   */
  private attempt(
    check: () => Promise<boolean>,
    wrongCode: 'PIN_WRONG' | 'ENROLLMENT_CODE_WRONG',
  ): Promise<Result<void>> {
    const run = async (): Promise<Result<void>> => {
      const recorded = this.recordAttempt();
      if (!recorded.ok) return recorded;
      // a check that failed is a failed attempt, already counted
      const matches = await check().catch(() => false);
      if (matches) {
        this.q.run(
          sql`UPDATE registrar_lockout SET failures = 0, locks = 0, locked_until = NULL WHERE id = 1`,
        );
        return ok(undefined);
      }
      return this.recordFailure(recorded.value, wrongCode);
    };
    const next = this.attempts.then(run, run);
    this.attempts = next.catch(() => undefined);
    return next;
  }

  /** Writes the attempt down before it is checked; returns the count including it. */
  private recordAttempt(): Result<number> {
    return this.opts.db.transaction((): Result<number> => {
      const lockedFor = this.lockedFor();
      if (lockedFor !== null)
        return err('PIN_LOCKED', 'PIN entry is locked', { retryAfterSeconds: lockedFor });
      const row = this.lockout();
      // a lock that has run out starts a fresh count, but the next lock is longer
      const expired = row.locked_until !== null;
      const before = expired ? 0 : row.failures;
      if (before >= MAX_PIN_FAILURES) {
        // the limit was reached by attempts whose outcome was never written (the power went): lock now
        const seconds = this.lock(row.locks, before);
        return err('PIN_LOCKED', 'PIN entry is locked', { retryAfterSeconds: seconds, attemptsLeft: 0 });
      }
      this.q.run(
        sql`UPDATE registrar_lockout SET failures = ${before + 1}, locked_until = NULL WHERE id = 1`,
      );
      return ok(before + 1);
    })();
  }

  private recordFailure(failures: number, wrongCode: 'PIN_WRONG' | 'ENROLLMENT_CODE_WRONG'): Result<never> {
    return this.opts.db.transaction((): Result<never> => {
      if (failures < MAX_PIN_FAILURES) {
        this.opts.audit.append('kiosk', 'registrar.pin.wrong', null, {
          failures,
          ...(wrongCode === 'ENROLLMENT_CODE_WRONG' ? { enrollment: true } : {}),
        });
        return err(wrongCode, 'wrong staff code or PIN', { attemptsLeft: MAX_PIN_FAILURES - failures });
      }
      const seconds = this.lock(this.lockout().locks, failures);
      return err('PIN_LOCKED', 'too many wrong PINs; PIN entry is locked', {
        retryAfterSeconds: seconds,
        attemptsLeft: 0,
      });
    })();
  }

  /** Locks PIN entry (the n-th lock lasts twice as long as the one before); returns its seconds. */
  private lock(previousLocks: number, failures: number): number {
    const locks = previousLocks + 1;
    const ms = Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (locks - 1));
    const until = new Date(this.now().getTime() + ms).toISOString();
    this.q.run(
      sql`UPDATE registrar_lockout SET failures = ${failures}, locks = ${locks}, locked_until = ${until} WHERE id = 1`,
    );
    this.opts.audit.append('kiosk', 'registrar.pin.locked', null, { failures, seconds: ms / 1000 });
    return Math.ceil(ms / 1000);
  }

  private lockout(): LockoutRow {
    const row = this.q.one<LockoutRow>(
      sql`SELECT failures, locks, locked_until FROM registrar_lockout WHERE id = 1`,
    );
    // the migration writes the one row; a database without it is not the kiosk's
    if (!row) throw new Error('registrar_lockout has no row');
    return row;
  }

  private account(registrarId: string): PinHash | null {
    const row = this.q.one<AccountRow>(
      sql`SELECT registrar_id, pin_salt, pin_hash, pin_params FROM registrar_accounts WHERE registrar_id = ${registrarId}`,
    );
    if (!row) return null;
    let params: ScryptParams;
    try {
      params = ScryptParams.parse(JSON.parse(row.pin_params));
    } catch {
      return null; // a damaged row never matches; another registrar can reset it
    }
    return { salt: row.pin_salt, hash: row.pin_hash, params };
  }
}
