import { dictionaries, type Translate } from '../../i18n/translate';
import type { Language } from '../../i18n/types';
import type { MessageKey } from '../../i18n/uk';

const isKey = (key: string): key is MessageKey => Object.hasOwn(dictionaries.uk.messages, key);

/** In force now: active, or signed and awaiting eHealth's verification. Everything else has ended. */
export const isInForce = (status: string): boolean =>
  status === 'active' || status === 'pending_verification';

/** A declaration's status in plain words. */
export const statusText = (t: Translate, status: string): string => {
  const key = `status.${status}`;
  return isKey(key) ? t(key) : t('status.other', { status });
};

/** Why a declaration ended (eHealth's reason code, or the kiosk's `replaced`) in plain words. */
export const reasonText = (t: Translate, reason: string): string => {
  const key = `reason.${reason}`;
  return isKey(key) ? t(key) : t('reason.other', { reason });
};

/** The status's word for when a declaration ended ("Terminated on", "Ended on"…). */
export const endedLabel = (t: Translate, status: string): string => {
  const key = `declarations.ended.${status}`;
  return isKey(key) ? t(key) : t('declarations.ended.other');
};

/**
 * Why a declaration that is no longer in force ended, in one line: the reason (or that eHealth
 * gives none) and eHealth's description — the patient's own words when they ended it themselves.
 */
export function endReasonLine(
  t: Translate,
  d: { reason: string | null; reasonDescription: string | null },
): string {
  const words = d.reasonDescription
    ? t(d.reason === 'manual_person' ? 'reason.yourWords' : 'reason.recordedWords', {
        text: d.reasonDescription,
      })
    : null;
  return [d.reason ? reasonText(t, d.reason) : words ? null : t('reason.none'), words]
    .filter(Boolean)
    .join('. ');
}

export const specialityText = (t: Translate, speciality: string | null): string | null => {
  if (!speciality) return null;
  const key = `speciality.${speciality}`;
  return isKey(key) ? t(key) : t('speciality.other', { speciality });
};

/** What an e-cabinet's permission lets it do, in plain words. */
export const scopeText = (t: Translate, scope: string): string => {
  const key = `scope.${scope}`;
  return isKey(key) ? t(key) : t('scope.other', { scope });
};

/** The receipt screen's sentence for an action's kind and state. */
export const outcomeText = (t: Translate, kind: string, state: 'done' | 'queued'): string => {
  const key = `receipt.${state}.${kind}`;
  return isKey(key) ? t(key) : t(state === 'done' ? 'receipt.done.other' : 'receipt.queued.other');
};

const locale = (language: Language) => (language === 'uk' ? 'uk-UA' : 'en-GB');

/** "2026-03-01" or an ISO time → "1 березня 2026 р." / "1 March 2026". */
export function formatDate(language: Language, value: string | null): string | null {
  if (!value) return null;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale(language), {
    dateStyle: 'long',
    ...(/^\d{4}-\d{2}-\d{2}$/.test(value) ? { timeZone: 'UTC' } : {}),
  }).format(date);
}

/** Unique words of several scopes (read and read_pis say the same thing once). */
export const scopeLines = (t: Translate, scopes: readonly string[]): string[] => [
  ...new Set(scopes.map((s) => scopeText(t, s))),
];
