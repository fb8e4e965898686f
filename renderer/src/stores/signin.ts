import { create } from 'zustand';
import type { KeyFile, SignInResult, SignInStep } from '#shared/contract/signin';
import type { KioskError, Result } from '#shared/result';
import { callKiosk, listenKiosk } from './bridge';
import { failed, idle, isLoading, loading, ready, succeeded, type Action, type Loadable } from './loadable';
import { registerReset } from './reset';
import { useUiStore } from './ui';

/**
 * Sign-in as the renderer sees it: the key files main found (ids and names only), the chosen one,
 * the progress of a sign-in, its error, and — once signed in — how to greet the patient and what
 * they may do. Never the password: the password screen keeps it in its own state and hands it to
 * `signIn` once. Nothing here is persisted; a wipe resets it.
 */
export interface SignInState {
  /**
   * The key files main found: idle until main answered the first time, then ready (pushes keep it
   * current) or the error of the last look; a look again keeps the list shown until main answers.
   */
  keys: Loadable<KeyFile[]>;
  chosenKey: KeyFile | null;
  /** The sign-in under way (busy while main signs in) and its error for the screen it leads to. */
  signingIn: Action;
  step: SignInStep | null;
  patient: SignInResult | null;
}

export interface SignInActions {
  /** Asks main for the key list; with `watch`, main keeps pushing changes while the screen is open. */
  loadKeys(watch: boolean): Promise<void>;
  setKeys(keys: KeyFile[]): void;
  chooseKey(key: KeyFile): void;
  /** Signs in with the chosen key; routes to home, the under-14 page or the error page. */
  signIn(password: string): Promise<Result<SignInResult>>;
  clearError(): void;
  /** Someone signed in another way (a registration that went through): held as after a sign-in. */
  enter(patient: SignInResult): void;
  /** Another way in was refused with a sign-in's error (a registration of a child under 14). */
  refuse(error: KioskError): void;
}

export const initialSignInState: SignInState = {
  keys: idle(),
  chosenKey: null,
  signingIn: idle(),
  step: null,
  patient: null,
};

/** Errors the password screen shows itself (the visitor tries again there). */
export const PASSWORD_ERRORS = new Set(['KEY_WRONG_PASSWORD', 'KEY_LOCKED', 'KEY_UNREADABLE']);

export const useSignInStore = create<SignInState & SignInActions>()((set, get) => ({
  ...initialSignInState,

  loadKeys: async (watch) => {
    const r = await callKiosk((b) => b.api.signinKeys({ watch }));
    if (r.ok) get().setKeys(r.value.keys);
    else set((s) => ({ keys: failed(r.error, s.keys) }));
  },

  setKeys: (keys) => {
    const chosen = get().chosenKey;
    set({
      keys: ready(keys),
      // a chosen key whose medium was pulled is no longer a choice
      chosenKey: chosen && keys.some((k) => k.id === chosen.id) ? chosen : null,
    });
  },

  chooseKey: (key) => set({ chosenKey: key, signingIn: idle() }),

  signIn: async (password) => {
    const key = get().chosenKey;
    if (!key) {
      const error: KioskError = { code: 'KEY_NOT_FOUND', message: 'no key chosen' };
      set({ signingIn: failed(error) });
      return { ok: false, error };
    }
    set({ signingIn: loading(), step: null });
    const ui = useUiStore.getState();
    ui.goTo('signingIn');
    const progress = listenKiosk((events) => events.signinProgress(({ step }) => set({ step })));
    const r = await callKiosk((b) => b.api.signinStart({ keyId: key.id, password }));
    if (progress.ok) progress.value();
    // the visitor may have left meanwhile (Finish, idle wipe): a late answer must not bring anyone back
    if (useUiStore.getState().screen !== 'signingIn') {
      set({ signingIn: idle(), step: null });
      return r;
    }
    if (r.ok) {
      set({ signingIn: succeeded(), step: null, patient: r.value });
      ui.goTo('home');
    } else {
      set({ signingIn: failed(r.error), step: null });
      if (r.error.code === 'AGE_UNDER_14') ui.goTo('under14');
      else if (PASSWORD_ERRORS.has(r.error.code)) ui.goTo('keyPassword');
      else ui.goTo('signInError');
    }
    return r;
  },

  clearError: () => set({ signingIn: idle() }),

  enter: (patient) => set({ patient, signingIn: idle(), step: null }),

  refuse: (error) => set({ signingIn: failed(error), step: null }),
}));

registerReset(() => useSignInStore.setState(initialSignInState));

// ── selectors that compute (plain field picks stay inline) ─────────────────────────────────────

const NO_KEYS: KeyFile[] = [];
/** The key files found so far (none before main's first answer). */
export const selectKeyFiles = (s: SignInState): KeyFile[] => s.keys.data ?? NO_KEYS;
/** Main has answered the key list at least once (found keys, none, or an error). */
export const selectKeysAnswered = (s: SignInState): boolean => s.keys.status !== 'idle';
/** A sign-in is under way: the password screen's button waits. */
export const selectSigningIn = (s: SignInState): boolean => isLoading(s.signingIn);
export const selectViewOnly = (s: SignInState): boolean => s.patient?.access === 'view-only';
