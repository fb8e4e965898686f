import { normalizeApostrophes } from '#shared/rules/apostrophe';
import { localDigitsOfPhone, phoneFromLocalDigits, UA_PHONE_PREFIX } from '#shared/rules/phone';
import { isoFromTypedDigits, typedDigitsFromIso } from '#shared/rules/person/index';
import type { KeyboardLayoutId } from '../../components/OnScreenKeyboard/layouts';

/**
 * How a form field is typed and stored: which on-screen keyboard it uses, what the keyboard holds
 * (`typed`) for a stored value, the stored value for what was typed, and what the input shows.
 * Dates are typed as DDMMYYYY on a keypad and stored as eHealth's YYYY-MM-DD; phones as the nine
 * digits after +380; the unzr as 13 digits with the dash put in by the kiosk.
 */
export interface FieldCodec {
  layout: KeyboardLayoutId;
  toTyped(stored: string): string;
  fromTyped(typed: string): string;
  display(stored: string): string;
  /** What a physical keyboard or paste produced, as the keyboard would hold it. */
  fromInput(raw: string): string;
  maxLength?: number;
}

const digits = (s: string, max: number) => s.replace(/[^0-9]/g, '').slice(0, max);

export const textCodec = (layout: 'uk' | 'en', maxLength = 255): FieldCodec => ({
  layout,
  toTyped: (s) => s,
  fromTyped: (s) => (layout === 'uk' ? normalizeApostrophes(s) : s),
  display: (s) => s,
  fromInput: (raw) => raw.replace(/[\r\n\t]/g, ' ').slice(0, maxLength),
  maxLength,
});

export const digitsCodec = (maxLength: number): FieldCodec => ({
  layout: 'digits',
  toTyped: (s) => digits(s, maxLength),
  fromTyped: (s) => digits(s, maxLength),
  display: (s) => s,
  fromInput: (raw) => digits(raw, maxLength),
  maxLength,
});

/** `06.05.1997` while typing `06051997`. */
const dotted = (typed: string): string =>
  [typed.slice(0, 2), typed.slice(2, 4), typed.slice(4, 8)].filter(Boolean).join('.');

export const dateCodec: FieldCodec = {
  layout: 'digits',
  toTyped: (s) => typedDigitsFromIso(s),
  fromTyped: (typed) => isoFromTypedDigits(digits(typed, 8)),
  display: (s) => dotted(typedDigitsFromIso(s)),
  fromInput: (raw) => digits(raw, 8),
  maxLength: 8,
};

export const unzrCodec: FieldCodec = {
  layout: 'digits',
  toTyped: (s) => digits(s, 13),
  fromTyped: (typed) => {
    const d = digits(typed, 13);
    return d.length > 8 ? `${d.slice(0, 8)}-${d.slice(8)}` : d;
  },
  display: (s) => s,
  fromInput: (raw) => digits(raw, 13),
  maxLength: 13,
};

export const phoneCodec: FieldCodec = {
  layout: 'phone',
  toTyped: (s) => localDigitsOfPhone(s) || digits(s.replace(/^\+?380/, ''), 9),
  fromTyped: (typed) => (typed ? phoneFromLocalDigits(typed) : ''),
  display: (s) => s,
  fromInput: (raw) => digits(raw.startsWith(UA_PHONE_PREFIX) ? raw.slice(UA_PHONE_PREFIX.length) : raw, 9),
  maxLength: 9,
};

/** The keyboard layout for a document number: an ID card is digits; the rest have letters too. */
export const documentNumberCodec = (type: string): FieldCodec =>
  type === 'NATIONAL_ID' ? digitsCodec(9) : textCodec(type === 'BIRTH_CERTIFICATE_FOREIGN' ? 'en' : 'uk', 30);
