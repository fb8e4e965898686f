import { create } from 'zustand';
import type { PersonDraft, ValidationDetails } from '#shared/contract/person';
import type {
  RegistrationOutcome,
  RegistrationPrefill,
  RegistrationReceipt,
  SignInResult,
} from '#shared/contract/signin';
import { err, type KioskError, type Result } from '#shared/result';
import {
  ageInYears,
  isoDateOf,
  isValidPhone,
  normalizePerson,
  normalizePhone,
  personViolations,
  type RuleViolation,
} from '#shared/rules/person/index';
import { callKiosk } from './bridge';
import { useDocumentsStore } from './documents';
import { useReceiptsStore } from './receipts';
import { sectionOf, type EditSection } from './person';
import { registerReset } from './reset';
import { failed, idle, isLoading, loading, settled, succeeded, type Action, type Loadable } from './loadable';
import { useSignInStore } from './signin';
import { useUiStore, type ScreenId } from './ui';

/**
 * Registration with eHealth («Зареєструватися в eHealth»), offered after sign-in was refused because
 * eHealth knows nobody with the key's tax id: what it means and the consent, the form (names and tax
 * id from the key, the rest typed), the phone confirmed by an SMS code, a review, and the signature
 * with the patient's key — then the new person is signed in like at sign-in. The typed data, the
 * phone and the code live here in memory only until the registration is sent; a wipe (Finish, idle)
 * forgets them. Never the password: the signing screen hands it to `submit` once.
 */
export interface RegistrationState {
  /** The key's details the form starts from (names, tax id, birth date), as main read them. */
  prefill: Loadable<RegistrationPrefill>;
  consent: boolean;
  /** The patient tried to go on without consenting (the reason is shown). */
  consentAsked: boolean;
  draft: PersonDraft | null;
  secret: string;
  section: EditSection;
  /** Violations are shown only after the patient first tried to continue. */
  showErrors: boolean;
  violations: RuleViolation[];
  violationSource: 'kiosk' | 'ehealth' | null;
  /** The patient says the key's names are not theirs any more: registration cannot go on. */
  nameChanged: boolean;
  /** The phone for SMS codes, as eHealth wants it (+380…); empty until typed. */
  phone: string;
  /** null: not asked yet; true: a code went to `sentTo`; false: eHealth needs none for it. */
  codeSent: boolean | null;
  sentTo: string | null;
  code: string;
  /** Asking for a code, and any refusal of the phone step (the number, the code, its time). */
  phoneStep: Action;
  /** The signature and the sending, and their error for the signing screen. */
  submission: Action;
  /** Signed while eHealth could not be reached: its receipt (nothing typed is kept with it). */
  queued: RegistrationReceipt | null;
}

export interface RegistrationActions {
  /** From the sign-in refusal: the explanation and consent, with the key's details loaded. */
  begin(): Promise<void>;
  loadPrefill(): Promise<void>;
  setConsent(on: boolean): void;
  /** Consent given: the form, starting from the key's details. */
  toForm(): void;
  setSection(section: EditSection): void;
  updateDraft(change: (draft: PersonDraft) => void): void;
  setSecret(secret: string): void;
  setNameChanged(on: boolean): void;
  /** Checks the form with eHealth's rules; when they pass, the phone step. */
  checkForm(): void;
  setPhone(phone: string): void;
  requestCode(): Promise<void>;
  /** Back to typing another number. */
  changePhone(): void;
  setCode(code: string): void;
  /** The code is typed: the review. */
  toReview(): void;
  toSign(): void;
  /** Signs with the key (password typed on the signing screen) and sends; signs the new person in. */
  submit(password: string): Promise<Result<RegistrationOutcome>>;
  /** Back to the key list (nothing typed is kept). */
  cancel(): void;
  /** A queued registration was delivered: sign in with the key (the receipt is let go). */
  signInAfterDelivery(): void;
}

/** Birth country most patients type; they can change it. */
const DEFAULT_BIRTH_COUNTRY = 'Україна';

