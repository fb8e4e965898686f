/**
 * Registration with eHealth of a visitor whose key belongs to a person eHealth does not know (the
 * sign-in refusal PERSON_NOT_FOUND), as a trusted PIS does it:
 *   the phone for SMS codes → POST /oauth/nonce → POST /api/sms_verifications (the nonce as bearer)
 *   → the patient types the code → open the key in the signer → eHealth's rules and the certificate
 *   identity checks here first (tax id = the key's DRFO, first name in the certificate's given name,
 *   surname = last name, 14 and over) → the certificate's status (OCSP) → sign the registration with
 *   the nonce inside → POST /api/pis/sign-up with the code → the new person is signed in and the
 *   patient session begins (as at sign-in, with the same age rules).
 *
 * The signed registration is an act like the others: it is stored in the outbox (sealed, held
 * before the signature exists so a full disk is known first, no patient key and no tokens — the
 * kiosk's client id and secret are added when it is sent) and sent at once. If eHealth cannot be
 * reached, the visitor gets a receipt and the delivery worker sends it when the link returns — until
 * the nonce inside it expires (eHealth's deadline, read from the nonce), then it ends `expired`.
 * Queued, the visitor is not signed in: they sign in with the same key once it is delivered.
 *
 * The nonce, its deadline and the phone are held in memory only until the registration is sent or
 * the visitor leaves (`forget`); nothing personal is logged.
 */
import { createHash } from 'node:crypto';
import type { RegistrationOutcome } from '#shared/contract/signin';
import { err, ok, type Result } from '#shared/result';
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
import { type PisApi, SignUp, type TokenSet } from '../ehealth';
import { operationError, waitForOperation, type Outbox, type Settled } from '../outbox';
import { revocationRefusal, enterCabinet, forRenderer, type KeyOwner, type SignInDeps } from '../session';
import { NONCE_FALLBACK_MS, nonceExpiry, refusedFields } from './refusals';

export type RegistrationDeps = Pick<
  SignInDeps,
  'patient' | 'esign' | 'api' | 'log' | 'now' | 'revocation'
