import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '#shared/errors';
import {
  isFunctionKey,
  KEYBOARD_LAYOUTS,
  keysOf,
  kioskLayouts,
} from '../components/OnScreenKeyboard/layouts';
import { errorText } from './errors';
import { dictionaries, fillTemplate, placeholdersOf, translate } from './translate';
import type { MessageKey } from './uk';
import { KEY_SYMBOLS, LANGUAGES } from './types';
import type { Message } from './types';

const keys = Object.keys(dictionaries.uk.messages) as MessageKey[];
const templatesOf = (m: Message): string[] => (typeof m === 'string' ? [m] : Object.values(m));
const CYRILLIC = /[а-яіїєґ]/i;

describe('dictionaries', () => {
  it('have the same keys in every language, none empty', () => {
    for (const language of LANGUAGES) {
      expect(Object.keys(dictionaries[language].messages).sort()).toEqual([...keys].sort());
      for (const key of keys)
        for (const t of templatesOf(dictionaries[language].messages[key])) expect(t.trim()).not.toBe('');
    }
  });

  it('use the same placeholders in every language and every plural form', () => {
    for (const key of keys) {
      const expected = new Set(templatesOf(dictionaries.uk.messages[key]).flatMap(placeholdersOf));
      for (const language of LANGUAGES)
        for (const t of templatesOf(dictionaries[language].messages[key]))
          expect(new Set(placeholdersOf(t)), `${language} ${key}: ${t}`).toEqual(expected);
    }
  });

  it('address the visitor in words that fit anyone: no masculine-only (or feminine-only) forms', () => {
    // past tense and adjectives about "you" take a gender in Ukrainian; the kiosk does not know it
    // from the words on screen, so it uses the plural of politeness, nouns or impersonal forms
    const word = (stem: string) => `(?<!\\p{L})${stem}(?!\\p{L})`;
    const GENDERED = new RegExp(
      [
        word(
          '(не)?(за|не)?(задоволений|задоволена|згоден|згодна|готовий|готова|впевнений|впевнена|повинен|повинна|змушений|змушена)',
        ),
        // "ви/я" + a singular past tense (ви увійшов, я підписала)
        `${word('(ви|я)')}\\s+${word('\\p{L}+(ав|ала|ов|ла|ив|ила|ів|іла)')}`,
      ].join('|'),
      'iu',
    );
    expect('Не задоволений обслуговуванням').toMatch(GENDERED);
    expect('Ви увійшов до кабінету').toMatch(GENDERED);
    expect('Ви увійшли до кабінету').not.toMatch(GENDERED);
    const all = [
      ...keys.flatMap((k) => templatesOf(dictionaries.uk.messages[k])),
      ...Object.values(dictionaries.uk.errors),
    ];
    for (const text of all) expect(text, text).not.toMatch(GENDERED);
    expect(translate('uk', 'terminate.reason.unhappy')).toBe('Мене не влаштовує обслуговування');
  });

  it('write Ukrainian in Ukrainian, without Russian-only letters', () => {
    for (const key of keys)
      for (const t of templatesOf(dictionaries.uk.messages[key])) expect(t).not.toMatch(/[ыэъё]/i);
  });
});

