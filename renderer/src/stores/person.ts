import { create } from 'zustand';
import type { OperationView } from '#shared/contract/outbox';
import type {
  AuthMethodView,
  PersonDraft,
  PersonRequestCreated,
  PersonView,
  PhoneChallenge,
  ValidationDetails,
} from '#shared/contract/person';
import type { KioskError, Result } from '#shared/result';
import { normalizePerson, personViolations, type RuleViolation } from '#shared/rules/person/index';
import { callKiosk } from './bridge';
import { useDocumentsStore } from './documents';
import {
  failed,
  idle,
  isLoading,
  loading,
  ready,
  settled,
  succeeded,
  type Action,
  type Loadable,
} from './loadable';
import { registerReset } from './reset';
import { useUiStore } from './ui';

/** The parts of the change form, one at a time on screen. */
export const EDIT_SECTIONS = ['main', 'documents', 'addresses', 'contacts', 'emergency'] as const;
export type EditSection = (typeof EDIT_SECTIONS)[number];

/** Which part of the form a field (dot path in the person) is in. */
export function sectionOf(path: string): EditSection {
  const root = path.split('.')[0] ?? '';
  if (root === 'documents') return 'documents';
  if (root === 'addresses') return 'addresses';
  if (root === 'phones' || root === 'email' || root === 'preferred_way_communication') return 'contacts';
  if (root === 'emergency_contact') return 'emergency';
  return 'main';
}

export interface PhoneFlow {
  /** enter: typing the new number; code: typing the SMS code; done: added. */
  step: 'enter' | 'code' | 'done';
  challenge: PhoneChallenge | null;
  /** The request to main under way (a number, a new code, a code to check) and its error. */
  send: Action;
  /** Shown once after "send a new code". */
  resent: boolean;
  methods: AuthMethodView[] | null;
  replacedDeactivated: boolean | null;
}

/**
 * Personal data as the renderer holds it for the signed-in patient: the person read from eHealth,
 * a change being edited (with the rule violations shown next to the fields), the request eHealth
 * created (its printout), the queued signed completion, and the SMS phone flow. Memory only; a wipe
 * resets it. The renderer never signs: it asks main to sign a request by id.
 */
export interface PersonState {
  /** The person as eHealth has it; a reload keeps the last answer on screen. */
  view: Loadable<PersonView>;
  draft: PersonDraft | null;
  section: EditSection;
  consent: boolean;
  /** Violations are shown only after the patient first tried to continue (no nagging while typing). */
  showErrors: boolean;
  violations: RuleViolation[];
  violationSource: 'kiosk' | 'ehealth' | null;
  /** Asking main to create the request from the draft (its error unless it is rule violations). */
  submission: Action;
  request: PersonRequestCreated | null;
  /** Signing the request and queueing the completion. */
  signature: Action;
  operation: OperationView | null;
  phone: PhoneFlow;
}

export interface PersonActions {
  load(): Promise<void>;
  startEdit(): void;
  setSection(section: EditSection): void;
  updateDraft(change: (draft: PersonDraft) => void): void;
  setConsent(on: boolean): void;
  /** Checks the rules; when they pass, asks main to create the request and opens the review. */
  submit(): Promise<void>;
  /** The patient confirmed the printout: main signs it and queues the completion. */
  sign(): Promise<void>;
  /** Back from the review to the form (eHealth's request is withdrawn; the change stays). */
  backToEdit(): Promise<void>;
  /** Drops the change altogether. */
  cancelChange(): Promise<void>;
  operationChanged(op: OperationView): void;
  /** Asks main once for the state of the signed change still on its way (missed pushes). */
  refreshOperation(): Promise<void>;
  phoneStart(phone: string, alias: string, replacesMethodId: string | null): Promise<void>;
  phoneResend(): Promise<void>;
  phoneConfirm(code: string): Promise<void>;
  phoneReset(): void;
}

const initialPhone: PhoneFlow = {
  step: 'enter',
  challenge: null,
  send: idle(),
  resent: false,
  methods: null,
  replacedDeactivated: null,
};

