/**
 * Wrong-password lockout per key file: after 5 wrong passwords the file is locked for 15 minutes
 * (table key_lockouts, migration 0002). A key file is identified by an HMAC of its bytes under a
 * per-kiosk salt, so the table says nothing about whose key it is and survives a restart.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KioskError, Result } from '#shared/result';
import type { Db } from '../db';

export const MAX_WRONG_PASSWORDS = 5;
export const LOCK_MS = 15 * 60 * 1000;

export const LOCKOUT_SALT_FILE = 'esign-lockout.salt';

/** Reads (creating on first use) the kiosk's lockout salt; ':memory:' gets a per-process salt. */
export function loadLockoutSalt(dataDir: string): Uint8Array {
  if (dataDir === ':memory:') return randomBytes(32);
  const file = join(dataDir, LOCKOUT_SALT_FILE);
  if (existsSync(file)) {
    const salt = readFileSync(file);
    if (salt.length >= 16) return new Uint8Array(salt);
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const salt = randomBytes(32);
  writeFileSync(file, salt, { mode: 0o600 });
  chmodSync(file, 0o600);
  return new Uint8Array(salt);
}

interface Row {
  failures: number;
  locked_until: string | null;
}

export class KeyLockout {
  constructor(
    private readonly db: Db,
    private readonly salt: Uint8Array,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Fingerprint of a key file (or of a token key: pass its serial + id bytes). */
  fingerprint(keyBytes: Uint8Array): string {
    return createHmac('sha256', this.salt).update(keyBytes).digest('hex');
  }

  private row(fp: string): Row | undefined {
    return this.db
      .prepare('SELECT failures, locked_until FROM key_lockouts WHERE key_fingerprint = ?')
      .get(fp) as Row | undefined;
  }

  private lockedError(until: Date): KioskError {
    const secondsLeft = Math.max(1, Math.ceil((until.getTime() - this.now().getTime()) / 1000));
    return {
      code: 'KEY_LOCKED',
      message: `too many wrong passwords; this key is locked for ${Math.ceil(secondsLeft / 60)} more minute(s)`,
      details: { secondsLeft, lockedUntil: until.toISOString() },
    };
  }

  /** ok with attempts left, or KEY_LOCKED with the remaining time. An expired lock is cleared. */
  check(fp: string): Result<{ attemptsLeft: number }> {
    const r = this.row(fp);
    if (!r) return { ok: true, value: { attemptsLeft: MAX_WRONG_PASSWORDS } };
    if (r.locked_until) {
      const until = new Date(r.locked_until);
      if (until.getTime() > this.now().getTime()) return { ok: false, error: this.lockedError(until) };
      this.db.prepare('DELETE FROM key_lockouts WHERE key_fingerprint = ?').run(fp);
      return { ok: true, value: { attemptsLeft: MAX_WRONG_PASSWORDS } };
    }
    return { ok: true, value: { attemptsLeft: Math.max(0, MAX_WRONG_PASSWORDS - r.failures) } };
  }

  /** Counts a wrong password; returns the error to show (attempts left, or the lock). */
  recordFailure(fp: string): KioskError {
    const at = this.now();
    const next = this.db.transaction((): Row => {
      const r = this.row(fp);
      const failures = (r && !r.locked_until ? r.failures : 0) + 1;
      const locked = failures >= MAX_WRONG_PASSWORDS ? new Date(at.getTime() + LOCK_MS).toISOString() : null;
      this.db
        .prepare(
          `INSERT INTO key_lockouts (key_fingerprint, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)
           ON CONFLICT(key_fingerprint) DO UPDATE SET failures = excluded.failures,
             last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until`,
        )
        .run(fp, failures, at.toISOString(), locked);
      return { failures, locked_until: locked };
    })();
    if (next.locked_until) return this.lockedError(new Date(next.locked_until));
    const attemptsLeft = MAX_WRONG_PASSWORDS - next.failures;
    return {
      code: 'KEY_WRONG_PASSWORD',
      message: `wrong password for this key file; ${attemptsLeft} attempt(s) left`,
      details: { attemptsLeft },
    };
  }

  recordSuccess(fp: string): void {
    this.db.prepare('DELETE FROM key_lockouts WHERE key_fingerprint = ?').run(fp);
  }
}

/** Applies the lockout around one open attempt. */
export async function withLockout<T>(
  lockout: KeyLockout,
  fp: string,
  attempt: () => Promise<Result<T>>,
): Promise<Result<T>> {
  const state = lockout.check(fp);
  if (!state.ok) return state;
  const r = await attempt();
  if (r.ok) lockout.recordSuccess(fp);
  else if (r.error.code === 'KEY_WRONG_PASSWORD') return { ok: false, error: lockout.recordFailure(fp) };
  return r;
}
