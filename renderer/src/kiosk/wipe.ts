import type { SessionEndReason } from '#shared/contract/session';
import { useAppStore } from '../stores/app';
import { resetAllStores } from '../stores/reset';
import { useSessionStore } from '../stores/session';
import { useUiStore } from '../stores/ui';

export interface WipeOptions {
  /** False when main itself announced the end (`sessionEnded`): it already ended the session. */
  notifyMain: boolean;
}

/**
 * How many renderer-initiated `sessionEnd` calls are under way. Main announces every end with
 * `sessionEnded` before it answers the call, so that echo of our own wipe must not wipe a second
 * time (it would, for example, reset a registrar screen opened right after "Finish").
 */
let localEndsInFlight = 0;

export const isEndingLocally = (): boolean => localEndsInFlight > 0;

/** Leaves nothing of the visitor in the page outside the stores: focus and text selection. */
function forgetDomTraces(): void {
  if (typeof document === 'undefined') return;
  document.getSelection()?.removeAllRanges();
  const active = document.activeElement;
  if (active instanceof HTMLElement) active.blur();
}

/**
 * The end of a visit (idle timeout, "Finish", main's `sessionEnded`): every store back to its initial
 * state, the display back to the kiosk defaults, the welcome screen, and main told to end its side
 * of the session (signer, tokens, partition). The renderer forgets first, then asks main, so a slow
 * or failing main never leaves the visitor's data on screen; a failure is shown, not hidden.
 */
export async function wipe(reason: SessionEndReason, { notifyMain }: WipeOptions): Promise<void> {
  const kioskInfo = useAppStore.getState().info; // the kiosk's own settings, not the visitor's
  resetAllStores();
  if (kioskInfo) useAppStore.getState().setInfo(kioskInfo);
  useUiStore.getState().applyPreferences(useAppStore.getState().defaults);
  forgetDomTraces();

  if (notifyMain) {
    localEndsInFlight++;
    try {
      const ended = await useSessionStore.getState().endSession(reason);
      if (!ended.ok) useAppStore.getState().setNotice(ended.error);
    } finally {
      localEndsInFlight--;
    }
  }
  // the registrar may have changed the defaults meanwhile; they apply to the next visitor
  await useAppStore.getState().loadInfo();
}
