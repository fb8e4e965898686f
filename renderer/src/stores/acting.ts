import { create } from 'zustand';
import type { ActedFor, ActingState, ChildIdentity } from '#shared/contract/acting';
import { callKiosk } from './bridge';
import { failed, idle, isLoading, loading, succeeded, type Action } from './loadable';
import { registerReset, resetSubjectStores } from './reset';
import { useUiStore } from './ui';

/**
 * "Act for my child" as the renderer sees it: whether the signed-in person may act for someone,
 * the children opened in this session (names for the banner, opaque handles), which cabinet is on
 * screen, and the progress of opening one. Main owns both people's tokens and the signing; a switch
 * here only asks main and then forgets what the cabinet showed about the previous person.
 */
export interface ActingStoreState {
  state: ActingState | null;
  /** Opening a child's cabinet or switching between cabinets: busy while main signs, then its error. */
  opening: Action;
}

export interface ActingActions {
  load(): Promise<void>;
  /** Signs (in main, with the parent's key) and opens the child's cabinet; no relation → its explanation. */
  start(child: ChildIdentity): Promise<boolean>;
  /** One tap: the parent's own cabinet (null) or a child already opened. */
  switchTo(handle: string | null): Promise<boolean>;
  clearError(): void;
}

export const initialActingState: ActingStoreState = { state: null, opening: idle() };

/** Errors that send the parent to the explanation of how to register the relation. */
const NO_RELATION = new Set(['NO_RELATION']);

export const useActingStore = create<ActingStoreState & ActingActions>()((set, get) => ({
  ...initialActingState,

  load: async () => {
    const r = await callKiosk((b) => b.api.actingState({}));
    if (r.ok) set({ state: r.value });
  },

  start: async (child) => {
    if (isLoading(get().opening)) return false;
    set({ opening: loading() });
    const r = await callKiosk((b) => b.api.actingStart(child));
    // the visitor may have finished meanwhile: a late answer must not bring anyone back
    if (!isLoading(get().opening)) return false;
    if (!r.ok) {
      set({ opening: failed(r.error) });
      if (NO_RELATION.has(r.error.code)) useUiStore.getState().goTo('actingNoRelation');
      return false;
    }
    resetSubjectStores();
    set({ opening: succeeded(), state: r.value });
    useUiStore.getState().goTo('home');
    return true;
  },

  switchTo: async (handle) => {
    const r = await callKiosk((b) => b.api.actingSwitch({ handle }));
    if (!r.ok) {
      set({ opening: failed(r.error) });
      return false;
    }
    resetSubjectStores();
    set({ state: r.value, opening: succeeded() });
    useUiStore.getState().goTo('home');
    return true;
  },

  clearError: () => set({ opening: idle() }),
}));

registerReset(() => useActingStore.setState(initialActingState));

// ── pure selectors ────────────────────────────────────────────────────────────────────────────

/** Opening or switching is under way: its button waits. */
export const selectOpening = (s: ActingStoreState): boolean => isLoading(s.opening);

/** The child whose cabinet is on screen, or null in the parent's own cabinet. */
export const selectActingFor = (s: ActingStoreState): ActedFor | null =>
  s.state?.active ? (s.state.children.find((c) => c.handle === s.state?.active) ?? null) : null;
