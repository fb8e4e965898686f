import { en } from './en';
import type { MessageKey } from './uk';
import { uk } from './uk';
import type { Dictionary, Language, PluralMessage } from './types';

export const dictionaries: Record<Language, Dictionary<MessageKey>> = { uk, en };

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

/** The `{name}` placeholders of a template, in order of appearance. */
export const placeholdersOf = (template: string): string[] =>
  [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');

/** Fills `{name}` placeholders; a missing parameter stays visible as `{name}` so a test can see it. */
export const fillTemplate = (template: string, params: MessageParams = {}): string =>
  template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );

const pluralRules = new Map<Language, Intl.PluralRules>();
const pluralForm = (language: Language, count: number): keyof PluralMessage => {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  const form = rules.select(count);
  return form === 'one' || form === 'few' || form === 'many' ? form : 'other';
};

export const translate = (language: Language, key: MessageKey, params?: MessageParams): string => {
  const message = dictionaries[language].messages[key];
  if (typeof message === 'string') return fillTemplate(message, params);
  const count = typeof params?.count === 'number' ? params.count : 0;
  return fillTemplate(message[pluralForm(language, count)] ?? message.other, params);
};

export const translator =
  (language: Language): Translate =>
  (key, params) =>
    translate(language, key, params);
