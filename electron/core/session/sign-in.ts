/**
 * Sign-in with the patient's own key, as a trusted PIS does it:
 *   open the key in the signer (wrong password → attempts left; 5 → locked 15 min)
 *   → POST /oauth/nonce → sign {"jwt": nonce} in the signer, while main learns the key certificate's
 *     status by OCSP (revoked, unknown or untrusted → refused, the signature is dropped)
 *   → POST /api/pis/sign-in (pis_auth)
 *   → person + verification → the age rules → the patient session.
 * Every failure is one error code the renderer explains; nothing of the patient is logged. Under
 * 14 the patient is logged out again at once and the signer ended: no session is opened.
 */
import { cabinetAccess, ageInYears, kyivDate, type AccessReason } from '#shared/rules/age';
import { err, ok, type KioskError, type Result } from '#shared/result';
import type { PisApi, AccessToken, Person, PersonVerification, TokenSet } from '../ehealth';
import { drfoMatches, type RevocationChecker, type EsignService } from '../esign';
import type { Logger } from '../log';
import type { PatientSession } from './patient-session';
import { revocationRefusal } from './revocation';
import { vocativeAddress, type Gender } from './vocative';

export type SignInStep = 'opening-key' | 'signing' | 'signing-in' | 'loading-person';

export interface SignInGreeting {
  /** Given name and patronymic in the vocative («Олено Петрівно»). */
  vocative: string;
  /** The same in the nominative («Олена Петрівна»), for English. */
  nominative: string;
}

export interface SignInOutcome {
  access: 'full' | 'view-only';
  accessReason: AccessReason;
  ageYears: number;
  greeting: SignInGreeting;
}

export interface SignInDeps {
  patient: PatientSession;
  esign: EsignService;
  /** The PIS client of the current environment (null: none configured). */
  api: () => PisApi | null;
  log: Logger;
  now: () => Date;
  /** Steps as they start (the renderer shows progress). */
  onStep?: (step: SignInStep) => void;
  /** OCSP for the key certificate before its signature is accepted (absent: eHealth's check only). */
  revocation?: RevocationChecker | null;
  /** eHealth knows nobody with this key's DRFO: what the certificate says, for registration. */
  onUnknownPerson?: (keyId: string, owner: KeyOwner) => void;
}

/** The key certificate's owner, as registration prefills and checks it. */
export interface KeyOwner {
  drfo: string;
  surname: string | null;
  givenName: string | null;
}

/** Why a 400 from sign-in happened: eHealth's signature check names the certificate problem. */
export function signInRefusal(e: KioskError): KioskError {
  const ehealth = (e.details?.ehealth ?? null) as { message?: string | null } | null;
  const text = `${ehealth?.message ?? ''}`.toLowerCase();
  if (e.code === 'EHEALTH_REJECTED' || e.code === 'VALIDATION') {
    if (/revoked/.test(text))
      return { code: 'CERT_REVOKED', message: 'eHealth says the key certificate is revoked' };
    if (/trust|issu|chain|\bca\b/.test(text))
      return { code: 'CERT_UNTRUSTED', message: 'eHealth does not trust the key certificate' };
    if (/certificate|cert\b/.test(text) && /expired|not valid after|validity/.test(text))
      return { code: 'CERT_EXPIRED', message: 'eHealth says the key certificate has expired' };
  }
  if (e.code === 'PERSON_NOT_FOUND')
    return { code: 'PERSON_NOT_FOUND', message: 'eHealth knows no person with this key owner tax id' };
  return e;
}

/** Keeps only the non-personal details the renderer turns into words. */
export function forRenderer(e: KioskError): KioskError {
  const d = e.details ?? {};
  const details: Record<string, unknown> = {};
  if (typeof d.attemptsLeft === 'number') details.attemptsLeft = d.attemptsLeft;
  if (typeof d.secondsLeft === 'number') details.retryAfterSeconds = d.secondsLeft;
  if (typeof d.retryAfterSeconds === 'number') details.retryAfterSeconds = d.retryAfterSeconds;
  if (typeof d.reason === 'string' && /^[a-z0-9-]{1,40}$/.test(d.reason)) details.reason = d.reason;
  return Object.keys(details).length
    ? { code: e.code, message: e.message, details }
    : { code: e.code, message: e.message };
}

