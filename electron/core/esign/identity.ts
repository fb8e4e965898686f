/**
 * Comparing a certificate's DRFO (РНОКПП) with a tax id the way eHealth does: spaces removed,
 * upper case, and Cyrillic/Latin look-alike letters treated as equal, so that passport-number
 * DRFOs ("АА 123456" in a certificate vs "AA123456" in a person record) match.
 */

const LOOKALIKE: Record<string, string> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  І: 'I',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
};

export function normalizeDrfo(value: string): string {
  return [...value.replace(/\s+/g, '').toUpperCase()].map((ch) => LOOKALIKE[ch] ?? ch).join('');
}

export function drfoMatches(certificateDrfo: string | null, expected: string): boolean {
  if (!certificateDrfo) return false;
  const a = normalizeDrfo(certificateDrfo);
  return a.length > 0 && a === normalizeDrfo(expected);
}

/** 10-digit RNOKPP, 9-digit ID-card number, or a 2-letter + 6-digit passport number. */
export function isPersonalDrfo(value: string): boolean {
  const v = normalizeDrfo(value);
  return /^\d{10}$/.test(v) || /^\d{9}$/.test(v) || /^[A-ZА-ЯІЇЄҐ]{2}\d{6}$/.test(v);
}
