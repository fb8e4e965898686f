import { create } from 'zustand';
import type { Language } from '../i18n/types';
import { registerReset } from './reset';

/** Every screen of the kiosk; the frame shows exactly one. Add a screen here and in screens/registry. */
export type ScreenId =
  | 'welcome'
  | 'insertKey'
  | 'keyboardPractice'
  // sign-in and home
  | 'keyPassword'
  | 'signingIn'
  | 'signInError'
  | 'under14'
  | 'home'
  // registration with eHealth after the unknown-person refusal (screens/Registration*)
  | 'registrationIntro'
  | 'registrationForm'
  | 'registrationPhone'
  | 'registrationReview'
  | 'registrationSign'
  | 'registrationQueued'
  // acting for a child: identify and sign, or why eHealth refused (screens/ActForChild, ActingNoRelation)
  | 'actForChild'
  | 'actingNoRelation'
  // the four functions (home menu); each is filled by its own screen in screens/registry.ts
  | 'person'
  | 'declarations'
  | 'doctorSearch'
  // declarations, a doctor's card and a new declaration, receipts (screens/Declaration*, Doctor*, Receipt)
  | 'declarationDetails'
  | 'doctorCard'
  | 'declarationWizard'
  | 'receipt'
  | 'apps'
  // personal data: change, review the printout, result, SMS phone
  | 'personEdit'
  | 'personReview'
  | 'personResult'
  | 'personPhone'
  // documents eHealth asks for (camera, preview, upload)
  | 'documentCapture'
  // registrar mode (screens/Registrar*)
  | 'registrarPin'
  | 'registrarPanel'
  | 'registrarOutbox'
  | 'registrarDirectory'
  | 'registrarSettings'
  | 'registrarAudit';

/** What a visitor may change about the display; reset to the kiosk's defaults after every visitor. */
export interface UiPreferences {
  language: Language;
  largeText: boolean;
  highContrast: boolean;
}

export interface UiState extends UiPreferences {
  screen: ScreenId;
}

export interface UiActions {
  setLanguage(language: Language): void;
  setLargeText(on: boolean): void;
  setHighContrast(on: boolean): void;
  goTo(screen: ScreenId): void;
  /** Back to the given preferences (the kiosk defaults after a wipe or a changed default). */
  applyPreferences(preferences: UiPreferences): void;
}

/** Used until main tells the kiosk's own defaults (appInfo), and if it cannot. */
export const BUILT_IN_PREFERENCES: UiPreferences = { language: 'uk', largeText: false, highContrast: false };

export const initialUiState: UiState = { ...BUILT_IN_PREFERENCES, screen: 'welcome' };

// Deliberately not persisted: nothing about a visitor may outlive the visit, and the defaults come
// from main on every start.
export const useUiStore = create<UiState & UiActions>()((set) => ({
  ...initialUiState,
  setLanguage: (language) => set({ language }),
  setLargeText: (largeText) => set({ largeText }),
  setHighContrast: (highContrast) => set({ highContrast }),
  goTo: (screen) => set({ screen }),
  applyPreferences: ({ language, largeText, highContrast }) => set({ language, largeText, highContrast }),
}));

registerReset(() => useUiStore.setState(initialUiState));

// ── pure selectors ────────────────────────────────────────────────────────────────────────────

export const samePreferences = (a: UiPreferences, b: UiPreferences): boolean =>
  a.language === b.language && a.largeText === b.largeText && a.highContrast === b.highContrast;

/**
 * Pristine = what the next visitor should find: the welcome screen with the kiosk's default
 * preferences. Anything else means someone is (or was) using the kiosk, so the idle timer runs.
 */
export const isPristine = (s: UiState, defaults: UiPreferences): boolean =>
  s.screen === 'welcome' && samePreferences(s, defaults);
/** {@link isPristine} against the kiosk's current defaults, as a selector. */
export const selectPristine =
  (defaults: UiPreferences) =>
  (s: UiState): boolean =>
    isPristine(s, defaults);

/** "Finish" is offered once the visitor has gone past the welcome screen. */
export const selectShowsFinish = (s: UiState): boolean => s.screen !== 'welcome';
