import { randomInt } from 'node:crypto';
import {
  ENROLLMENT_ALPHABET,
  ENROLLMENT_CODE_LENGTH,
  formatEnrollmentCode,
  normalizeEnrollmentCode,
} from '#shared/rules/enrollment-code';
import { queries, sql, type Db, type Queries } from '../db';
import type { AuditLog } from '../kiosk';
import { DEFAULT_SCRYPT, hashPin, ScryptParams, verifyPin, type PinHash } from './pin';

/**
 * Enrolment: a new kiosk has no registrar until someone with access to the machine runs
 * `kiosk registrar enroll` and reads the code it prints. The first registrar's PIN is set on the
 * touch screen only together with that code — holding the corner is not enough any more.
 *
 * The code is twelve characters of Crockford's base 32 (shared/rules/enrollment-code.ts), shown as
 * XXXX-XXXX-XXXX: 60 random bits. Only its scrypt hash is stored; it is valid
 * for 24 hours and for one registrar. A new code replaces an unused one.
 */
export const ENROLLMENT_VALID_MS = 24 * 60 * 60_000;

export function generateEnrollmentCode(pick: (n: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < ENROLLMENT_CODE_LENGTH; i++)
    code += ENROLLMENT_ALPHABET[pick(ENROLLMENT_ALPHABET.length)];
  return code;
}

interface EnrollmentRow {
  code_salt: Buffer;
  code_hash: Buffer;
  code_params: string;
  issued_at: string;
  expires_at: string;
  used_at: string | null;
}

export type EnrollmentState =
  | { kind: 'none' }
  | { kind: 'expired'; expiredAt: string }
  | { kind: 'used'; usedAt: string }
  | { kind: 'open'; issuedAt: string; expiresAt: string; hash: PinHash };

export interface EnrollmentOptions {
  db: Db;
  audit: AuditLog;
  now?: () => Date;
  /** Lower only in tests. */
  scrypt?: ScryptParams;
}

/** The kiosk's enrolment code: issued by the ops CLI, checked and consumed by the first-registrar setup. */
export class Enrollment {
  private readonly now: () => Date;
  private readonly q: Queries;

  constructor(private readonly opts: EnrollmentOptions) {
    this.now = opts.now ?? (() => new Date());
    this.q = queries(opts.db);
  }

  /** Issues a fresh code (replacing any earlier one) and returns it for printing, once. */
  async issue(actor: 'operator-cli' = 'operator-cli'): Promise<{ code: string; expiresAt: string }> {
    const code = generateEnrollmentCode();
    const h = await hashPin(code, this.opts.scrypt ?? DEFAULT_SCRYPT);
    const issued = this.now();
    const expiresAt = new Date(issued.getTime() + ENROLLMENT_VALID_MS).toISOString();
    this.q.tx(() => {
      this.q.run(
        sql`INSERT INTO registrar_enrollment (id, code_salt, code_hash, code_params, issued_at, expires_at, used_at)
           VALUES (1, ${h.salt}, ${h.hash}, ${JSON.stringify(h.params)}, ${issued.toISOString()}, ${expiresAt}, NULL)
           ON CONFLICT(id) DO UPDATE SET code_salt = excluded.code_salt, code_hash = excluded.code_hash,
             code_params = excluded.code_params, issued_at = excluded.issued_at,
             expires_at = excluded.expires_at, used_at = NULL`,
      );
      this.opts.audit.append(actor, 'registrar.enrollment.issue', null, { expiresAt });
    });
    return { code: formatEnrollmentCode(code), expiresAt };
  }

  state(): EnrollmentState {
    const row = this.q.one<EnrollmentRow>(
      sql`SELECT code_salt, code_hash, code_params, issued_at, expires_at, used_at FROM registrar_enrollment WHERE id = 1`,
    );
    if (!row) return { kind: 'none' };
    if (row.used_at) return { kind: 'used', usedAt: row.used_at };
    if (Date.parse(row.expires_at) <= this.now().getTime())
      return { kind: 'expired', expiredAt: row.expires_at };
    let params: ScryptParams;
    try {
      params = ScryptParams.parse(JSON.parse(row.code_params));
    } catch {
      return { kind: 'none' }; // a damaged row never matches; enrol again
    }
    return {
      kind: 'open',
      issuedAt: row.issued_at,
      expiresAt: row.expires_at,
      hash: { salt: row.code_salt, hash: row.code_hash, params },
    };
  }

  /** True while an unused, unexpired code exists (the first-run screen may ask for it). */
  isOpen(): boolean {
    return this.state().kind === 'open';
  }

  /** Whether `typed` is the open code (false when there is none, or it expired or was used). */
  async matches(typed: string): Promise<{ open: boolean; matches: boolean; issuedAt: string | null }> {
    const s = this.state();
    if (s.kind !== 'open') return { open: false, matches: false, issuedAt: null };
    const code = normalizeEnrollmentCode(typed);
    // a malformed code costs the same as a wrong one
    const matches = await verifyPin(code ?? '-', s.hash);
    return { open: true, matches: code !== null && matches, issuedAt: s.issuedAt };
  }

  /**
   * Marks the code issued at `issuedAt` used, inside the caller's transaction. False when it is no
   * longer the open code (replaced, used or expired meanwhile).
   */
  consume(issuedAt: string): boolean {
    const at = this.now().toISOString();
    return (
      this.q.run(
        sql`UPDATE registrar_enrollment SET used_at = ${at} WHERE id = 1 AND issued_at = ${issuedAt}
            AND used_at IS NULL AND expires_at > ${at}`,
      ).changes === 1
    );
  }
}
