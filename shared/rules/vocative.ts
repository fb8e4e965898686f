/**
 * The vocative case (кличний відмінок) of Ukrainian given names and patronymics, for greeting a
 * patient by name: «Вітаємо, Олено Петрівно!». The rules follow the 2019 Ukrainian orthography
 * (§ on the vocative): first declension — hard group -о (Олено, Миколо), soft and mixed groups -е/-є
 * (Насте, Маріє, Ілле), pet forms -ю (Галю, Марусю); second declension — -е for plain hard stems
 * (Іване, Петре, Олеже), -у after the suffix -к- and on к/х (Марку), after ч/ш/щ (Іллічу), -ю for
 * soft stems (Андрію, Василю); i → о in names like Федір → Федоре. Patronymics: -ович → -овичу,
 * -івна → -івно. Gender comes from eHealth, so nothing is guessed from the name. A name these rules
 * do not know (a foreign name ending in a vowel, a non-Ukrainian patronymic) stays as it is.
 */

export type Gender = 'MALE' | 'FEMALE';

/** Masculine names whose last syllable's і becomes о/е outside the nominative (Федір → Федора). */
const ALTERNATING_MASCULINE: Record<string, string> = {
  федір: 'федоре',
  антін: 'антоне',
  тихін: 'тихоне',
  сидір: 'сидоре',
  яків: 'якове',
  нестір: 'несторе',
  григір: 'григоре',
  прокіп: 'прокопе',
  харитін: 'харитоне',
  мирін: 'мироне',
  онисім: 'онисиме',
  лев: 'леве',
};

/** Pet forms of the soft group that take -ю (the orthography lists Галю, Катрусю, Марусю…). */
const PET_SOFT_FEMININE = new Set([
  'галя',
  'таня',
  'оля',
  'катя',
  'валя',
  'юля',
  'маня',
  'ганя',
  'люся',
  'тося',
  'дуся',
  'нюся',
  'ліля',
  'надя',
  'соня',
  'ася',
]);

const PET_SUFFIX = /(?:ус|юс|ун)я$/;
const HARD_CONSONANTS = 'бвдзлмнпрстф';
const VOWELS = 'аеєиіїоуюя';
const APOSTROPHES = /[ʼ'’]/;

/** Re-attaches a lowercase ending to the original word, keeping an all-capitals word in capitals. */
function withEnding(original: string, cut: number, ending: string): string {
  const stem = original.slice(0, original.length - cut);
  const allCaps =
    original === original.toLocaleUpperCase('uk') && original !== original.toLocaleLowerCase('uk');
  return stem + (allCaps ? ending.toLocaleUpperCase('uk') : ending);
}

/** Capitalises `replacement` like `original` (first letter, or every letter). */
function likeCase(original: string, replacement: string): string {
  if (original === original.toLocaleUpperCase('uk')) return replacement.toLocaleUpperCase('uk');
  const first = original.charAt(0);
  return first === first.toLocaleUpperCase('uk')
    ? replacement.charAt(0).toLocaleUpperCase('uk') + replacement.slice(1)
    : replacement;
}

function masculineGiven(name: string): string {
  const w = name.toLocaleLowerCase('uk');
  const alternating = ALTERNATING_MASCULINE[w];
  if (alternating) return likeCase(name, alternating);
  const last = w.slice(-1);
  const beforeLast = w.slice(-2, -1);
  if (last === 'й') return withEnding(name, 1, 'ю'); // Андрій → Андрію, Сергій, Юрій, Матвій
  if (last === 'ь') return withEnding(name, 1, 'ю'); // Василь → Василю, Олесь → Олесю
  if (last === 'я') return withEnding(name, 1, VOWELS.includes(beforeLast) ? 'є' : 'е'); // Ілля → Ілле
  if (last === 'а') return withEnding(name, 1, 'жчшщ'.includes(beforeLast) ? 'е' : 'о'); // Микола → Миколо
  if (last === 'о') return w.endsWith('ко') ? withEnding(name, 1, 'у') : withEnding(name, 1, 'е'); // Марко → Марку, Петро → Петре
  if (last === 'г') return withEnding(name, 1, 'же'); // Олег → Олеже
  if (last === 'к' || last === 'х') return withEnding(name, 0, 'у'); // Марк → Марку, Генріх → Генріху
  if ('чшщ'.includes(last)) return withEnding(name, 0, 'у'); // Кузьмич → Кузьмичу
  if (last === 'ж' || last === 'ц' || HARD_CONSONANTS.includes(last)) return withEnding(name, 0, 'е'); // Іван → Іване
  return name; // a vowel-final foreign name (Рене, Ґіві) does not decline
}

function feminineGiven(name: string): string {
  const w = name.toLocaleLowerCase('uk');
  const last = w.slice(-1);
  const beforeLast = w.slice(-2, -1);
  if (last === 'я') {
    // Марія → Маріє, Надія → Надіє, Мар'яна is hard (а); after an apostrophe or a vowel: -є
    if (VOWELS.includes(beforeLast) || APOSTROPHES.test(beforeLast) || beforeLast === 'ь')
      return withEnding(name, 1, 'є');
    if (PET_SOFT_FEMININE.has(w) || PET_SUFFIX.test(w)) return withEnding(name, 1, 'ю'); // Галю, Марусю
    return withEnding(name, 1, 'е'); // Наталя → Натале, Настя → Насте
  }
  if (last === 'а') return withEnding(name, 1, 'жчшщ'.includes(beforeLast) ? 'е' : 'о'); // Олена → Олено
  if (last === 'в') return withEnding(name, 0, 'е'); // Любов → Любове
  if (last === 'ь') return withEnding(name, 1, 'е'); // Нінель → Нінеле
  return name;
}

/** The vocative of a given name; hyphenated names decline in every part (Анна-Марія → Анно-Маріє). */
export function vocativeGivenName(name: string, gender: Gender): string {
  const trimmed = name.trim();
  if (!trimmed) return trimmed;
  return trimmed
    .split('-')
    .map((part) => (part ? (gender === 'MALE' ? masculineGiven(part) : feminineGiven(part)) : part))
    .join('-');
}

/** The vocative of a patronymic: Петрович → Петровичу, Ілліч → Іллічу, Петрівна → Петрівно. */
export function vocativePatronymic(patronymic: string, gender: Gender): string {
  const trimmed = patronymic.trim();
  if (!trimmed) return trimmed;
  const w = trimmed.toLocaleLowerCase('uk');
  if (gender === 'MALE') return /[иі]ч$/.test(w) ? withEnding(trimmed, 0, 'у') : trimmed;
  return w.endsWith('на') ? withEnding(trimmed, 1, 'о') : trimmed;
}

/**
 * How to greet someone: given name and patronymic in the vocative when there is a patronymic
 * (the Ukrainian polite address), the given name alone otherwise.
 */
export function vocativeAddress(
  person: { firstName: string; secondName?: string | null },
  gender: Gender,
): string {
  const given = vocativeGivenName(person.firstName, gender);
  const patronymic = person.secondName?.trim() ? vocativePatronymic(person.secondName, gender) : '';
  return patronymic ? `${given} ${patronymic}` : given;
}
