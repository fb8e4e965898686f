/**
 * eHealth's name pattern accepts only the ASCII apostrophe ('). People type — or paste, or get from
 * a physical keyboard's layout — the Ukrainian modifier letter apostrophe (ʼ), curly quotes, the
 * grave accent or the prime. All of them mean the same letter separator in a Ukrainian name, so
 * they are folded into the one form eHealth accepts before validation and before sending.
 */
export const EHEALTH_APOSTROPHE = "'";

/** Characters used as an apostrophe in Ukrainian text, other than the ASCII one. */
export const TYPOGRAPHIC_APOSTROPHES: readonly string[] = [
  '\u02BC', // ʼ MODIFIER LETTER APOSTROPHE — the Ukrainian orthographic apostrophe
  '\u2019', // ’ RIGHT SINGLE QUOTATION MARK — word processors and phones
  '\u2018', // ‘ LEFT SINGLE QUOTATION MARK — autocorrect gets the direction wrong
  '\u0060', // ` GRAVE ACCENT — the key next to 1 on Ukrainian/Russian PC layouts
  '\u2032', // ′ PRIME
  '\u00B4', // ´ ACUTE ACCENT
  '\u02BB', // ʻ MODIFIER LETTER TURNED COMMA
  '\uFF07', // ＇ FULLWIDTH APOSTROPHE
];

const TYPOGRAPHIC = new RegExp(`[${TYPOGRAPHIC_APOSTROPHES.join('')}]`, 'gu');

/** Replaces every typographic apostrophe with the ASCII one; everything else is left untouched. */
export const normalizeApostrophes = (text: string): string => text.replace(TYPOGRAPHIC, EHEALTH_APOSTROPHE);
