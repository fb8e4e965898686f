/**
 * The vocative case (кличний відмінок) of a patient's given name and patronymic, for the greeting
 * «Вітаємо, Олено Петрівно!», declined by `shevchenko` (npm, MIT): the declension rules of
 * Ukrainian anthroponyms, chosen by gender and by the name's own ending.
 *
 * Why here, in main: sign-in already holds the person eHealth returned, so declining the name here
 * sends the renderer nothing but the greeting it shows. The renderer never sees the raw name fields
 * or the gender for this, and its bundle stays without the library's rule tables.
 *
 * Only the library's given-name and patronymic inflectors are loaded (through their modules in the
 * package's ES build): its entry point also loads a TensorFlow model that classifies family names,
 * which a greeting never needs and which would add seconds of start-up and hundreds of megabytes.
 * The package is a devDependency: the bundler inlines these modules into main.cjs and cli.mjs.
 *
 * Gender comes from eHealth, so nothing is guessed from the name; without it the caller greets in
 * the nominative. Hyphenated names decline in every part (Анна-Марія → Анно-Маріє); a name the
 * rules do not know (a foreign name ending in a vowel) stays as it is.
 */
import { GivenNameInflector } from 'shevchenko/dist/es/anthroponym-declension/given-name-inflector.js';
import { PatronymicNameInflector } from 'shevchenko/dist/es/anthroponym-declension/patronymic-name-inflector.js';
import { GrammaticalCase } from 'shevchenko/dist/es/language/grammatical-case.js';
import { GrammaticalGender } from 'shevchenko/dist/es/language/grammatical-gender.js';
import { wordInflector } from 'shevchenko/dist/es/word-declension/bootstrap.js';

export type Gender = 'MALE' | 'FEMALE';

const givenNames = new GivenNameInflector(wordInflector);
const patronymics = new PatronymicNameInflector(wordInflector);

const grammaticalGender = (gender: Gender): GrammaticalGender =>
  gender === 'MALE' ? GrammaticalGender.MASCULINE : GrammaticalGender.FEMININE;

/**
 * Masculine names the library (3.1.1) declines against the orthography: Назар keeps its hard stem
 * (Назара → Назаре, not Назарю), and Антін, Ничипір alternate і → о (Антона → Антоне). Checked
 * in vocative.test.ts together with the library's own answers, so an upgrade that fixes them shows.
 */
const MASCULINE_CORRECTIONS: Readonly<Record<string, string>> = {
  назар: 'назаре',
  антін: 'антоне',
  ничипір: 'ничипоре',
};

/** `replacement` written in the letter case of `original` (Назар → Назаре, НАЗАР → НАЗАРЕ). */
function inCaseOf(original: string, replacement: string): string {
  if (original === original.toLocaleUpperCase('uk') && original !== original.toLocaleLowerCase('uk'))
    return replacement.toLocaleUpperCase('uk');
  return replacement.charAt(0).toLocaleUpperCase('uk') + replacement.slice(1);
}

async function givenNamePart(part: string, gender: Gender): Promise<string> {
  const corrected = gender === 'MALE' ? MASCULINE_CORRECTIONS[part.toLocaleLowerCase('uk')] : undefined;
  if (corrected) return inCaseOf(part, corrected);
  return givenNames.inflect(part, grammaticalGender(gender), GrammaticalCase.VOCATIVE);
}

/** The vocative of a given name; each part of a hyphenated name is declined. */
export async function vocativeGivenName(name: string, gender: Gender): Promise<string> {
  const trimmed = name.trim();
  if (!trimmed) return trimmed;
  const parts = await Promise.all(trimmed.split('-').map((p) => (p ? givenNamePart(p, gender) : p)));
  return parts.join('-');
}

/** The vocative of a patronymic: Петрович → Петровичу, Ілліч → Іллічу, Петрівна → Петрівно. */
export async function vocativePatronymic(patronymic: string, gender: Gender): Promise<string> {
  const trimmed = patronymic.trim();
  if (!trimmed) return trimmed;
  return patronymics.inflect(trimmed, grammaticalGender(gender), GrammaticalCase.VOCATIVE);
}

/**
 * How to greet someone: given name and patronymic in the vocative when there is a patronymic
 * (the Ukrainian polite address), the given name alone otherwise.
 */
export async function vocativeAddress(
  person: { firstName: string; secondName?: string | null },
  gender: Gender,
): Promise<string> {
  const given = await vocativeGivenName(person.firstName, gender);
  const patronymic = person.secondName?.trim() ? await vocativePatronymic(person.secondName, gender) : '';
  return patronymic ? `${given} ${patronymic}` : given;
}
