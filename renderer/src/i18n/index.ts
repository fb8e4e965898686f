export { errorText } from './errors';
export { dictionaries, translate, translator } from './translate';
export type { MessageParams, Translate } from './translate';
export { LANGUAGES, KEY_SYMBOLS } from './types';
export type { KeySymbol, Language } from './types';
export type { MessageKey } from './uk';
