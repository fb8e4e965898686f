import { randomUUID } from 'node:crypto';
import type { AuthMethodView, PhoneChallenge } from '#shared/contract/person';
import { err, ok, type Result } from '#shared/result';
import { isValidPhone, normalizePhone } from '#shared/rules/person/index';
import type { EhealthFailure, PatientTokens } from '../ehealth';
import { authMethodView, maskPhone } from './person-view';
import type { PatientPort, SessionEnds } from './ports';
import type { Logger } from '../log';

/** eHealth's SMS codes: four digits, valid 15 minutes, three tries per code. */
export const SMS_CODE_LENGTH = 4;
export const SMS_CODE_TTL_MS = 15 * 60_000;
export const SMS_CODE_ATTEMPTS = 3;
const ALIAS_MAX = 100;

interface Challenge {
  sessionId: string;
  requestId: string;
  phone: string;
  replacesMethodId: string | null;
  expiresAt: Date;
  wrongAttempts: number;
}

export interface AuthPhoneServicePorts {
  patient: PatientPort;
  sessions: SessionEnds;
  log: Logger;
  now?: () => Date;
  newId?: () => string;
}

/**
 * Adds (or changes) the phone eHealth sends authentication SMS codes to: an authentication-method
 * request makes eHealth text a code to the new phone; the patient types it; eHealth approves the
 * request; a replaced phone is then switched off. Interactive by nature — a code is only good for
 * minutes — so these calls go straight to eHealth, not through the outbox. The kiosk counts tries
 * and shows the expiry; eHealth's verdict decides.
 */
export class AuthPhoneService {
  private challenge: Challenge | null = null;
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(private readonly ports: AuthPhoneServicePorts) {
    this.now = ports.now ?? (() => new Date());
    this.newId = ports.newId ?? randomUUID;
    ports.sessions.onEnd(() => {
      this.challenge = null;
    });
  }

  async start(req: {
    phone: string;
    alias?: string;
    replacesMethodId?: string;
  }): Promise<Result<PhoneChallenge>> {
    const ctx = this.ports.patient.requireAct();
    if (!ctx.ok) return ctx;
    const tokens = this.tokens();
    if (!tokens.ok) return tokens;
    const phone = normalizePhone(req.phone);
    const alias = req.alias?.trim() || undefined;
    if (!isValidPhone(phone)) return invalid('phone', 'phone.format');
    if (alias && alias.length > ALIAS_MAX) return invalid('alias', 'tooLong');

    const api = this.ports.patient.pis();
    const methods = await api.person.authenticationMethods(tokens.value);
    if (!methods.ok) return this.failed('read the authentication methods', methods.error);
    const active = methods.value.data.filter((m) => m.is_active === true);
    if (active.some((m) => m.type === 'OTP' && m.phone_number === phone))
      return invalid('phone', 'phone.alreadyAuthMethod');
    if (req.replacesMethodId && !active.some((m) => m.id === req.replacesMethodId))
      return err('BAD_REQUEST', 'the phone to replace is not an active authentication method');

    const created = await api.person.createAuthenticationMethodRequest(
      tokens.value,
      { type: 'OTP', phone_number: phone, ...(alias ? { alias } : {}) },
      { idempotencyKey: this.newId() },
    );
    if (!created.ok) {
      if (created.error.code === 'VALIDATION') return invalid('phone', 'ehealth.refused');
      return this.failed('start the authentication phone change', created.error);
    }
    this.challenge = {
      sessionId: ctx.value.sessionId,
      requestId: created.value.data.id,
      phone,
      replacesMethodId: req.replacesMethodId ?? null,
      expiresAt: new Date(this.now().getTime() + SMS_CODE_TTL_MS),
      wrongAttempts: 0,
    };
    this.ports.log.info({ op: 'auth-method-request.create' }, 'authentication phone code sent');
    return ok(this.view(this.challenge));
  }