const legalCapacityOf = (person: Person, verification: PersonVerification | null): string | null =>
  verification?.person_verification?.details?.legal_capacity?.verification_status ??
  person.verification?.details?.legal_capacity?.verification_status ??
  null;

/** How to greet: given name and patronymic, in the vocative when eHealth says the gender (it always should). */
export async function greetingFor(
  person: Pick<Person, 'first_name' | 'second_name' | 'gender'>,
): Promise<SignInGreeting> {
  const firstName = (person.first_name ?? '').trim();
  const secondName = (person.second_name ?? '').trim();
  const nominative = [firstName, secondName].filter(Boolean).join(' ');
  const gender: Gender | null = person.gender === 'MALE' || person.gender === 'FEMALE' ? person.gender : null;
  // declining by a guessed gender would be wrong half the time: the nominative is never wrong
  return {
    vocative: gender ? await vocativeAddress({ firstName, secondName }, gender) : nominative,
    nominative,
  };
}

export class SignInService {
  private running: { aborted: boolean } | null = null;

  constructor(private readonly deps: SignInDeps) {}

  get busy(): boolean {
    return this.running !== null;
  }

  /** Stops a sign-in in progress (the visitor pressed "Finish" or walked away): nothing is kept. */
  abort(): void {
    if (this.running) this.running.aborted = true;
  }

  /** Signs in with the key behind `keyId`. Takes ownership of `password` (wiped). */
  async start(keyId: string, password: Uint8Array): Promise<Result<SignInOutcome>> {
    if (this.running || this.deps.patient.current()) {
      password.fill(0);
      return err('SESSION_BUSY', 'a sign-in or a patient session is already in progress');
    }
    const run = { aborted: false };
    this.running = run;
    let tokens: TokenSet | null = null;
    try {
      const r = await this.run(run, keyId, password, (t) => (tokens = t));
      if (!r.ok) {
        await this.undo(tokens);
        this.deps.log.info({ code: r.error.code }, 'sign-in refused');
        return { ok: false, error: forRenderer(r.error) };
      }
      this.deps.log.info({ access: r.value.access }, 'patient signed in');
      return r;
    } catch (e) {
      await this.undo(tokens);
      this.deps.log.error({ err: e }, 'sign-in failed unexpectedly');
      return err('INTERNAL', 'sign-in failed');
    } finally {
      password.fill(0);
      this.running = null;
    }
  }

  /** The key certificate's status (OCSP); a status that cannot be learnt now leaves it to eHealth. */
  private async certificateRefusal(): Promise<KioskError | null> {
    const der = this.deps.esign.certificate();
    if (!this.deps.revocation || !der) return null;
    const status = await this.deps.revocation.check(der);
    if (status.status === 'unavailable')
      this.deps.log.info(
        { reason: 'unavailable' },
        'certificate status unknown at sign-in: eHealth checks it',
      );
    return revocationRefusal(status);
  }

  private async undo(tokens: TokenSet | null): Promise<void> {
    await this.deps.esign.endSession('session-end');
    const access = (tokens as TokenSet | null)?.accessToken;
    const api = this.deps.api();
    if (access && api) {
      const out = await api.auth.logout(access);
      if (!out.ok) this.deps.log.info({ code: out.error.code }, 'logout after a refused sign-in failed');
    }
  }

