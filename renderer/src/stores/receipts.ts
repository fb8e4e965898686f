import { create } from 'zustand';
import type { OperationView } from '#shared/contract/outbox';
import type { ReceiptSource } from '#shared/contract/receipts';
import type { KioskError } from '#shared/result';
import type { Language } from '../i18n/types';
import { callKiosk } from './bridge';
import { failed, idle, isLoading, loading, ready, type Loadable } from './loadable';
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

/** A print in the one async shape: while printing `loading`, once done `data` says how it went out. */
export type PrintState = Loadable<'printer' | 'pdf' | 'html'>;

export interface ReceiptsState {
  target: ReceiptTarget | null;
  preview: { html: string | null; error: KioskError | null; language: Language | null };
  /** The one print under way or last done: the receipt's, a slip's or an operation's (see `printed`). */
  printState: PrintState;
  /** What `printState` is about. */
  printed: ReceiptSource | null;
}

export interface ReceiptsActions {
  /** Shows the receipt screen for an outcome or a note. */
  show(target: ReceiptTarget): void;
  /** Holds a receipt that a screen of its own shows (a queued registration), without going anywhere. */
  keep(target: ReceiptTarget): void;
  /** Lets the receipt go (nothing of it stays for the next screen). */
  clear(): void;
  loadPreview(language: Language): Promise<void>;
  /** Prints the receipt shown (the receipt screen). */
  print(language: Language): Promise<void>;
  /** Prints a slip that names no one (under 14, no relation with the child). */
  printSlip(slip: 'under-14' | 'no-relation', language: Language): Promise<void>;
  /** Prints the receipt of an operation from the screen that shows its outcome. */
  printOperation(operationId: string, language: Language): Promise<void>;
  /** An outbox change pushed by main: a queued action of this receipt was delivered. */
  operationChanged(view: OperationView): void;
}

export const initialReceiptsState: ReceiptsState = {
  target: null,
  preview: { html: null, error: null, language: null },
  printState: idle(),
  printed: null,
};

const IDLE_PRINT: PrintState = idle();
const sameSource = (a: ReceiptSource | null, b: ReceiptSource): boolean =>
  a !== null && JSON.stringify(a) === JSON.stringify(b);

/** How the print of this source went (idle when the last print was of something else). */
export const selectPrintOf =
  (source: ReceiptSource) =>
  (s: ReceiptsState): PrintState =>
    sameSource(s.printed, source) ? s.printState : IDLE_PRINT;

export const useReceiptsStore = create<ReceiptsState & ReceiptsActions>()((set, get) => {
  /** One print at a time; an answer for a print the kiosk has moved on from (a new receipt, a wipe) is dropped. */
  const printSource = async (source: ReceiptSource, language: Language, current = () => true) => {
    if (isLoading(get().printState)) return;
    set({ printState: loading(), printed: source });
    const r = await callKiosk((b) => b.api.receiptPrint({ source, language }));
    if (get().printed !== source || !current()) return;
    set({
      printState: r.ok ? ready(r.value.via) : failed(r.error),
    });
  };

  return {
    ...initialReceiptsState,
    show: (target) => {
      set({ ...initialReceiptsState, target });
      useUiStore.getState().goTo('receipt');
    },

    keep: (target) => set({ ...initialReceiptsState, target }),

    clear: () => set(initialReceiptsState),
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
      if (target) await printSource(target.source, language, () => get().target === target);
    },
    printSlip: (slip, language) => printSource({ slip }, language),
    printOperation: (operationId, language) => printSource({ operationId }, language),
    operationChanged: (view) => {
      const target = get().target;
      if (!target || target.operationId !== view.id || view.state !== 'done' || target.state === 'done')
        return;
      set({ target: { ...target, state: 'done', deliveredLater: true } });
    },
  };
});

registerReset(() => useReceiptsStore.setState(initialReceiptsState), { subject: true });
