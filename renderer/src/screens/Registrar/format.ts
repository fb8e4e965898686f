import type { Language } from '../../i18n/types';

/** A timestamp in the kiosk's local time, e.g. "02.03.2026, 10:15"; null for no time. */
export function formatTime(iso: string | null | undefined, language: Language): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return d.toLocaleString(language === 'uk' ? 'uk-UA' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
