/**
 * Search folding for Ukrainian names and places. The same folding is applied to the index and to
 * what a patient types, so that:
 * - case does not matter;
 * - ґ/г, ї/і, є/е are one letter (people drop the marks, older data lacks ґ);
 * - every apostrophe form (' ʼ ’ ‘ ` ′ ´ ʻ ＇) disappears: "Мар'яна", "Марʼяна", "Марьяна" → "маряна"
 *   (the soft sign ь is not an apostrophe and stays);
 * - Latin look-alikes typed or stored by mistake (i, a, e, o, c, p, x, y) become Cyrillic;
 * - letters of a Russian layout that do not exist in Ukrainian (ы, э, ё, ъ) fold to their nearest.
 */
const APOSTROPHES = /['\u02BC\u2019\u2018\u0060\u2032\u00B4\u02BB\uFF07\u201B]/gu;

const FOLD: Record<string, string> = {
  ґ: 'г',
  ї: 'і',
  є: 'е',
  ё: 'е',
  э: 'е',
  ы: 'и',
  ъ: '',
  i: 'і',
  a: 'а',
  e: 'е',
  o: 'о',
  c: 'с',
  p: 'р',
  x: 'х',
  y: 'у',
};

export function foldText(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('uk')
    .replace(APOSTROPHES, '')
    .replace(/[ґїєёэыъiaeocpxy]/gu, (c) => FOLD[c] ?? c)
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Words of a folded text, for a prefix search (letters and digits only). */
export function searchTokens(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, 8);
}

/** An FTS5 query: every word must match as a prefix, in any order. Null when nothing to search. */
export function ftsQuery(text: string): string | null {
  const tokens = searchTokens(text);
  return tokens.length ? tokens.map((t) => `"${t}"*`).join(' ') : null;
}

const AREA_WORDS = /\s*(область|обл\.?|oblast)\s*/giu;

/** Oblast names arrive as "Київська", "Київська область", "Київська обл." — one key for all. */
export function foldArea(area: string): string {
  return foldText(area.replace(AREA_WORDS, ' '));
}

/** Settlement names may come with a type prefix ("м. Київ", "с. Іванівка"). */
export function foldSettlement(name: string): string {
  return foldText(name.replace(/^\s*(м|с|смт|сел|с-ще|селище)\.?\s+/iu, ''));
}

const UK_ALPHABET = 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя';

/** A key that sorts names in Ukrainian alphabetical order under SQLite's binary collation. */
export function ukrainianSortKey(text: string): string {
  let out = '';
  for (const ch of text.toLocaleLowerCase('uk').replace(APOSTROPHES, '')) {
    const i = UK_ALPHABET.indexOf(ch);
    out += i >= 0 ? String.fromCharCode(0x0100 + i) : ch === ' ' ? ' ' : ch;
  }
  return out;
}