  private async run(
    run: { aborted: boolean },
    keyId: string,
    password: Uint8Array,
    keep: (tokens: TokenSet) => void,
  ): Promise<Result<SignInOutcome>> {
    const { esign, onStep } = this.deps;
    const api = this.deps.api();
    const aborted = () => (run.aborted ? err('NO_SESSION', 'the sign-in was cancelled') : null);
    if (!api) {
      password.fill(0);
      return err('NOT_AVAILABLE', 'no eHealth backend is configured at this kiosk');
    }

    onStep?.('opening-key');
    const key = await esign.openKey(keyId, password);
    if (!key.ok) return key;
    if (!key.value.drfo) return err('KEY_NO_SIGNING_KEY', 'the key certificate carries no DRFO');
    const stop = aborted();
    if (stop) return stop;

    // the certificate's status is learnt while the nonce is fetched and signed (the signer is a
    // process of its own): the nonce request carries nothing of the patient, and the signature goes
    // to eHealth only once the status allows it
    const status = this.certificateRefusal();
    status.catch(() => undefined); // awaited below; a step that fails first must not leave it unhandled
    onStep?.('signing');
    const nonce = await api.auth.nonce();
    const signed = nonce.ok
      ? await esign.sign(JSON.stringify({ jwt: nonce.value.data.token }), key.value.drfo)
      : { ok: false as const, error: nonce.error };
    // a refused certificate is the reason to give, whatever else failed meanwhile
    const refused = await status;
    if (refused) return { ok: false, error: refused };
    if (!signed.ok) return signed;
    const stop2 = aborted();
    if (stop2) return stop2;

    onStep?.('signing-in');
    const token = await api.auth.signIn(signed.value.signedContent);
    if (!token.ok) {
      const refusal = signInRefusal(token.error);
      if (refusal.code === 'PERSON_NOT_FOUND')
        this.deps.onUnknownPerson?.(keyId, {
          drfo: key.value.drfo,
          surname: key.value.surname,
          givenName: key.value.givenName,
        });
      return { ok: false, error: refusal };
    }
    onStep?.('loading-person');
    return enterCabinet(this.deps, api, token.value.data, key.value.drfo, keep, aborted);
  }
}

/**
 * Once eHealth has signed the patient in (sign-in, or registration's sign-up): the tokens kept, the
 * person and their verification read, the signer checked to be that person, the age rules, and the
 * patient session begun. `keep` hands the tokens back for a logout if anything after fails.
 */
export async function enterCabinet(
  deps: Pick<SignInDeps, 'patient' | 'now'>,
  api: PisApi,
  tokenData: AccessToken,
  drfo: string,
  keep: (tokens: TokenSet) => void,
  aborted: () => Result<never> | null,
): Promise<Result<SignInOutcome>> {
  // the expiry on the kiosk clock, whatever its offset from eHealth's
  const set = api.tokenSetFrom(tokenData);
  keep(set);
  const personId = tokenData.user?.person_id ?? tokenData.details?.applicant_person_id;

  const holder = api.patientTokens(set);
  const person = await api.person.get(holder);
  if (!person.ok) return person;
  keep(holder.current());
  const verification = await api.person.verification(holder);
  if (!verification.ok) return verification;
  const stop = aborted();
  if (stop) return stop;

  const p = person.value.data;
  if (personId && personId !== p.id) return err('EHEALTH_REJECTED', 'eHealth returned another person');
  if (p.tax_id && !drfoMatches(drfo, p.tax_id))
    return err('SIGNER_MISMATCH', 'the key owner is not the person eHealth returned');

  const age = p.birth_date ? ageInYears(p.birth_date, kyivDate(deps.now())) : null;
  if (age === null) return err('EHEALTH_REJECTED', 'eHealth returned no usable birth date');
  const decision = cabinetAccess(age, legalCapacityOf(p, verification.value.data));
  if (decision.access === 'none')
    return err('AGE_UNDER_14', 'under 14 the cabinet is used with the registrar', { reason: 'under-14' });

  const begun = deps.patient.begin({
    personId: p.id,
    ageYears: age,
    access: decision.access,
    tokens: holder.current(),
    signerDrfo: p.tax_id || drfo,
    person: p,
    verification: verification.value.data,
  });
  if (!begun.ok) return begun;
  return ok({
    access: decision.access,
    accessReason: decision.reason,
    ageYears: age,
    greeting: await greetingFor(p),
  });
}
