import { createHash } from 'node:crypto';

/** Declaration numbers look like eHealth's: `0001-XXXX-XXXX` from digits and A E H K M P T X. */
const SYMBOLS = '0123456789AEHKMPTX';

export function declarationNumber(random: () => number): string {
  const part = () => Array.from({ length: 4 }, () => SYMBOLS[Math.floor(random() * SYMBOLS.length)]).join('');
  return `0001-${part()}-${part()}`;
}

/** The next link of the declarations hash chain (`seed` of a declaration request). */
export const chainSeed = (previous: string, id: string): string =>
  createHash('sha256').update(`${previous}:${id}`).digest('hex');