export const initialRegistrationState: RegistrationState = {
  prefill: idle(),
  consent: false,
  consentAsked: false,
  draft: null,
  secret: '',
  section: 'main',
  showErrors: false,
  violations: [],
  violationSource: null,
  nameChanged: false,
  phone: '',
  codeSent: null,
  sentTo: null,
  code: '',
  phoneStep: idle(),
  submission: idle(),
  queued: null,
};

/** The form's starting person: the key's names and the birth date its tax id tells; one empty document and address. */
export function draftFromPrefill(p: RegistrationPrefill): PersonDraft {
  return {
    last_name: p.lastName,
    first_name: p.firstName,
    ...(p.secondName ? { second_name: p.secondName } : {}),
    birth_date: p.birthDate ?? '',
    birth_country: DEFAULT_BIRTH_COUNTRY,
    birth_settlement: '',
    gender: '',
    documents: [{ type: 'PASSPORT', number: '' }],
    addresses: [
      { type: 'RESIDENCE', country: 'UA', area: '', settlement: '', settlement_type: '', settlement_id: '' },
    ],
    phones: [],
    emergency_contact: { first_name: '', last_name: '', phones: [{ type: 'MOBILE', number: '' }] },
  };
}

const SECRET_MIN = 6;
const SECRET_MAX = 20;
const SMS_CODE = /^[0-9]{4}$/;
const MIN_AGE = 14;

/**
 * The kiosk's check of the form, as main will do it before signing: eHealth's person rules with the
 * key's tax id and the secret word, and the age of 14. The key's names are the certificate's, so
 * the identity checks are main's (it reads them from the opened key).
 */
export function checkRegistration(
  prefill: RegistrationPrefill,
  draft: PersonDraft,
  secret: string,
  today: string,
): RuleViolation[] {
  const person = normalizePerson({
    ...draft,
    ...(prefill.taxId ? { tax_id: prefill.taxId, no_tax_id: false } : { no_tax_id: true }),
    secret,
  });
  const out = personViolations(person, { today, checkSecret: true });
  if (out.length === 0 && ageInYears(person.birth_date, today) < MIN_AGE)
    out.push({ path: 'birth_date', rule: 'registration.under14' });
  return out;
}

/** The phone of the form a patient most likely wants their codes on (the first mobile). */
const mobileOf = (draft: PersonDraft | null): string =>
  draft?.phones?.find((p) => p.type === 'MOBILE' && isValidPhone(normalizePhone(p.number)))?.number ?? '';

const violationsOf = (e: KioskError): ValidationDetails | null => {
  const d = e.details as Partial<ValidationDetails> | undefined;
  return e.code === 'VALIDATION' && Array.isArray(d?.violations) ? (d as ValidationDetails) : null;
};

/** Violations of the phone step rather than the form (the SMS phone, the code). */
const isPhoneStep = (path: string): boolean => path === 'otp' || path.startsWith('authentication_methods');

/** A refusal of the phone step by the kiosk itself, shaped as main's (so the screen has one way to show it). */
const invalid = (path: string, rule: RuleViolation['rule']): KioskError => ({
  code: 'VALIDATION',
  message: 'refused by the kiosk',
  details: { violations: [{ path, rule }], source: 'kiosk' },
});

const SMS_ERRORS = new Set(['SMS_CODE_WRONG', 'SMS_CODE_EXPIRED', 'SMS_ATTEMPTS_EXCEEDED']);

const goIfStill = (on: ScreenId, to: ScreenId) => {
  const ui = useUiStore.getState();
  if (ui.screen === on) ui.goTo(to);
};

