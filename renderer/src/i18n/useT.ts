import { useMemo } from 'react';
import { useUiStore } from '../stores/ui';
import type { KeyboardLabels } from '../components/OnScreenKeyboard/OnScreenKeyboard';
import { dictionaries, translator } from './translate';
import type { Translate } from './translate';

/** The translate function for the visitor's current language (screens only; components get strings). */
export function useT(): Translate {
  const language = useUiStore((s) => s.language);
  return useMemo(() => translator(language), [language]);
}

/** Everything the on-screen keyboard says about its keys, in the current language. */
export function useKeyboardLabels(): KeyboardLabels {
  const language = useUiStore((s) => s.language);
  return useMemo(() => {
    const t = translator(language);
    return {
      group: t('keyboard.group'),
      backspace: t('keyboard.backspace'),
      shift: t('keyboard.shift'),
      space: t('keyboard.space'),
      spaceKey: t('keyboard.spaceKey'),
      symbols: dictionaries[language].keySymbols,
      toCyrillic: t('keyboard.toCyrillic'),
      toLatin: t('keyboard.toLatin'),
      scriptNow: { latin: t('keyboard.scriptLatin'), cyrillic: t('keyboard.scriptCyrillic') },
    };
  }, [language]);
}
