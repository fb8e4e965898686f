import type { ErrorCode } from '#shared/errors';

export const LANGUAGES = ['uk', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language is offered in its own name, whatever the current language is. */
export const LANGUAGE_NAMES: Record<Language, string> = { uk: 'Українська', en: 'English' };

/**
 * A message that depends on a number. Ukrainian needs three forms (1 спроба, 2 спроби, 5 спроб),
 * English two; the form is chosen by `Intl.PluralRules` for the language.
 */
export interface PluralMessage {
  one: string;
  few?: string;
  many?: string;
  other: string;
}

/** Plain text; `{name}` marks a parameter. */
export type Message = string | PluralMessage;

/** Punctuation and symbol keys of the on-screen keyboard: each needs a spoken name (aria-label). */
export const KEY_SYMBOLS = [
  "'",
  '`',
  '~',
  '!',
  '@',
  '#',
  '$',
  '%',
  '^',
  '&',
  '*',
  '(',
  ')',
  '-',
  '_',
  '=',
  '+',
  '[',
  ']',
  '{',
  '}',
  '\\',
  '|',
  ';',
  ':',
  '"',
  ',',
  '.',
  '<',
  '>',
  '/',
  '?',
  '№',
  '₴',
] as const;
export type KeySymbol = (typeof KEY_SYMBOLS)[number];

export interface Dictionary<K extends string> {
  messages: Record<K, Message>;
  /** Plain-language text for every error code a service may return. */
  errors: Record<ErrorCode, string>;
  keySymbols: Record<KeySymbol, string>;
}
