/** Text folding for searches: case-insensitive for Cyrillic, one apostrophe for ' ʼ ’ `. */
export const foldText = (s: string): string => s.toLocaleLowerCase('uk-UA').replace(/[ʼ’`]/g, "'");