  /** A new code (the earlier one stops working); the tries start again. */
  async resend(requestId: string): Promise<Result<PhoneChallenge>> {
    const c = this.current(requestId);
    if (!c.ok) return c;
    const tokens = this.tokens();
    if (!tokens.ok) return tokens;
    const r = await this.ports.patient.pis().person.resendOtp(tokens.value, requestId, {
      idempotencyKey: this.newId(),
    });
    if (!r.ok) return this.failed('send a new code', r.error);
    const expiry = Date.parse(r.value.data.code_expired_at ?? '');
    c.value.expiresAt = Number.isNaN(expiry)
      ? new Date(this.now().getTime() + SMS_CODE_TTL_MS)
      : new Date(expiry);
    c.value.wrongAttempts = 0;
    return ok(this.view(c.value));
  }

  async confirm(
    requestId: string,
    code: string,
  ): Promise<Result<{ methods: AuthMethodView[]; replacedDeactivated: boolean | null }>> {
    const c = this.current(requestId);
    if (!c.ok) return c;
    if (!new RegExp(`^[0-9]{${SMS_CODE_LENGTH}}$`).test(code)) return invalid('code', 'required');
    const tokens = this.tokens();
    if (!tokens.ok) return tokens;
    const api = this.ports.patient.pis();
    const approved = await api.person.approveAuthenticationMethodRequest(
      tokens.value,
      requestId,
      Number(code),
      {
        idempotencyKey: this.newId(),
      },
    );
    if (!approved.ok) {
      const e = approved.error;
      if (e.code === 'SMS_CODE_WRONG') {
        c.value.wrongAttempts += 1;
        return this.smsError(e, this.attemptsLeft(c.value));
      }
      if (e.code === 'SMS_ATTEMPTS_EXCEEDED') {
        c.value.wrongAttempts = SMS_CODE_ATTEMPTS;
        return this.smsError(e, 0);
      }
      if (e.code === 'SMS_CODE_EXPIRED') return this.smsError(e, this.attemptsLeft(c.value));
      return this.failed('confirm the code', e);
    }
    this.challenge = null;
    this.ports.log.info({ op: 'auth-method-request.approve' }, 'authentication phone added');

    let replacedDeactivated: boolean | null = null;
    if (c.value.replacesMethodId) {
      const off = await api.person.deactivateAuthenticationMethod(tokens.value, c.value.replacesMethodId, {
        idempotencyKey: this.newId(),
      });
      replacedDeactivated = off.ok;
      if (!off.ok)
        this.ports.log.warn({ code: off.error.code }, 'the replaced phone could not be switched off');
    }
    const methods = await api.person.authenticationMethods(tokens.value);
    if (!methods.ok) return this.failed('read the authentication methods', methods.error);
    return ok({ methods: methods.value.data.map(authMethodView), replacedDeactivated });
  }

  private current(requestId: string): Result<Challenge> {
    const ctx = this.ports.patient.requireAct();
    if (!ctx.ok) return ctx;
    const c = this.challenge;
    if (!c || c.requestId !== requestId || c.sessionId !== ctx.value.sessionId)
      return err('FLOW_EXPIRED', 'no phone change waits for this code');
    return ok(c);
  }

  private attemptsLeft(c: Challenge): number {
    return Math.max(0, SMS_CODE_ATTEMPTS - c.wrongAttempts);
  }

  private view(c: Challenge): PhoneChallenge {
    return {
      requestId: c.requestId,
      phoneMasked: maskPhone(c.phone),
      codeLength: SMS_CODE_LENGTH,
      expiresAt: c.expiresAt.toISOString(),
      attemptsLeft: this.attemptsLeft(c),
    };
  }

  private smsError(e: EhealthFailure, attemptsLeft: number): Result<never> {
    const c = this.challenge;
    return err(e.code, e.message, {
      attemptsLeft,
      ...(c ? { expiresAt: c.expiresAt.toISOString() } : {}),
    });
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

const invalid = (
  path: string,
  rule: 'phone.format' | 'phone.alreadyAuthMethod' | 'tooLong' | 'required' | 'ehealth.refused',
) =>
  err('VALIDATION', 'the phone change was refused', {
    violations: [{ path, rule }],
    source: rule === 'ehealth.refused' ? 'ehealth' : 'kiosk',
  });
