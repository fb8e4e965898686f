import { BigButton } from '../../components/BigButton';
import { useT } from '../../i18n/useT';
import { selectBusy, selectTrustList, useRegistrarStore } from '../../stores/registrar';
import { useUiStore } from '../../stores/ui';
import { formatTime } from '../Registrar/format';

/** The trust list (qualified providers' CA certificates): what is installed, and an update from a USB medium. */
export function TrustSection() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const info = useRegistrarStore(selectTrustList);
  const candidates = useRegistrarStore((s) => s.trustCandidates);
  const busy = useRegistrarStore(selectBusy);
  return (
    <section className="registrar__section" aria-labelledby="settings-trust">
      <h2 id="settings-trust">{t('registrar.settings.trust')}</h2>
      <p>
        {info
          ? t('registrar.settings.trustInstalled', {
              date: formatTime(info.date, language) ?? '',
              certificates: info.certificates,
              sha: info.sha256.slice(0, 16),
            })
          : t('registrar.panel.trustListNone')}
      </p>
      <div className="screen__actions">
        <BigButton disabled={busy} onClick={() => void useRegistrarStore.getState().scanTrust()}>
          {t('registrar.settings.trustScan')}
        </BigButton>
      </div>
      {candidates && candidates.length === 0 && <p>{t('registrar.settings.trustNone')}</p>}
      {candidates && candidates.length > 0 && (
        <ul className="registrar__list">
          {candidates.map((c) => (
            <li key={c.id} className="registrar__row">
              <span className="registrar__mono">
                {t('registrar.settings.trustCandidate', {
                  file: c.fileName,
                  medium: c.medium,
                  kb: Math.max(1, Math.round(c.bytes / 1024)),
                })}
              </span>
              <BigButton
                disabled={busy}
                aria-label={t('registrar.settings.trustImportOne', { file: c.fileName, medium: c.medium })}
                onClick={() => void useRegistrarStore.getState().importTrust(c.id)}
              >
                {t('registrar.settings.trustImport')}
              </BigButton>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
