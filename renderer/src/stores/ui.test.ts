import { describe, expect, it } from 'vitest';
import { resetAllStores } from './reset';
import {
  BUILT_IN_PREFERENCES,
  initialUiState,
  isPristine,
  samePreferences,
  selectShowsFinish,
  useUiStore,
} from './ui';
import type { UiState } from './ui';

const state = (over: Partial<UiState> = {}): UiState => ({ ...initialUiState, ...over });

describe('ui store', () => {
  it('starts on the welcome screen with the built-in preferences', () => {
    expect(useUiStore.getState()).toMatchObject({ screen: 'welcome', ...BUILT_IN_PREFERENCES });
  });

  it('changes language, text size, contrast and screen through its actions', () => {
    const ui = useUiStore.getState();
    ui.setLanguage('en');
    ui.setLargeText(true);
    ui.setHighContrast(true);
    ui.goTo('insertKey');
    expect(useUiStore.getState()).toMatchObject({
      language: 'en',
      largeText: true,
      highContrast: true,
      screen: 'insertKey',
    });
  });

  it('applies a set of preferences without changing the screen', () => {
    useUiStore.getState().goTo('keyboardPractice');
    useUiStore.getState().applyPreferences({ language: 'en', largeText: true, highContrast: false });
    expect(useUiStore.getState()).toMatchObject({
      language: 'en',
      largeText: true,
      screen: 'keyboardPractice',
    });
  });

  it('is reset by resetAllStores', () => {
    useUiStore.getState().setLanguage('en');
    useUiStore.getState().goTo('insertKey');
    resetAllStores();
    expect(useUiStore.getState()).toMatchObject(BUILT_IN_PREFERENCES);
    expect(useUiStore.getState().screen).toBe('welcome');
  });

  it('keeps nothing in web storage', () => {
    useUiStore.getState().setLanguage('en');
    useUiStore.getState().setLargeText(true);
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
  });
});

describe('ui selectors', () => {
  const defaults = BUILT_IN_PREFERENCES;

  it('a fresh kiosk is pristine', () => {
    expect(isPristine(state(), defaults)).toBe(true);
  });

  it.each([
    ['another language', { language: 'en' as const }],
    ['large text', { largeText: true }],
    ['high contrast', { highContrast: true }],
    ['another screen', { screen: 'insertKey' as const }],
  ])('with %s it is not pristine', (_, change) => {
    expect(isPristine(state(change), defaults)).toBe(false);
  });

  it('pristine is measured against the kiosk defaults, not the built-in ones', () => {
    const english = { ...defaults, language: 'en' as const };
    expect(isPristine(state({ language: 'en' }), english)).toBe(true);
    expect(isPristine(state({ language: 'uk' }), english)).toBe(false);
  });

  it('compares preferences field by field', () => {
    expect(samePreferences(defaults, { ...defaults })).toBe(true);
    expect(samePreferences(defaults, { ...defaults, highContrast: true })).toBe(false);
  });

  it('offers Finish only past the welcome screen', () => {
    expect(selectShowsFinish(state())).toBe(false);
    expect(selectShowsFinish(state({ screen: 'insertKey' }))).toBe(true);
    expect(selectShowsFinish(state({ screen: 'keyboardPractice' }))).toBe(true);
  });
});
