import { create } from 'zustand';
import type { KeyFile, SignInResult, SignInStep } from '#shared/contract/signin';
import type { KioskError, Result } from '#shared/result';
import { callKiosk, listenKiosk } from './bridge';
import { registerReset } from './reset';
import { useUiStore } from './ui';

/**
 * Sign-in as the renderer sees it: the key files main found (ids and names only), the chosen one,
 * the progress of a sign-in, its error, and — once signed in — how to greet the patient and what
 * they may do. Never the password: the password screen keeps it in its own state and hands it to
 * `signIn` once. Nothing here is persisted; a wipe resets it.
 */
export interface SignInState {
  keys: KeyFile[];
  /** null until main answered the first time. */
  keysError: KioskError | null;
  keysLoaded: boolean;
  chosenKey: KeyFile | null;
  busy: boolean;
  step: SignInStep | null;
  error: KioskError | null;
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
}

export const initialSignInState: SignInState = {
  keys: [],
  keysError: null,
  keysLoaded: false,
  chosenKey: null,
  busy: false,
  step: null,
  error: null,
  patient: null,
};

/** Errors the password screen shows itself (the visitor tries again there). */
export const PASSWORD_ERRORS = new Set(['KEY_WRONG_PASSWORD', 'KEY_LOCKED', 'KEY_UNREADABLE']);

export const useSignInStore = create<SignInState & SignInActions>()((set, get) => ({
  ...initialSignInState,

  loadKeys: async (watch) => {
    const r = await callKiosk((b) => b.api.signinKeys({ watch }));
    if (r.ok) get().setKeys(r.value.keys);
    else set({ keysError: r.error, keysLoaded: true });
  },

  setKeys: (keys) => {
    const chosen = get().chosenKey;
    set({
      keys,
      keysLoaded: true,
      keysError: null,
      // a chosen key whose medium was pulled is no longer a choice
      chosenKey: chosen && keys.some((k) => k.id === chosen.id) ? chosen : null,
    });
  },

  chooseKey: (key) => set({ chosenKey: key, error: null }),

  signIn: async (password) => {
    const key = get().chosenKey;
    if (!key) {
      const error: KioskError = { code: 'KEY_NOT_FOUND', message: 'no key chosen' };
      set({ error });
      return { ok: false, error };
    }
    set({ busy: true, step: null, error: null });
    const ui = useUiStore.getState();
    ui.goTo('signingIn');
    const progress = listenKiosk((events) => events.signinProgress(({ step }) => set({ step })));
    const r = await callKiosk((b) => b.api.signinStart({ keyId: key.id, password }));
    if (progress.ok) progress.value();
    // the visitor may have left meanwhile (Finish, idle wipe): a late answer must not bring anyone back
    if (useUiStore.getState().screen !== 'signingIn') {
      set({ busy: false, step: null });
      return r;
    }
    if (r.ok) {
      set({ busy: false, step: null, patient: r.value, error: null });
      ui.goTo('home');
    } else {
      set({ busy: false, step: null, error: r.error });
      if (r.error.code === 'AGE_UNDER_14') ui.goTo('under14');
      else if (PASSWORD_ERRORS.has(r.error.code)) ui.goTo('keyPassword');
      else ui.goTo('signInError');
    }
    return r;
  },

  clearError: () => set({ error: null }),
}));

registerReset(() => useSignInStore.setState(initialSignInState));

// ── pure selectors ────────────────────────────────────────────────────────────────────────────

export const selectSignedIn = (s: SignInState): boolean => s.patient !== null;
/** Whether the signed-in patient may change things (false for a teen in view-only mode). */
export const selectCanAct = (s: SignInState): boolean => s.patient?.access === 'full';
export const selectViewOnly = (s: SignInState): boolean => s.patient?.access === 'view-only';
export const selectAgeYears = (s: SignInState): number | null => s.patient?.ageYears ?? null;
