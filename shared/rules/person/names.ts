import { normalizeApostrophes } from '../apostrophe';

/**
 * eHealth person names: Ukrainian Cyrillic letters, the apostrophe, the hyphen and the space. The
 * Russian letters Ы Ъ Э Ё are not Ukrainian and are refused, as are Latin letters, digits and any
 * other sign. Apostrophes are folded to the ASCII one (shared/rules/apostrophe) before the check.
 */
export const NAME_PATTERN = /^[А-ЩЬЮЯҐЄІЇа-щьюяґєії' -]+$/u;
export const NAME_MAX_LENGTH = 255;

/** Dash-like characters people type for the hyphen in a double name. */
const HYPHENS = /[\u2010\u2011\u2012\u2013\u2014\u2212]/gu;

/**
 * What a typed name becomes before it is checked and sent: apostrophes and hyphens in eHealth's
 * form, no spaces at the ends, single spaces inside, none around a hyphen or an apostrophe.
 */
export function normalizeName(typed: string): string {
  return normalizeApostrophes(typed)
    .replace(HYPHENS, '-')
    .replace(/\s+/gu, ' ')
    .replace(/ ?([-']) ?/gu, '$1')
    .trim();
}

/** True when a (normalized) name is one eHealth accepts. */
export const isValidName = (name: string): boolean =>
  name.length > 0 && name.length <= NAME_MAX_LENGTH && NAME_PATTERN.test(name);
