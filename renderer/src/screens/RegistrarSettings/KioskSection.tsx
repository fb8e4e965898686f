import { BigButton } from '../../components/BigButton';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { Toggle } from '../../components/Toggle';
import type { RegistrarSettings } from '#shared/contract/registrar';
import { LANGUAGE_NAMES, type Language } from '../../i18n/types';
import { useT } from '../../i18n/useT';
import { selectBusy, useRegistrarStore } from '../../stores/registrar';
import type { EditTarget } from './edit-target';

const TIMEOUTS = [30, 60, 90, 120, 180, 300, 600];
const WARNINGS = [20, 30, 45, 60];

/** The clinic (for "doctors in this clinic" and distances), the printer, idle timeouts and display defaults. */
export function KioskSection({ settings, edit }: { settings: RegistrarSettings; edit(t: EditTarget): void }) {
  const t = useT();
  const busy = useRegistrarStore(selectBusy);
  const update = useRegistrarStore.getState().updateSettings;
  const row = (label: string, value: string, target: EditTarget) => (
    <div className="registrar__row">
      <span className="registrar__label">{label}</span>
      <span className="registrar__mono">{value}</span>
      <BigButton
        disabled={busy}
        aria-label={t('registrar.changeWhat', { what: label })}
        onClick={() => edit(target)}
      >
        {t('registrar.change')}
      </BigButton>
    </div>
  );
  const none = t('registrar.settings.notSet');
  return (
    <>
      <section className="registrar__section" aria-labelledby="settings-clinic">
        <h2 id="settings-clinic">{t('registrar.settings.clinic')}</h2>
        {row(t('registrar.settings.divisionId'), settings.clinic.divisionId ?? none, { kind: 'divisionId' })}
        {row(t('registrar.settings.latitude'), settings.clinic.latitude?.toString() ?? none, {
          kind: 'latitude',
        })}
        {row(t('registrar.settings.longitude'), settings.clinic.longitude?.toString() ?? none, {
          kind: 'longitude',
        })}
      </section>
      <section className="registrar__section" aria-labelledby="settings-printer">
        <h2 id="settings-printer">{t('registrar.settings.printer')}</h2>
        {row(
          t('registrar.settings.printerName'),
          settings.printerName || t('registrar.settings.defaultPrinter'),
          {
            kind: 'printerName',
          },
        )}
      </section>
      <section className="registrar__section" aria-labelledby="settings-idle">
        <h2 id="settings-idle">{t('registrar.settings.idle')}</h2>
        <div className="registrar__row">
          <span className="registrar__label">{t('registrar.settings.idleTimeout')}</span>
          <ChoiceGroup
            label={t('registrar.settings.idleTimeout')}
            choices={TIMEOUTS.map((s) => ({ value: String(s), label: t('registrar.seconds', { count: s }) }))}
            value={String(settings.idleTimeoutSeconds)}
            onChange={(v) => void update({ idleTimeoutSeconds: Number(v) })}
          />
        </div>
        <div className="registrar__row">
          <span className="registrar__label">{t('registrar.settings.idleWarning')}</span>
          <ChoiceGroup
            label={t('registrar.settings.idleWarning')}
            choices={WARNINGS.map((s) => ({ value: String(s), label: t('registrar.seconds', { count: s }) }))}
            value={String(settings.idleWarningSeconds)}
            onChange={(v) => void update({ idleWarningSeconds: Number(v) })}
          />
        </div>
      </section>
      <section className="registrar__section" aria-labelledby="settings-defaults">
        <h2 id="settings-defaults">{t('registrar.settings.defaults')}</h2>
        <p>{t('registrar.settings.defaultsLead')}</p>
        <div className="registrar__row">
          <ChoiceGroup<Language>
            label={t('registrar.settings.defaultLanguage')}
            choices={(['uk', 'en'] as const).map((l) => ({ value: l, label: LANGUAGE_NAMES[l], lang: l }))}
            value={settings.defaults.language}
            onChange={(language) => void update({ defaults: { language } })}
          />
          <Toggle
            label={t('registrar.settings.defaultLargeText')}
            checked={settings.defaults.largeText}
            onChange={(largeText) => void update({ defaults: { largeText } })}
          />
          <Toggle
            label={t('registrar.settings.defaultHighContrast')}
            checked={settings.defaults.highContrast}
            onChange={(highContrast) => void update({ defaults: { highContrast } })}
          />
        </div>
      </section>
    </>
  );
}
