/**
 * Typing on the kiosk's own on-screen keyboard, key by key, as a patient does: a character's key
 * is found by what a patient sees on it (letters and digits as themselves, symbols by their spoken
 * names), and Shift is pressed when the key is not on the keyboard as shown. Never `fill()`.
 */
import type { Locator, Page } from '@playwright/test';
import { dictionaries } from '../../renderer/src/i18n/translate';
import type { Language } from '../../renderer/src/i18n/types';

/** The interface language the page is in (the keys' spoken names follow it). */
export const languageOf = async (page: Page): Promise<Language> =>
  (await page.locator('html').getAttribute('lang')) === 'en' ? 'en' : 'uk';

/** The name of the key that types `ch`. */
export function keyNameFor(ch: string, language: Language): string {
  if (ch === ' ') return language === 'en' ? 'Space' : 'Пробіл';
  const symbols = dictionaries[language].keySymbols as Record<string, string>;
  return symbols[ch] ?? ch;
}

/** Presses the key for one character on `keyboard`; returns the taps (1, or 2 with Shift). */
export async function tapCharacter(keyboard: Locator, ch: string, language: Language): Promise<number> {
  const key = keyboard.getByRole('button', { name: keyNameFor(ch, language), exact: true }).first();
  let taps = 0;
  if ((await key.count()) === 0) {
    await keyboard
      .getByRole('button', { name: /^(Велика літера|Capital letter)$/ })
      .first()
      .click();
    taps += 1;
  }
  await key.click();
  return taps + 1;
}

/** Types `text` on `keyboard`; returns the taps made. */
export async function typeText(page: Page, keyboard: Locator, text: string): Promise<number> {
  const language = await languageOf(page);
  let taps = 0;
  for (const ch of text) taps += await tapCharacter(keyboard, ch, language);
  return taps;
}

/** Deletes `count` characters with the keyboard's backspace; returns the taps. */
export async function erase(keyboard: Locator, count: number): Promise<number> {
  const backspace = keyboard.getByRole('button', { name: /^(Стерти|Delete)$/ });
  for (let i = 0; i < count; i++) await backspace.click();
  return count;
}
