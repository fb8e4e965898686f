import { create } from 'zustand';
import type { OperationView } from '#shared/contract/outbox';
import type { ReceiptSource } from '#shared/contract/receipts';
import type { KioskError } from '#shared/result';
import type { Language } from '../i18n/types';
import { callKiosk } from '../kiosk/call';
import { registerReset } from './reset';
import { useUiStore } from './ui';

/** What the receipt screen shows: an action's outcome, or the note of a chosen doctor. */
export interface ReceiptTarget {
  source: ReceiptSource;
  /** The outbox kind of the action, or 'doctor-note'. */
  kind: string;
  /** done: eHealth has it; queued: the kiosk sends it when the link returns; null for a note. */
  state: 'done' | 'queued' | null;
  referenceCode: string | null;
  operationId: string | null;
  declarationNumber: string | null;
  /** It was queued when the patient got it, and main has delivered it since. */
  deliveredLater?: boolean;
}

export type PrintState =
  | { status: 'idle' }
  | { status: 'printing' }
  | { status: 'printed'; via: 'printer' | 'pdf' | 'html' }
  | { status: 'failed'; error: KioskError };

export interface ReceiptsState {
  target: ReceiptTarget | null;
  preview: { html: string | null; error: KioskError | null; language: Language | null };
  printState: PrintState;
}

export interface ReceiptsActions {
  /** Shows the receipt screen for an outcome or a note. */
  show(target: ReceiptTarget): void;
  loadPreview(language: Language): Promise<void>;
  print(language: Language): Promise<void>;
  /** An outbox change pushed by main: a queued action of this receipt was delivered. */
  operationChanged(view: OperationView): void;
}

export const initialReceiptsState: ReceiptsState = {
  target: null,
  preview: { html: null, error: null, language: null },
  printState: { status: 'idle' },
};

export const useReceiptsStore = create<ReceiptsState & ReceiptsActions>()((set, get) => ({
  ...initialReceiptsState,
  show: (target) => {
    set({ ...initialReceiptsState, target });
    useUiStore.getState().goTo('receipt');
  },
  loadPreview: async (language) => {
    const target = get().target;
    if (!target) return;
    const r = await callKiosk((b) => b.api.receiptPreview({ source: target.source, language }));
    if (get().target !== target) return;
    set({
      preview: r.ok
        ? { html: r.value.html, error: null, language }
        : { html: null, error: r.error, language },
    });
  },
  print: async (language) => {
    const target = get().target;
    if (!target || get().printState.status === 'printing') return;
    set({ printState: { status: 'printing' } });
    const r = await callKiosk((b) => b.api.receiptPrint({ source: target.source, language }));
    if (get().target !== target) return;
    set({
      printState: r.ok ? { status: 'printed', via: r.value.via } : { status: 'failed', error: r.error },
    });
  },
  operationChanged: (view) => {
    const target = get().target;
    if (!target || target.operationId !== view.id || view.state !== 'done' || target.state === 'done') return;
    set({ target: { ...target, state: 'done', deliveredLater: true } });
  },
}));

registerReset(() => useReceiptsStore.setState(initialReceiptsState), { subject: true });
