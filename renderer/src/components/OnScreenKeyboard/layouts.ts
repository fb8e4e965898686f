import english from 'simple-keyboard-layouts/build/layouts/english';
import ukrainian from 'simple-keyboard-layouts/build/layouts/ukrainian';

export const KEYBOARD_LAYOUTS = ['uk', 'en', 'digits', 'phone', 'password'] as const;
export type KeyboardLayoutId = (typeof KEYBOARD_LAYOUTS)[number];

/** The letters a two-script keyboard (the password's) types at the moment. */
export type Script = 'latin' | 'cyrillic';

export interface KioskLayout {
  /**
   * simple-keyboard's layout object: `default` and, for letters, `shift`; the password keyboard
   * also has `cyrillic` and `cyrillicShift`, reached with its script key.
   */
  rows: { default: string[]; shift?: string[]; cyrillic?: string[]; cyrillicShift?: string[] };
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

/** The key that switches a two-script keyboard between Latin and Ukrainian letters. */
export const SCRIPT_KEY = '{script}';

/** The script key goes first on the bottom row, left of @ and the space bar. */
const withScriptKey = (rows: string[]): string[] =>
  rows.map((row, i) => (i === rows.length - 1 ? `${SCRIPT_KEY} ${row}` : row));

/**
 * КЕП passwords: Latin letters, digits and every symbol of a PC keyboard (Shift gives the upper
 * row's symbols), with a key to Ukrainian letters and back. The password starts on Latin — nearly
 * every key password has Latin letters — in either interface language.
 */
const passwordRows = (): KioskLayout['rows'] => {
  const latin = letterRows(english);
  const cyrillic = letterRows(ukrainian);
  return {
    default: withScriptKey(latin.default),
    shift: withScriptKey(latin.shift ?? []),
    cyrillic: withScriptKey(cyrillic.default),
    cyrillicShift: withScriptKey(cyrillic.shift ?? []),
  };
};

const ANY_PRINTABLE = /^[^\p{Cc}]*$/u;

export const kioskLayouts: Record<KeyboardLayoutId, KioskLayout> = {
  // The Ukrainian apostrophe key types the ASCII apostrophe eHealth accepts, but shows ʼ, the
  // letter a Ukrainian reader expects on it.
  uk: { rows: letterRows(ukrainian), display: { "'": 'ʼ' }, accepts: ANY_PRINTABLE },
  en: { rows: letterRows(english), display: {}, accepts: ANY_PRINTABLE },
  digits: { rows: { default: DIGIT_ROWS }, display: {}, accepts: /^[0-9]*$/ },
  // the fixed +380 prefix is shown by the field; the keypad types the nine digits after it
  phone: { rows: { default: DIGIT_ROWS }, display: {}, accepts: /^[0-9]*$/ },
  // a password is typed exactly: its apostrophe key shows the apostrophe it types
  password: { rows: passwordRows(), display: {}, accepts: ANY_PRINTABLE },
};

/** simple-keyboard's layout name for a script and the Shift state. */
export const layoutNameOf = (script: Script, shifted: boolean): keyof KioskLayout['rows'] =>
  script === 'latin' ? (shifted ? 'shift' : 'default') : shifted ? 'cyrillicShift' : 'cyrillic';

/** Every distinct key of a layout (every script and shift state), e.g. to label each one. */
export const keysOf = (layout: KioskLayout): string[] => [
  ...new Set(
    Object.values(layout.rows)
      .flat()
      .flatMap((row) => row.split(' ')),
  ),
];

/** A keyboard with two scripts and a key between them (the password's). */
export const hasScripts = (layout: KioskLayout): boolean => layout.rows.cyrillic !== undefined;

/** `{bksp}`, `{shift}`, `{space}`: keys that do something rather than type a character. */
export const isFunctionKey = (key: string): boolean =>
  key.length > 2 && key.startsWith('{') && key.endsWith('}');