export const useRegistrationStore = create<RegistrationState & RegistrationActions>()((set, get) => ({
  ...initialRegistrationState,

  begin: async () => {
    set(initialRegistrationState);
    useUiStore.getState().goTo('registrationIntro');
    await get().loadPrefill();
  },

  loadPrefill: async () => {
    set((s) => ({ prefill: loading(s.prefill) }));
    const r = await callKiosk((b) => b.api.registrationPrefill({}));
    set((s) => ({ prefill: settled(r, s.prefill) }));
  },

  setConsent: (consent) => set({ consent, ...(consent ? { consentAsked: false } : {}) }),

  toForm: () => {
    const { consent, draft } = get();
    const prefill = get().prefill.data;
    if (!consent) {
      set({ consentAsked: true });
      return;
    }
    if (!prefill) return;
    if (!draft) set({ draft: draftFromPrefill(prefill), section: 'main' });
    useUiStore.getState().goTo('registrationForm');
  },

  setSection: (section) => set({ section }),

  updateDraft: (change) => {
    const { draft, showErrors, secret } = get();
    const prefill = get().prefill.data;
    if (!draft || !prefill) return;
    const next = structuredClone(draft);
    change(next);
    set({
      draft: next,
      ...(showErrors
        ? {
            violations: checkRegistration(prefill, next, secret, isoDateOf(new Date())),
            violationSource: 'kiosk' as const,
          }
        : {}),
    });
  },

  setSecret: (secret) => {
    const { draft, showErrors } = get();
    const prefill = get().prefill.data;
    set({ secret: secret.slice(0, SECRET_MAX) });
    if (showErrors && draft && prefill)
      set({
        violations: checkRegistration(prefill, draft, get().secret, isoDateOf(new Date())),
        violationSource: 'kiosk',
      });
  },

  setNameChanged: (nameChanged) => set({ nameChanged }),

  checkForm: () => {
    const { draft, secret, phone } = get();
    const prefill = get().prefill.data;
    if (!draft || !prefill) return;
    const violations = checkRegistration(prefill, draft, secret, isoDateOf(new Date()));
    set({ showErrors: true, violations, violationSource: 'kiosk' });
    if (violations.length) {
      set({ section: sectionOf(violations[0]!.path) });
      return;
    }
    if (!phone) set({ phone: mobileOf(draft) });
    useUiStore.getState().goTo('registrationPhone');
  },

  setPhone: (phone) => set({ phone, phoneStep: idle() }),

  requestCode: async () => {
    const { phone, phoneStep } = get();
    if (isLoading(phoneStep)) return;
    const normalized = normalizePhone(phone);
    if (!isValidPhone(normalized)) {
      set({ phoneStep: failed(invalid('authentication_methods.0.phone_number', 'phone.format')) });
      return;
    }
    set({ phoneStep: loading() });
    const r = await callKiosk((b) => b.api.registrationRequestCode({ phone: normalized }));
    if (r.ok) set({ phoneStep: succeeded(), codeSent: r.value.codeSent, sentTo: normalized, code: '' });
    else set({ phoneStep: failed(r.error) });
  },

  changePhone: () => set({ codeSent: null, sentTo: null, code: '', phoneStep: idle() }),

  setCode: (code) => set({ code: code.replace(/[^0-9]/g, '').slice(0, 4), phoneStep: idle() }),

  toReview: () => {
    const { codeSent, code, sentTo } = get();
    if (!sentTo || codeSent === null) return;
    if (codeSent && !SMS_CODE.test(code)) {
      set({ phoneStep: failed(invalid('otp', 'required')) });
      return;
    }
    useUiStore.getState().goTo('registrationReview');
  },

  toSign: () => {
    set({ submission: idle() });
    useUiStore.getState().goTo('registrationSign');
  },

  submit: async (password) => {
    const { draft, secret, sentTo, code, submission } = get();
    const key = useSignInStore.getState().chosenKey;
    if (isLoading(submission)) return err('SESSION_BUSY', 'the registration is being sent');
    if (!draft || !sentTo || !key) {
      const error: KioskError = { code: 'FLOW_EXPIRED', message: 'the registration is not ready to sign' };
      set({ submission: failed(error) });
      return { ok: false, error };
    }
    set({ submission: loading() });
    const r = await callKiosk((b) =>
      b.api.registrationSubmit({
        keyId: key.id,
        password,
        person: { ...draft, secret },
        phone: sentTo,
        code,
      }),
    );
    set({ submission: r.ok ? succeeded() : idle() });
    // the visitor may have left meanwhile (Finish, idle wipe): a late answer must not bring anyone back
    if (useUiStore.getState().screen !== 'registrationSign') return r;
    if (r.ok) {
      if (r.value.status === 'signed-in') signedIn(r.value.signIn);
      else queued(r.value.receipt);
      return r;
    }
    const v = violationsOf(r.error);
    if (v && v.violations.some((x) => isPhoneStep(x.path))) {
      set({ phoneStep: failed(r.error) });
      useUiStore.getState().goTo('registrationPhone');
    } else if (v && v.violations.length) {
      set({
        showErrors: true,
        violations: v.violations,
        violationSource: v.source ?? 'kiosk',
        section: sectionOf(v.violations[0]!.path),
      });
      useUiStore.getState().goTo('registrationForm');
    } else if (r.error.code === 'AGE_UNDER_14') {
      // eHealth registered a child the kiosk may not serve alone: the same page as at sign-in
      useSignInStore.getState().refuse(r.error);
      useUiStore.getState().goTo('under14');
    } else if (r.error.code === 'FLOW_EXPIRED') {
      // the code's time (the sign-in nonce's) is over, or no code was asked for: a new code first
      set({ phoneStep: failed(r.error), codeSent: null, sentTo: null, code: '' });
      useUiStore.getState().goTo('registrationPhone');
    } else if (SMS_ERRORS.has(r.error.code)) {
      set({ phoneStep: failed(r.error), code: '' });
      useUiStore.getState().goTo('registrationPhone');
    } else set({ submission: failed(r.error) });
    return r;
  },

  cancel: () => {
    set(initialRegistrationState);
    useSignInStore.getState().clearError();
    useUiStore.getState().goTo('insertKey');
  },

  signInAfterDelivery: () => {
    useReceiptsStore.getState().clear();
    get().cancel();
  },
}));

