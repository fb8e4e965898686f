import english from 'simple-keyboard-layouts/build/layouts/english';
import ukrainian from 'simple-keyboard-layouts/build/layouts/ukrainian';

export const KEYBOARD_LAYOUTS = ['uk', 'en', 'digits', 'phone'] as const;
export type KeyboardLayoutId = (typeof KEYBOARD_LAYOUTS)[number];

export interface KioskLayout {
  /** simple-keyboard's layout object: `default` and, for letters, `shift`. */
  rows: { default: string[]; shift?: string[] };
  /** What the key shows, when not the character it types. */
  display: Record<string, string>;
  /** Only these characters may be typed (a physical keyboard or paste goes through it too). */
  accepts: RegExp;
}

/**
 * Keys a kiosk visitor does not need: Tab and Caps Lock (Shift covers capitals), Enter (each screen
 * has its own large "next" button) and the ".com" macro.
 */
const DROPPED_KEYS = new Set(['{tab}', '{lock}', '{enter}', '.com']);

const forKiosk = (rows: string[]): string[] =>
  rows
    .map((row) =>
      row
        .split(' ')
        .filter((key) => !DROPPED_KEYS.has(key))
        .join(' '),
    )
    .filter((row) => row.length > 0);

const letterRows = (layout: { layout: Record<string, string[]> }): KioskLayout['rows'] => ({
  default: forKiosk(layout.layout.default ?? []),
  shift: forKiosk(layout.layout.shift ?? []),
});

const DIGIT_ROWS = ['1 2 3', '4 5 6', '7 8 9', '0 {bksp}'];

const ANY_PRINTABLE = /^[^\p{Cc}]*$/u;

export const kioskLayouts: Record<KeyboardLayoutId, KioskLayout> = {
  // The Ukrainian apostrophe key types the ASCII apostrophe eHealth accepts, but shows ʼ, the
  // letter a Ukrainian reader expects on it.
  uk: { rows: letterRows(ukrainian), display: { "'": 'ʼ' }, accepts: ANY_PRINTABLE },
  en: { rows: letterRows(english), display: {}, accepts: ANY_PRINTABLE },
  digits: { rows: { default: DIGIT_ROWS }, display: {}, accepts: /^[0-9]*$/ },
  // the fixed +380 prefix is shown by the field; the keypad types the nine digits after it
  phone: { rows: { default: DIGIT_ROWS }, display: {}, accepts: /^[0-9]*$/ },
};

/** Every distinct key of a layout (both shift states), e.g. to label each one. */
export const keysOf = (layout: KioskLayout): string[] => [
  ...new Set([...layout.rows.default, ...(layout.rows.shift ?? [])].flatMap((row) => row.split(' '))),
];

/** `{bksp}`, `{shift}`, `{space}`: keys that do something rather than type a character. */
export const isFunctionKey = (key: string): boolean =>
  key.length > 2 && key.startsWith('{') && key.endsWith('}');
