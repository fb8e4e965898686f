import { create } from 'zustand';
import type {
  DeclarationDetails,
  DeclarationDraft,
  DeclarationsOverview,
} from '#shared/contract/declarations';
import type { DoctorDetails } from '#shared/contract/doctors';
import type { OperationView } from '#shared/contract/outbox';
import type { KioskError } from '#shared/result';
import { callKiosk } from './bridge';
import { idle, loading, ready, settled, succeeded, failed, type Action, type Loadable } from './loadable';
import { useReceiptsStore } from './receipts';
import { registerReset } from './reset';
import { useUiStore } from './ui';

/**
 * Why the patient ends a declaration: sent to eHealth in Ukrainian, whatever the screen's language,
 * in words that fit anyone (no masculine or feminine forms: the patient reads them back later).
 */
export const TERMINATION_REASONS = {
  moving: 'Переїзд',
  another: 'Бажаю обрати іншого лікаря',
  unhappy: 'Незадоволення обслуговуванням',
} as const;
export type TerminationReason = keyof typeof TERMINATION_REASONS;

export type WizardStep = 'warning' | 'creating' | 'review' | 'signing' | 'error';

export interface WizardState {
  step: WizardStep;
  doctor: DoctorDetails | null;
  draft: DeclarationDraft | null;
  error: KioskError | null;
}

export interface DeclarationsState {
  overview: Loadable<DeclarationsOverview>;
  details: Loadable<DeclarationDetails>;
  terminating: Action;
  wizard: WizardState;
}

export interface DeclarationsActions {
  loadOverview(): Promise<void>;
  openDetails(id: string): Promise<void>;
  terminate(id: string, reason: TerminationReason | null): Promise<void>;
  clearTerminateError(): void;
  /** A doctor was chosen: the wizard starts with the warning about the current declaration. */
  startWizard(doctor: DoctorDetails): void;
  /** eHealth creates the request and returns the printout to read. */
  createRequest(): Promise<void>;
  /** The patient read it and confirmed: main signs and sends it. */
  confirm(): Promise<void>;
  /** Back to the doctor without signing (the request, if any, is withdrawn). */
  cancelWizard(): Promise<void>;
  /** An outbox change pushed by main: a termination shown as pending has moved on. */
  operationChanged(view: OperationView): void;
}

export const initialDeclarationsState: DeclarationsState = {
  overview: idle(),
  details: idle(),
  terminating: idle(),
  wizard: { step: 'warning', doctor: null, draft: null, error: null },
};

export const useDeclarationsStore = create<DeclarationsState & DeclarationsActions>()((set, get) => ({
  ...initialDeclarationsState,

  loadOverview: async () => {
    set((s) => ({ overview: loading(s.overview) }));
    const r = await callKiosk((b) => b.api.declarationsOverview({}));
    set((s) => ({ overview: settled(r, s.overview) }));
  },

  openDetails: async (id) => {
    set({ details: loading(), terminating: idle() });
    useUiStore.getState().goTo('declarationDetails');
    const r = await callKiosk((b) => b.api.declarationsGet({ id }));
    set({ details: settled(r) });
  },

  terminate: async (id, reason) => {
    if (get().terminating.status === 'loading') return;
    set({ terminating: loading() });
    const details = get().details.data;
    const r = await callKiosk((b) =>
      b.api.declarationsTerminate({
        id,
        ...(reason ? { reasonDescription: TERMINATION_REASONS[reason] } : {}),
      }),
    );
    if (!r.ok) {
      set({ terminating: failed(r.error) });
      return;
    }
    set({ terminating: succeeded(), overview: idle(), details: idle() });
    useReceiptsStore.getState().show({
      source: { operationId: r.value.operationId },
      kind: 'declaration.terminate',
      state: r.value.state,
      referenceCode: r.value.referenceCode,
      operationId: r.value.operationId,
      declarationNumber: details?.id === id ? details.number : null,
    });
  },

  clearTerminateError: () => set({ terminating: idle() }),

  startWizard: (doctor) => {
    set({ wizard: { step: 'warning', doctor, draft: null, error: null } });
    useUiStore.getState().goTo('declarationWizard');
    // the warning names the current declaration: read it if this visit has not yet
    if (get().overview.status === 'idle') void get().loadOverview();
  },

  createRequest: async () => {
    const doctor = get().wizard.doctor;
    if (!doctor || get().wizard.step === 'creating') return;
    set((s) => ({ wizard: { ...s.wizard, step: 'creating', error: null } }));
    const r = await callKiosk((b) =>
      b.api.declarationRequestStart({ employeeId: doctor.employeeId, divisionId: doctor.divisionId }),
    );
    if (get().wizard.doctor !== doctor) return;
    set((s) => ({
      wizard: r.ok
        ? { ...s.wizard, step: 'review', draft: r.value }
        : { ...s.wizard, step: 'error', error: r.error },
    }));
  },

  confirm: async () => {
    const { draft, step } = get().wizard;
    if (!draft || step === 'signing') return;
    set((s) => ({ wizard: { ...s.wizard, step: 'signing', error: null } }));
    const r = await callKiosk((b) => b.api.declarationRequestConfirm({ flowId: draft.flowId }));
    if (!r.ok) {
      set((s) => ({ wizard: { ...s.wizard, step: 'error', error: r.error } }));
      return;
    }
    set({ wizard: initialDeclarationsState.wizard, overview: idle() });
    useReceiptsStore.getState().show({
      source: { operationId: r.value.operationId },
      kind: 'declaration-request.sign',
      state: r.value.state,
      referenceCode: r.value.referenceCode,
      operationId: r.value.operationId,
      declarationNumber: r.value.declarationNumber,
    });
  },

  cancelWizard: async () => {
    const { draft } = get().wizard;
    set((s) => ({ wizard: { ...initialDeclarationsState.wizard, doctor: s.wizard.doctor } }));
    useUiStore.getState().goTo('doctorCard');
    if (draft) await callKiosk((b) => b.api.declarationRequestCancel({ flowId: draft.flowId }));
  },

  operationChanged: (view) => {
    const moved = (p: { operationId: string; state: string } | null | undefined) =>
      p?.operationId === view.id && p.state !== view.state;
    // reloaded from main, which knows what eHealth now has
    if (moved(get().overview.data?.current?.pendingTermination)) void get().loadOverview();
    const shown = get().details.data;
    if (shown && moved(shown.pendingTermination)) {
      void callKiosk((b) => b.api.declarationsGet({ id: shown.id })).then((r) => {
        if (r.ok && get().details.data?.id === shown.id) set({ details: ready(r.value) });
      });
    }
  },
}));

registerReset(() => useDeclarationsStore.setState(initialDeclarationsState), { subject: true });

// ── selectors that compute (plain field picks stay inline) ─────────────────────────────────────

/** The patient may end a declaration: known from the overview (not before it was read). */
export const selectCanActOnDeclarations = (s: DeclarationsState): boolean => s.overview.data?.canAct ?? false;
/** Revoking an e-cabinet is offered unless the overview says the patient may only view. */
export const selectCanRevoke = (s: DeclarationsState): boolean => s.overview.data?.canAct !== false;