/**
 * The new person is signed in: the sign-in store holds them as after a sign-in, everything typed
 * here is forgotten, and the home screen opens — after the documents eHealth asks for, if any.
 */
function signedIn(patient: SignInResult): void {
  useSignInStore.getState().enter(patient);
  useRegistrationStore.setState(initialRegistrationState);
  useUiStore.getState().goTo('home');
  if (patient.access === 'full') void askForDocuments();
}

/**
 * Signed, but eHealth could not be reached: the kiosk sends it when the link returns (within the
 * nonce's life). What was typed is forgotten; the receipt (code, deadline) is shown and can be
 * printed through the receipts store, which also hears when it is delivered.
 */
function queued(receipt: RegistrationReceipt): void {
  useRegistrationStore.setState({ ...initialRegistrationState, queued: receipt });
  useReceiptsStore.getState().keep({
    source: { operationId: receipt.operationId },
    kind: 'registration.sign-up',
    state: 'queued',
    referenceCode: receipt.referenceCode,
    operationId: receipt.operationId,
    declarationNumber: null,
  });
  useUiStore.getState().goTo('registrationQueued');
}

/** eHealth may want pictures of the new person's documents (its NHS check): captured before going on. */
async function askForDocuments(): Promise<void> {
  const r = await callKiosk((b) => b.api.documentsRefresh({}));
  if (!r.ok) return;
  const missing = r.value.documents.filter((d) => !d.uploaded).map((d) => d.type);
  if (!missing.length || useUiStore.getState().screen !== 'home') return;
  useDocumentsStore.getState().begin({
    types: missing,
    next: 'home',
    cancel: () => goIfStill('documentCapture', 'home'),
  });
}

registerReset(() => useRegistrationStore.setState(initialRegistrationState));

// ── pure selectors ────────────────────────────────────────────────────────────────────────────

/** The secret word's own message (the change form's words are about a secret already on file). */
export const secretProblem = (s: Pick<RegistrationState, 'showErrors' | 'violations'>): boolean =>
  s.showErrors && s.violations.some((v) => v.path === 'secret');

/** The key's details once main read them. */
export const selectPrefill = (s: RegistrationState): RegistrationPrefill | null => s.prefill.data;

export const selectPrefillLoading = (s: RegistrationState): boolean => isLoading(s.prefill);

/** A code is being asked for. */
export const selectCodeBusy = (s: RegistrationState): boolean => isLoading(s.phoneStep);

/** The registration is being signed and sent. */
export const selectRegistrationSending = (s: RegistrationState): boolean => isLoading(s.submission);

export const SECRET_LIMITS = { min: SECRET_MIN, max: SECRET_MAX } as const;