> & {
  outbox: Outbox;
  /** A registration was queued for later delivery: its receipt may be shown and printed now. */
  onQueued?: (operationId: string) => void;
  /** How long the visitor waits for eHealth's answer before getting the receipt (default 10 s). */
  settleWaitMs?: number;
};

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
  /** The phone being confirmed; codeSent false when eHealth answered that it needs no code for it. */
  private pending: { nonce: string; phone: string; deadline: Date; codeSent: boolean } | null = null;
  /** Registrations of this visitor waiting in the outbox: theirs to see and print until Finish. */
  private readonly queued = new Set<string>();
  private running = false;

  constructor(private readonly deps: RegistrationDeps) {}

  /** Sign-in found nobody with this key's DRFO: registration may follow, for this key only. */
  offer(keyId: string, owner: KeyOwner): void {
    this.offered = { keyId, owner };
    this.pending = null;
  }

  /** Forgets the offer, the phone, the nonce and the visitor's queued registrations (Finish). */
  forget(): void {
    this.offered = null;
    this.pending = null;
    this.queued.clear();
  }

  /**
   * A registration is in progress at the screen (offered after eHealth refused this visitor's key
   * as unknown, until Finish): what its form needs without a patient session — the address
   * register — may be used.
   */
  inProgress(): boolean {
    return this.offered !== null;
  }

  /** The visitor at the screen queued a registration (and has not finished). */
  hasQueued(): boolean {
    return this.queued.size > 0;
  }

  /** Whether this outbox operation is the registration the visitor at the screen queued. */
  owns(operationId: string): boolean {
    return this.queued.has(operationId);
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
    const issuedAt = this.deps.now().getTime();
    const sent = await api.auth.smsVerification(nonce.value.data.token, phone, hash);
    if (!sent.ok) return sent;
    const deadline =
      nonceExpiry(nonce.value.data.token, (ms) => api.client.serverClock.toLocalMs(ms)) ??
      new Date(issuedAt + NONCE_FALLBACK_MS);
    const codeSent = sent.value.data.result !== 'Verified';
    this.pending = { nonce: nonce.value.data.token, phone, deadline, codeSent };
    this.deps.log.info({ codeSent }, 'registration phone code requested');
    return ok({ codeSent });
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
      if (r.value.status === 'queued') {
        // the visitor leaves unsigned in; the offer stays for the screen, the nonce went with the act
        await this.deps.esign.endSession('session-end');
        this.pending = null;
        this.deps.log.info({ op: r.value.receipt.operationId }, 'registration queued for delivery');
        return r;
      }
      this.forget();
      this.deps.log.info({ access: r.value.signIn.access }, 'patient registered and signed in');
      return r;
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

  private async run(
    req: RegistrationRequest,
    keep: (t: TokenSet) => void,
  ): Promise<Result<RegistrationOutcome>> {
    const { esign } = this.deps;
    const api = this.deps.api();
    if (!api) return err('NOT_AVAILABLE', 'no eHealth backend is configured at this kiosk');
    const phone = normalizePhone(req.phone);
    const pending = this.pending;
    if (!this.offered || this.offered.keyId !== req.keyId)
      return err('FLOW_EXPIRED', 'registration follows a sign-in eHealth refused as unknown');
    if (!pending || pending.phone !== phone)
      return err('FLOW_EXPIRED', 'confirm the phone with a code first');
    // a phone eHealth already knows as verified goes without a code (and without an otp field)
    if (pending.codeSent && !SMS_CODE.test(req.code)) return invalid([{ path: 'otp', rule: 'required' }]);
    if (this.deps.now().getTime() >= pending.deadline.getTime())
      return err('FLOW_EXPIRED', 'the time for this phone code is over: ask for a new code');
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
    const sent = await this.signAndSend(
      JSON.stringify(payload),
      key.value.drfo,
      pending.codeSent ? Number(req.code) : null,
      pending,
    );
    if (!sent.ok) return sent;
    return this.outcome(sent.value, api, key.value.drfo, keep);
  }

  /**
   * Stores the act (held, before the signature exists), signs it, releases it to the outbox with
   * the nonce's expiry as its deadline, and waits for eHealth's answer — or for the link to be seen
   * down, or for the wait to end.
   */
  private async signAndSend(
    json: string,
    drfo: string,
    otp: number | null,
    pending: { deadline: Date },
  ): Promise<Result<Settled>> {
    const { outbox, esign } = this.deps;
    const held = outbox.hold({
      kind: 'registration.sign-up',
      params: { otp },
      patientKey: null,
      deadline: pending.deadline,
    });
    if (!held.ok) return held;
    const signed = await esign.sign(json, drfo);
    if (!signed.ok) {
      const dropped = outbox.abandon(held.value.id, 'patient');
      if (!dropped.ok) this.deps.log.warn({ code: dropped.error.code }, 'unsigned registration stays held');
      return signed;
    }
    const released = outbox.release(held.value.id, { signedContent: signed.value.signedContent });
    if (!released.ok) return released;
    return ok(await waitForOperation(outbox, released.value, { waitMs: this.deps.settleWaitMs ?? 10_000 }));
  }

  /** Delivered: the new person enters the cabinet. On its way: the receipt. Refused: why. */
  private async outcome(
    settled: Settled,
    api: PisApi,
    drfo: string,
    keep: (t: TokenSet) => void,
  ): Promise<Result<RegistrationOutcome>> {
    const { view } = settled;
    if (view.state === 'done') {
      const answer = SignUp.safeParse(settled.data);
      if (answer.success) {
        const entered = await enterCabinet(this.deps, api, answer.data.token, drfo, keep, () => null);
        return entered.ok ? ok({ status: 'signed-in', signIn: entered.value }) : entered;
      }
    }
    if (
      view.state === 'done' ||
      view.state === 'captured' ||
      view.state === 'waiting-network' ||
      view.state === 'sending'
    ) {
      this.queued.add(view.id);
      this.deps.onQueued?.(view.id);
      // delivered later with nobody to use its token: eHealth's session for it is closed at once
      void this.deps.outbox.whenSettled(view.id).then((later) => this.closeUnused(later));
      const deadline = view.expiresAt ?? this.deps.now().toISOString();
      return ok({
        status: 'queued',
        receipt: {
          operationId: view.id,
          referenceCode: view.referenceCode,
          deadline,
          windowMinutes: Math.min(
            1440,
            Math.max(0, Math.round((Date.parse(deadline) - Date.parse(view.createdAt)) / 60_000)),
          ),
        },
      });
    }
    // refused while the visitor is here: they correct it and sign again, so this act's payload goes now
    if (view.state === 'rejected') {
      const purged = this.deps.outbox.transition(
        view.id,
        ['rejected'],
        'rejected',
        { purge: true },
        'kiosk',
        'outbox.purged',
      );
      if (!purged.ok)
        this.deps.log.warn({ code: purged.error.code }, 'refused registration kept until its deadline');
    }
    const refused = operationError(view);
    const violations = refusedFields(refused.code, view);
    return violations.length > 0 ? invalid(violations) : { ok: false, error: refused };
  }

  private async closeUnused(later: Settled): Promise<void> {
    const answer = later.view.state === 'done' ? SignUp.safeParse(later.data) : null;
    const api = this.deps.api();
    if (!answer?.success || !api) return;
    const out = await api.auth.logout(answer.data.token.value);
    if (!out.ok) this.deps.log.info({ code: out.error.code }, 'token of a later registration not closed');
  }
}
