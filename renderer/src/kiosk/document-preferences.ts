import { useEffect } from 'react';
import { translate } from '../i18n/translate';
import { useUiStore } from '../stores/ui';

/**
 * Mirrors the display preferences onto <html>: `lang` (screen readers pick the voice by it), and
 * the data attributes the CSS sizes and colours key off (rem units follow the root font size).
 */
export function useDocumentPreferences(): void {
  const language = useUiStore((s) => s.language);
  const largeText = useUiStore((s) => s.largeText);
  const highContrast = useUiStore((s) => s.highContrast);

  useEffect(() => {
    const root = document.documentElement;
    root.lang = language;
    root.dataset.textSize = largeText ? 'large' : 'normal';
    root.dataset.contrast = highContrast ? 'high' : 'normal';
    document.title = translate(language, 'app.title');
  }, [language, largeText, highContrast]);
}