export const initialPersonState: PersonState = {
  view: idle(),
  draft: null,
  section: 'main',
  consent: false,
  showErrors: false,
  violations: [],
  violationSource: null,
  submission: idle(),
  request: null,
  signature: idle(),
  operation: null,
  phone: initialPhone,
};

/** The kiosk's own check of a change, as main will do it (minus the secret word it alone knows). */
export function checkDraft(view: PersonView, draft: PersonDraft): RuleViolation[] {
  const person = normalizePerson({
    ...draft,
    ...(view.taxId ? { tax_id: view.taxId } : {}),
    no_tax_id: view.noTaxId,
  });
  return personViolations(person, { today: view.today });
}

const violationsOf = (e: KioskError): ValidationDetails | null => {
  const d = e.details as Partial<ValidationDetails> | undefined;
  return e.code === 'VALIDATION' && Array.isArray(d?.violations) && d.source
    ? (d as ValidationDetails)
    : null;
};

/** A screen change only if the patient is still where the answer was awaited (they may have left). */
const goIfStill = (on: string, to: Parameters<ReturnType<typeof useUiStore.getState>['goTo']>[0]) => {
  const ui = useUiStore.getState();
  if (ui.screen === on) ui.goTo(to);
};

export const usePersonStore = create<PersonState & PersonActions>()((set, get) => ({
  ...initialPersonState,

  load: async () => {
    set((s) => ({ view: loading(s.view) }));
    const r = await callKiosk((b) => b.api.personGet({}));
    set((s) => ({ view: settled(r, s.view) }));
  },

  startEdit: () => {
    const view = get().view.data;
    if (!view || view.access !== 'full') return;
    set({
      draft: structuredClone(view.person),
      section: 'main',
      consent: false,
      showErrors: false,
      violations: [],
      violationSource: null,
      submission: idle(),
      request: null,
    });
    useUiStore.getState().goTo('personEdit');
  },

  setSection: (section) => set({ section }),

  updateDraft: (change) => {
    const { draft, showErrors } = get();
    const view = get().view.data;
    if (!draft || !view) return;
    const next = structuredClone(draft);
    change(next);
    set({
      draft: next,
      submission: idle(),
      ...(showErrors ? { violations: checkDraft(view, next), violationSource: 'kiosk' as const } : {}),
    });
  },

  setConsent: (consent) => set({ consent }),

  submit: async () => {
    const { draft, consent, submission } = get();
    const view = get().view.data;
    if (!draft || !view || isLoading(submission)) return;
    const violations = checkDraft(view, draft);
    set({ showErrors: true, violations, violationSource: 'kiosk', submission: idle() });
    if (violations.length) {
      set({ section: sectionOf(violations[0]!.path) });
      return;
    }
    if (!consent) return;
    set({ submission: loading() });
    const r = await callKiosk((b) => b.api.personRequestCreate({ person: draft, consent: true }));
    if (r.ok) {
      set({ submission: succeeded(), request: r.value, signature: idle() });
      if (r.value.documents.length && useUiStore.getState().screen === 'personEdit') {
        // eHealth wants documents with this change: captured and uploaded before the patient signs
        useDocumentsStore.getState().begin({
          types: r.value.documents,
          next: 'personReview',
          cancel: () => void get().backToEdit(),
        });
        return;
      }
      goIfStill('personEdit', 'personReview');
      return;
    }
    const v = violationsOf(r.error);
    // violations are shown at their fields; any other refusal is the submission's error
    set({ submission: v?.violations.length ? idle() : failed(r.error) });
    if (v) {
      set({ violations: v.violations, violationSource: v.source });
      if (v.violations[0]) set({ section: sectionOf(v.violations[0].path) });
    }
  },

  sign: async () => {
    const { request, signature } = get();
    if (!request || isLoading(signature)) return;
    set({ signature: loading() });
    const r = await callKiosk((b) => b.api.personRequestSign({ requestId: request.requestId }));
    if (!r.ok) {
      set({ signature: failed(r.error) });
      return;
    }
    set({ signature: succeeded(), operation: r.value.operation, request: null, draft: null });
    goIfStill('personReview', 'personResult');
  },

  backToEdit: async () => {
    const request = get().request;
    set({ request: null, signature: idle() });
    useUiStore.getState().goTo('personEdit');
    if (request) await withdraw(request.requestId);
  },

  cancelChange: async () => {
    const request = get().request;
    set({
      draft: null,
      request: null,
      violations: [],
      showErrors: false,
      violationSource: null,
      submission: idle(),
      signature: idle(),
    });
    useUiStore.getState().goTo('person');
    if (request) await withdraw(request.requestId);
  },

  operationChanged: (op) => {
    const current = get().operation;
    if (!current || current.id !== op.id) return;
    set({ operation: op });
    // the change reached eHealth: what is shown must be what eHealth now has
    if (op.state === 'done' && current.state !== 'done') void get().load();
  },

  refreshOperation: async () => {
    const current = get().operation;
    if (!current || ['done', 'rejected', 'expired'].includes(current.state)) return;
    const r = await callKiosk((b) => b.api.outboxGet({ id: current.id }));
    if (r.ok) get().operationChanged(r.value);
  },

  phoneStart: async (phone, alias, replacesMethodId) => {
    set({ phone: { ...get().phone, send: loading(), resent: false } });
    const r = await callKiosk((b) =>
      b.api.personPhoneStart({
        phone,
        ...(alias.trim() ? { alias: alias.trim() } : {}),
        ...(replacesMethodId ? { replacesMethodId } : {}),
      }),
    );
    set({
      phone: r.ok
        ? { ...initialPhone, step: 'code', challenge: r.value }
        : { ...get().phone, send: failed(r.error) },
    });
  },

  phoneResend: async () => {
    const challenge = get().phone.challenge;
    if (!challenge) return;
    set({ phone: { ...get().phone, send: loading(), resent: false } });
    const r = await callKiosk((b) => b.api.personPhoneResend({ requestId: challenge.requestId }));
    set({
      phone: r.ok
        ? { ...get().phone, send: succeeded(), challenge: r.value, resent: true }
        : { ...get().phone, send: failed(r.error) },
    });
  },

  phoneConfirm: async (code) => {
    const challenge = get().phone.challenge;
    if (!challenge) return;
    set({ phone: { ...get().phone, send: loading(), resent: false } });
    const r = await callKiosk((b) => b.api.personPhoneConfirm({ requestId: challenge.requestId, code }));
    if (!r.ok) {
      const left = r.error.details?.attemptsLeft;
      set({
        phone: {
          ...get().phone,
          send: failed(r.error),
          challenge: typeof left === 'number' ? { ...challenge, attemptsLeft: left } : challenge,
        },
      });
      return;
    }
    set({
      phone: {
        ...initialPhone,
        step: 'done',
        challenge,
        methods: r.value.methods,
        replacedDeactivated: r.value.replacedDeactivated,
      },
    });
    const view = get().view.data;
    if (view) set({ view: ready({ ...view, authenticationMethods: r.value.methods }) });
  },

  phoneReset: () => set({ phone: initialPhone }),
}));

/** Asks eHealth to drop a request the patient did not sign (it would expire on its own otherwise). */
async function withdraw(requestId: string): Promise<Result<{ cancelled: boolean }>> {
  return callKiosk((b) => b.api.personRequestCancel({ requestId }));
}

registerReset(() => usePersonStore.setState(initialPersonState), { subject: true });

// ── pure selectors ────────────────────────────────────────────────────────────────────────────

export const selectCanChange = (s: PersonState): boolean => s.view.data?.access === 'full';
export const selectPersonLoading = (s: PersonState): boolean => isLoading(s.view);
export const selectSubmitting = (s: PersonState): boolean => isLoading(s.submission);
export const selectSigning = (s: PersonState): boolean => isLoading(s.signature);
export const selectPhoneBusy = (s: PersonState): boolean => isLoading(s.phone.send);

/** How many violations each part of the form has. */
export function violationsBySection(violations: readonly RuleViolation[]): Record<EditSection, number> {
  const out: Record<EditSection, number> = { main: 0, documents: 0, addresses: 0, contacts: 0, emergency: 0 };
  for (const v of violations) out[sectionOf(v.path)] += 1;
  return out;
}
