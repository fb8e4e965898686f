/**
 * Registration with eHealth of a visitor whose key belongs to a person eHealth does not know (the
 * sign-in refusal PERSON_NOT_FOUND), as a trusted PIS does it:
 *   the phone for SMS codes → POST /oauth/nonce → POST /api/sms_verifications (the nonce as bearer)
 *   → the patient types the code → open the key in the signer → eHealth's rules and the certificate
 *   identity checks here first (tax id = the key's DRFO, first name in the certificate's given name,
 *   surname = last name, 14 and over) → the certificate's status (OCSP) → sign the registration with
 *   the nonce inside → POST /api/pis/sign-up with the code → the new person is signed in and the
 *   patient session begins (as at sign-in, with the same age rules).
 * The nonce and the phone are held in memory only until the registration is sent or the visitor
 * leaves (`forget`); nothing personal is logged.
 */
import { createHash } from 'node:crypto';
import type { RegistrationOutcome } from '#shared/contract/signin';
import { err, ok, type KioskError, type Result } from '#shared/result';
import {
  isTaxIdDrfo,
  isValidPhone,
  isoDateOf,
  normalizePerson,
  normalizePhone,
  registrationPayload,
  registrationViolations,
  type PersonInput,
  type RuleViolation,
} from '#shared/rules/person/index';
import type { TokenSet } from '../ehealth/tokens';
import { revocationRefusal } from '../session/revocation';
import {
  enterCabinet,
  forRenderer,
  type KeyOwner,
  type SignInDeps,
  type SignInOutcome,
} from '../session/sign-in';

export type RegistrationDeps = Pick<SignInDeps, 'patient' | 'esign' | 'api' | 'log' | 'now' | 'revocation'>;

export interface RegistrationRequest {
  keyId: string;
  /** Owned: wiped when the call returns. */
  password: Uint8Array;
  /** The person as typed (with the secret word). */
  person: PersonInput;
  /** The phone the code went to: the registration's one authentication method. */
  phone: string;
  /** The SMS code as typed. */
  code: string;
}

const SMS_CODE = /^[0-9]{4}$/;

const invalid = (violations: RuleViolation[]): Result<never> =>
  err('VALIDATION', 'the registration does not meet eHealth rules', { violations });

/** eHealth's identity refusals of a sign-up (409), as the field the patient must change. */
function identityViolation(e: KioskError): RuleViolation | null {
  const ehealth = (e.details?.ehealth ?? null) as { message?: string | null } | null;
  const text = `${ehealth?.message ?? ''}`;
  if (/should be the same/i.test(text)) return { path: 'tax_id', rule: 'registration.notSigner' };
  if (/first_name|given_name/i.test(text)) return { path: 'first_name', rule: 'registration.firstName' };
  if (/last_name|surname/i.test(text)) return { path: 'last_name', rule: 'registration.lastName' };
  return null;
}

/** What the registration form starts with: the certificate's names and what the tax id tells. */
export interface RegistrationPrefill {
  lastName: string;
  firstName: string;
  secondName: string;
  /** The tax id, or null when the key's DRFO is a passport or ID card number (no tax id taken). */
  taxId: string | null;
  /** From the tax id (the patient checks it; sex is asked, never guessed from a digit). */
  birthDate: string | null;
}

/** РНОКПП: its first five digits count the days from 31.12.1899 to the birth date. */
export function birthDateFromTaxId(taxId: string): string | null {
  if (!/^[0-9]{10}$/.test(taxId)) return null;
  const days = Number(taxId.slice(0, 5));
  return new Date(Date.UTC(1899, 11, 31) + days * 86_400_000).toISOString().slice(0, 10);
}

export class RegistrationService {
  /** Offered after eHealth refused this key's owner as unknown; gone at Finish. */
  private offered: { keyId: string; owner: KeyOwner } | null = null;
  private pending: { nonce: string; phone: string } | null = null;
  private running = false;

  constructor(private readonly deps: RegistrationDeps) {}

  /** Sign-in found nobody with this key's DRFO: registration may follow, for this key only. */
  offer(keyId: string, owner: KeyOwner): void {
    this.offered = { keyId, owner };
    this.pending = null;
  }

  /** Forgets the offer, the phone and the nonce (the visitor finished or left). */
  forget(): void {
    this.offered = null;
    this.pending = null;
  }

  /** The form's starting values, from the key certificate of the refused sign-in. */
  prefill(): Result<RegistrationPrefill> {
    const o = this.offered?.owner;
    if (!o) return err('FLOW_EXPIRED', 'registration follows a sign-in eHealth refused as unknown');
    const [firstName = '', ...rest] = (o.givenName ?? '').trim().split(/\s+/u);
    const taxId = isTaxIdDrfo(o.drfo) ? o.drfo.replace(/\s+/gu, '') : null;

    return ok({
      lastName: (o.surname ?? '').trim(),
      firstName,
      secondName: rest.join(' '),
      taxId,
      birthDate: taxId ? birthDateFromTaxId(taxId) : null,
    });
  }

