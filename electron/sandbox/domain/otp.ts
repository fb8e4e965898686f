import { randomInt, randomUUID } from 'node:crypto';
import type { Db } from '../../core/db';
import type { SandboxState } from '../state';
import { ApiError, forbidden } from '../errors';
import { addDays, isoDateTime } from '../time';

/**
 * One-time codes by SMS, as eHealth's OTP service sends them: 4 digits, valid `otpTtlMinutes`,
 * `otpMaxAttempts` tries, a new code for the same request cancels the older ones, at most 10 SMS
 * an hour to a phone. Every SMS lands in the sandbox's inbox (`GET /sandbox/sms`).
 */

/** Sends a new 4-digit code to the phone; older codes of the same request stop working. */
export function sendOtp(
  state: Pick<SandboxState, 'db' | 'config' | 'now'>,
  requestId: string,
  phone: string,
) {
  const { db, config } = state;
  const now = state.now();
  const recent = db
    .prepare('SELECT count(*) AS n FROM sms WHERE phone_number = ? AND sent_at > ?')
    .get(phone, isoDateTime(addDays(now, -1 / 24))) as { n: number };
  if (recent.n >= 10)
    throw new ApiError(
      429,
      'too_many_requests',
      'SMS limit for this phone number is exceeded; try again later',
      undefined,
      { 'retry-after': '3600' },
    );
  db.prepare("UPDATE otps SET status = 'CANCELED' WHERE request_id = ? AND status = 'NEW'").run(requestId);
  const code = String(randomInt(0, 10_000)).padStart(4, '0');
  const id = randomUUID();
  const expiresAt = isoDateTime(new Date(now.getTime() + config.otpTtlMinutes * 60_000));
  db.prepare(
    "INSERT INTO otps (id, request_id, phone_number, code, status, attempts, expires_at, inserted_at) VALUES (?, ?, ?, ?, 'NEW', 0, ?, ?)",
  ).run(id, requestId, phone, code, expiresAt, isoDateTime(now));
  db.prepare('INSERT INTO sms (phone_number, text, code, sent_at) VALUES (?, ?, ?, ?)').run(
    phone,
    `Код авторизації дій в системі eHealth: ${code}`,
    code,
    isoDateTime(now),
  );
  return { id, status: 'NEW', code_expired_at: expiresAt, active: true };
}

interface OtpRow {
  id: string;
  code: string;
  status: string;
  attempts: number;
  expires_at: string;
}

/**
 * The latest code sent for the request, checked against `code` (a wrong code counts as an attempt
 * even though the request fails). Throws eHealth's 403s; the caller marks it verified in its commit.
 */
export function checkOtp(
  state: Pick<SandboxState, 'db' | 'config' | 'now'>,
  requestId: string,
  code: number,
): OtpRow {
  const { db, config } = state;
  // the latest code sent for this request (a resend cancels the earlier ones)
  const otp = db
    .prepare(
      "SELECT * FROM otps WHERE request_id = ? AND status != 'CANCELED' ORDER BY inserted_at DESC, rowid DESC LIMIT 1",
    )
    .get(requestId) as OtpRow | undefined;
  if (!otp) throw forbidden('Verification code expired');
  if (otp.status === 'UNVERIFIED' || otp.attempts >= config.otpMaxAttempts)
    throw forbidden('Maximum attempts exceed');
  if (otp.status === 'VERIFIED') throw forbidden('Verification code expired');
  if (otp.expires_at <= isoDateTime(state.now())) throw forbidden('Verification code expired');
  if (otp.code !== String(code).padStart(4, '0')) {
    const attempts = otp.attempts + 1;
    db.prepare('UPDATE otps SET attempts = ?, status = ? WHERE id = ?').run(
      attempts,
      attempts >= config.otpMaxAttempts ? 'UNVERIFIED' : 'NEW',
      otp.id,
    );
    throw forbidden(
      attempts >= config.otpMaxAttempts ? 'Maximum attempts exceed' : 'Invalid verification code',
    );
  }
  return otp;
}

export function markOtpVerified(db: Db, otpId: string): void {
  db.prepare("UPDATE otps SET status = 'VERIFIED', attempts = attempts + 1 WHERE id = ?").run(otpId);
}

/** eHealth remembers phones that passed a code: they need no new verification. */
export function isPhoneVerified(db: Db, phone: string): boolean {
  return !!db.prepare("SELECT 1 FROM otps WHERE phone_number = ? AND status = 'VERIFIED' LIMIT 1").get(phone);
}
