import { create } from 'zustand';
import type { AppInfo } from '#shared/contract/app';
import type { KioskError } from '#shared/result';
import { callKiosk } from './bridge';
import { registerReset } from './reset';
import { isPristine, useUiStore } from './ui';

export type KioskDefaults = AppInfo['defaults'];

/** Used until main answers `appInfo` (and if it cannot): Ukrainian, normal text, 90 s + 20 s. */
export const BUILT_IN_DEFAULTS: KioskDefaults = {
  language: 'uk',
  largeText: false,
  highContrast: false,
  idleTimeoutSeconds: 90,
  idleWarningSeconds: 20,
};

/** The kiosk itself (not the visitor): what main reported and what went wrong at kiosk level. */
export interface AppState {
  info: AppInfo | null;
  defaults: KioskDefaults;
  /** A kiosk-level problem to show on screen until dismissed (e.g. main could not end a session). */
  notice: KioskError | null;
}

export interface AppActions {
  /**
   * Asks main for the kiosk's identity and defaults. New defaults are applied to the display only
   * while nobody is using the kiosk (pristine); a visitor's own choices are never overridden.
   */
  loadInfo(): Promise<void>;
  setInfo(info: AppInfo): void;
  setNotice(notice: KioskError): void;
  dismissNotice(): void;
}

export const initialAppState: AppState = { info: null, defaults: BUILT_IN_DEFAULTS, notice: null };

export const useAppStore = create<AppState & AppActions>()((set, get) => ({
  ...initialAppState,
  loadInfo: async () => {
    const result = await callKiosk((bridge) => bridge.api.appInfo({}));
    if (!result.ok) {
      get().setNotice(result.error);
      return;
    }
    const wasPristine = isPristine(useUiStore.getState(), get().defaults);
    get().setInfo(result.value);
    if (wasPristine) useUiStore.getState().applyPreferences(result.value.defaults);
  },
  setInfo: (info) => set({ info, defaults: info.defaults }),
  setNotice: (notice) => set({ notice }),
  dismissNotice: () => set({ notice: null }),
}));

registerReset(() => useAppStore.setState(initialAppState));

// ── pure selectors ────────────────────────────────────────────────────────────────────────────

export const selectIdleConfig = (s: AppState): { timeoutMs: number; warningMs: number } => ({
  timeoutMs: s.defaults.idleTimeoutSeconds * 1000,
  warningMs: s.defaults.idleWarningSeconds * 1000,
});

export const selectTrainingMode = (s: AppState): boolean => s.info?.trainingMode ?? false;