  /** Sends the SMS code to `phone` (or learns that eHealth needs none). */
  async requestCode(typedPhone: string): Promise<Result<{ codeSent: boolean }>> {
    const api = this.deps.api();
    if (!api) return err('NOT_AVAILABLE', 'no eHealth backend is configured at this kiosk');
    if (!this.offered)
      return err('FLOW_EXPIRED', 'registration follows a sign-in eHealth refused as unknown');
    const phone = normalizePhone(typedPhone);
    if (!isValidPhone(phone))
      return invalid([{ path: 'authentication_methods.0.phone_number', rule: 'phone.format' }]);
    const nonce = await api.auth.nonce();
    if (!nonce.ok) return nonce;
    // eHealth asks for an MD5 "of content with the phone number"
    const hash = createHash('md5').update(`${phone}${nonce.value.data.token}`).digest('hex');
    const sent = await api.auth.smsVerification(nonce.value.data.token, phone, hash);
    if (!sent.ok) return sent;
    this.pending = { nonce: nonce.value.data.token, phone };
    this.deps.log.info(
      { codeSent: sent.value.data.result !== 'Verified' },
      'registration phone code requested',
    );
    return ok({ codeSent: sent.value.data.result !== 'Verified' });
  }

  /** Signs and sends the registration; on success the new person is signed in. */
  async register(req: RegistrationRequest): Promise<Result<RegistrationOutcome>> {
    if (this.running || this.deps.patient.current()) {
      req.password.fill(0);
      return err('SESSION_BUSY', 'a sign-in or a patient session is already in progress');
    }
    this.running = true;
    let tokens: TokenSet | null = null;
    try {
      const r = await this.run(req, (t) => (tokens = t));
      if (!r.ok) {
        await this.undo(tokens);
        this.deps.log.info({ code: r.error.code }, 'registration refused');
        return r.error.code === 'VALIDATION' ? r : { ok: false, error: forRenderer(r.error) };
      }
      this.forget();
      this.deps.log.info({ access: r.value.access }, 'patient registered and signed in');
      return ok({ status: 'signed-in', signIn: r.value });
    } catch (e) {
      await this.undo(tokens);
      this.deps.log.error({ err: e }, 'registration failed unexpectedly');
      return err('INTERNAL', 'registration failed');
    } finally {
      req.password.fill(0);
      this.running = false;
    }
  }

  private async undo(tokens: TokenSet | null): Promise<void> {
    await this.deps.esign.endSession('session-end');
    const access = (tokens as TokenSet | null)?.accessToken;
    const api = this.deps.api();
    if (access && api) await api.auth.logout(access);
  }

  private async run(req: RegistrationRequest, keep: (t: TokenSet) => void): Promise<Result<SignInOutcome>> {
    const { esign } = this.deps;
    const api = this.deps.api();
    if (!api) return err('NOT_AVAILABLE', 'no eHealth backend is configured at this kiosk');
    const phone = normalizePhone(req.phone);
    const pending = this.pending;
    if (!this.offered || this.offered.keyId !== req.keyId)
      return err('FLOW_EXPIRED', 'registration follows a sign-in eHealth refused as unknown');
    if (!pending || pending.phone !== phone)
      return err('FLOW_EXPIRED', 'confirm the phone with a code first');
    if (!SMS_CODE.test(req.code)) return invalid([{ path: 'otp', rule: 'required' }]);
    // the tax id is the certificate's, never typed: without one (a passport-number DRFO) it is refused
    const owner = this.offered.owner;
    const person = normalizePerson({
      ...req.person,
      ...(isTaxIdDrfo(owner.drfo)
        ? { tax_id: owner.drfo.replace(/\s+/gu, ''), no_tax_id: false }
        : { tax_id: undefined, no_tax_id: true }),
    });

    const key = await esign.openKey(req.keyId, req.password);
    if (!key.ok) return key;
    if (!key.value.drfo) return err('KEY_NO_SIGNING_KEY', 'the key certificate carries no DRFO');
    const identity = { drfo: key.value.drfo, surname: key.value.surname, givenName: key.value.givenName };
    const violations = registrationViolations(person, phone, identity, {
      today: isoDateOf(this.deps.now()),
      checkSecret: true,
    });
    if (violations.length > 0) return invalid(violations);
    const der = esign.certificate();
    if (this.deps.revocation && der) {
      const refusal = revocationRefusal(await this.deps.revocation.check(der));
      if (refusal) return { ok: false, error: refusal };
    }

    const payload = registrationPayload(person, phone, pending.nonce);
    const signed = await esign.sign(JSON.stringify(payload), key.value.drfo);
    if (!signed.ok) return signed;
    const up = await api.auth.signUp(signed.value.signedContent, Number(req.code));
    if (!up.ok) {
      const v = up.error.code === 'EHEALTH_CONFLICT' ? identityViolation(up.error) : null;
      return v ? invalid([v]) : up;
    }
    return enterCabinet(this.deps, api, up.value.data.token, key.value.drfo, keep, () => null);
  }
}