describe('error messages', () => {
  it.each(ERROR_CODES)('%s has a plain message in Ukrainian and English', (code) => {
    const ukText = dictionaries.uk.errors[code];
    const enText = dictionaries.en.errors[code];
    expect(ukText).toMatch(CYRILLIC);
    expect(enText).not.toMatch(CYRILLIC);
    for (const text of [ukText, enText]) {
      expect(text.length).toBeGreaterThan(8);
      expect(text).not.toContain(code);
      expect(text).toMatch(/[.!?]$/);
    }
  });

  it.each(ERROR_CODES)('%s says why and what to do next', (code) => {
    const NEXT_UK =
      /(Спробуйте|Зверніться|зверніться|отримайте|Оберіть|Перевірте|Почніть|Зачекайте|Попросіть|Увійдіть|Оновіть|Скористайтеся|Дочекайтеся|встановіть|Поверніться|підтверджують у реєстратурі|можна продовжити|не потрібно|спробуйте)/u;
    const NEXT_EN =
      /(try|ask|go to|contact|get a new|choose|check|start|wait|sign in|renew|use a key|set it|go back|is confirmed at the reception|continue|nothing to)/i;
    expect(dictionaries.uk.errors[code]).toMatch(NEXT_UK);
    expect(dictionaries.en.errors[code]).toMatch(NEXT_EN);
    // at least two sentences, or one with a next step after a colon or semicolon
    for (const language of LANGUAGES) expect(dictionaries[language].errors[code]).toMatch(/[.:;—,] \S/);
  });

  it('have no message for a code that does not exist', () => {
    for (const language of LANGUAGES)
      expect(Object.keys(dictionaries[language].errors).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('add the attempts left, in the right grammatical form', () => {
    const wrong = (attemptsLeft: number) => ({
      code: 'KEY_WRONG_PASSWORD' as const,
      details: { attemptsLeft },
    });
    const uk = dictionaries.uk.errors.KEY_WRONG_PASSWORD;
    const en = dictionaries.en.errors.KEY_WRONG_PASSWORD;
    expect(errorText('uk', wrong(1))).toBe(`${uk} Залишилася 1 спроба.`);
    expect(errorText('uk', wrong(2))).toBe(`${uk} Залишилося 2 спроби.`);
    expect(errorText('uk', wrong(5))).toBe(`${uk} Залишилося 5 спроб.`);
    expect(errorText('uk', wrong(0))).toBe(`${uk} Залишилося 0 спроб.`);
    expect(errorText('en', wrong(1))).toBe(`${en} 1 attempt left.`);
    expect(errorText('en', wrong(3))).toBe(`${en} 3 attempts left.`);
  });

  it('turn a lock time into whole minutes, rounded up', () => {
    const locked = { code: 'KEY_LOCKED' as const, details: { retryAfterSeconds: 601 } };
    expect(errorText('uk', locked)).toBe(
      `${dictionaries.uk.errors.KEY_LOCKED} Спробуйте знову через 11 хвилин.`,
    );
    expect(errorText('en', { code: 'PIN_LOCKED', details: { retryAfterSeconds: 45 } })).toBe(
      `${dictionaries.en.errors.PIN_LOCKED} Please try again in 1 minute.`,
    );
  });

  it('ignore details that are not sensible numbers', () => {
    const text = errorText('en', {
      code: 'SMS_CODE_WRONG',
      details: { attemptsLeft: 'two', retryAfterSeconds: -5 },
    });
    expect(text).toBe(dictionaries.en.errors.SMS_CODE_WRONG);
    expect(errorText('en', { code: 'PIN_WRONG', details: { attemptsLeft: 1.5 } })).toBe(
      dictionaries.en.errors.PIN_WRONG,
    );
  });

  it('say something true for a code this renderer does not know yet', () => {
    const unknown = { code: 'FUTURE_CODE' } as unknown as Parameters<typeof errorText>[1];
    expect(errorText('uk', unknown)).toBe(dictionaries.uk.errors.INTERNAL);
  });
});

describe('translate', () => {
  it('picks Ukrainian plural forms by the last digits', () => {
    const forms = [1, 2, 4, 5, 11, 12, 14, 20, 21, 22, 25, 101].map((n) =>
      translate('uk', 'idle.countdown', { count: n }),
    );
    expect(forms).toEqual([
      'Залишилася 1 секунда',
      'Залишилося 2 секунди',
      'Залишилося 4 секунди',
      'Залишилося 5 секунд',
      'Залишилося 11 секунд',
      'Залишилося 12 секунд',
      'Залишилося 14 секунд',
      'Залишилося 20 секунд',
      'Залишилася 21 секунда',
      'Залишилося 22 секунди',
      'Залишилося 25 секунд',
      'Залишилася 101 секунда',
    ]);
    expect(translate('en', 'idle.countdown', { count: 1 })).toBe('1 second left');
    expect(translate('en', 'idle.countdown', { count: 20 })).toBe('20 seconds left');
  });

  it('leaves a missing parameter visible rather than inventing one', () => {
    expect(fillTemplate('{count} left', {})).toBe('{count} left');
    expect(fillTemplate('{a} and {b}', { a: 1, b: 'x' })).toBe('1 and x');
  });
});

describe('keyboard key names', () => {
  it('name every symbol key of every layout, in both languages', () => {
    const symbols = new Set<string>(KEY_SYMBOLS);
    for (const id of KEYBOARD_LAYOUTS) {
      for (const key of keysOf(kioskLayouts[id])) {
        if (isFunctionKey(key) || /^[\p{L}\p{N}]$/u.test(key)) continue;
        expect(symbols.has(key), `layout ${id}: key ${key} has no spoken name`).toBe(true);
      }
    }
    for (const language of LANGUAGES)
      for (const symbol of KEY_SYMBOLS) expect(dictionaries[language].keySymbols[symbol].trim()).not.toBe('');
  });
});
