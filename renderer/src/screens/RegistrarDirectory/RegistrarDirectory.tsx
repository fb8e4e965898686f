import { useEffect } from 'react';
import { BigButton } from '../../components/BigButton';
import { useT } from '../../i18n/useT';
import { selectBusy, useRegistrarStore } from '../../stores/registrar';
import { useUiStore } from '../../stores/ui';
import { formatTime } from '../Registrar/format';
import { PanelScreen } from '../Registrar/PanelScreen';

/** The doctor directory's replication: when it last ran, how many doctors, and "sync now" with progress. */
export function RegistrarDirectory() {
  const t = useT();
  return (
    <PanelScreen title={t('registrar.directory.title')}>
      <DirectoryBody />
    </PanelScreen>
  );
}

function DirectoryBody() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const overview = useRegistrarStore((s) => s.overview);
  const progress = useRegistrarStore((s) => s.progress);
  const busy = useRegistrarStore(selectBusy);

  useEffect(() => {
    void useRegistrarStore.getState().loadOverview();
  }, []);

  const d = overview?.directory;
  const running = progress !== null && progress.phase !== 'done' && progress.phase !== 'failed';
  return (
    <>
      {d && (
        <dl className="registrar__facts">
          <dt>{t('registrar.directory.doctors')}</dt>
          <dd>{d.doctors}</dd>
          <dt>{t('registrar.directory.lastSync')}</dt>
          <dd>{formatTime(d.lastSyncAt, language) ?? t('registrar.never')}</dd>
          <dt>{t('registrar.directory.lastFullSync')}</dt>
          <dd>{formatTime(d.lastFullSyncAt, language) ?? t('registrar.never')}</dd>
          <dt>{t('registrar.directory.serverDate')}</dt>
          <dd>{formatTime(d.serverDate, language) ?? '—'}</dd>
        </dl>
      )}
      <div className="screen__actions">
        <BigButton
          variant="primary"
          disabled={busy || running || d?.syncing === true}
          onClick={() => void useRegistrarStore.getState().syncDirectory()}
        >
          {t('registrar.directory.syncNow')}
        </BigButton>
      </div>
      {progress && (
        <div className="registrar__section">
          <label className="field__label" htmlFor="directory-progress">
            {t(`registrar.directory.phase.${progress.phase}`, {
              entity: progress.entity ?? '',
              rows: progress.rows,
            })}
          </label>
          <progress
            id="directory-progress"
            className="registrar__progress"
            max={progress.steps}
            value={progress.phase === 'done' ? progress.steps : progress.step}
          />
        </div>
      )}
    </>
  );
}
