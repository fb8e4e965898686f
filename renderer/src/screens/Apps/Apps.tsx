import { useEffect, useRef } from 'react';
import { BigButton } from '../../components/BigButton';
import { Dialog } from '../../components/Dialog';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n/useT';
import { useAppsStore } from '../../stores/apps';
import { selectCanRevoke, useDeclarationsStore } from '../../stores/declarations';
import { useUiStore } from '../../stores/ui';
import { ErrorNote } from '../Declarations/parts';
import { formatDate, scopeLines } from '../Declarations/texts';

/** The e-cabinets with access to the patient's data: what each may do, since when; revoke with confirmation. */
export function Apps() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const goTo = useUiStore((s) => s.goTo);
  const { list, confirming, revoking } = useAppsStore();
  const { load, askRevoke, cancelRevoke, confirmRevoke } = useAppsStore.getState();
  const canRevoke = useDeclarationsStore(selectCanRevoke);
  const keep = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void useAppsStore.getState().load();
    // whether the patient may act is known from the declarations overview; read it if not yet
    if (useDeclarationsStore.getState().overview.status === 'idle')
      void useDeclarationsStore.getState().loadOverview();
  }, []);

  const data = list.data;
  return (
    <>
      <div className="screen" inert={confirming !== null}>
        <ScreenTitle>{t('apps.title')}</ScreenTitle>
        <p className="screen__lead">{t('apps.lead')}</p>
        {list.status === 'loading' && !data && <p role="status">{t('common.loading')}</p>}
        {list.error && (
          <ErrorNote
            error={list.error}
            language={language}
            retryLabel={t('common.retry')}
            onRetry={() => void load()}
          />
        )}
        {data?.stale && <p className="cabinet__note">{t('common.stale')}</p>}
        {!canRevoke && <p className="cabinet__note">{t('common.viewOnly')}</p>}
        {data && data.apps.length === 0 && <p>{t('apps.none')}</p>}
        {data && data.apps.length > 0 && (
          <ul className="cabinet__list">
            {data.apps.map((app) => (
              <li key={app.id} className="cabinet__card">
                <h2>{app.name}</h2>
                {app.since && (
                  <p>{t('apps.since', { date: formatDate(language, app.since) ?? app.since })}</p>
                )}
                {app.thisKiosk && <p className="cabinet__note">{t('apps.thisKiosk')}</p>}
                {app.grantedByConfidant && <p>{t('apps.byConfidant')}</p>}
                <p>{t('apps.may')}</p>
                <ul>
                  {scopeLines(t, app.scopes).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
                {app.pendingRevoke ? (
                  <p className="cabinet__note">
                    {t('apps.pending', { code: app.pendingRevoke.referenceCode })}
                  </p>
                ) : (
                  !app.thisKiosk &&
                  canRevoke && (
                    <BigButton variant="finish" onClick={() => askRevoke(app)}>
                      {t('apps.revoke')}
                      <span className="visually-hidden"> — {app.name}</span>
                    </BigButton>
                  )
                )}
              </li>
            ))}
          </ul>
        )}
        <div className="screen__actions">
          <BigButton onClick={() => goTo('home')}>{t('common.toMenu')}</BigButton>
        </div>
      </div>
      {confirming && (
        <Dialog
          title={t('apps.confirmTitle')}
          description={t('apps.confirmBody', { name: confirming.name })}
          initialFocus={keep}
          onEscape={cancelRevoke}
        >
          {revoking.status === 'loading' && <p role="status">{t('terminate.sending')}</p>}
          {revoking.error && <ErrorNote error={revoking.error} language={language} />}
          <div className="cabinet__actions">
            <BigButton ref={keep} onClick={cancelRevoke}>
              {t('apps.keep')}
            </BigButton>
            <BigButton
              variant="finish"
              disabled={revoking.status === 'loading'}
              onClick={() => void confirmRevoke()}
            >
              {t('apps.confirm')}
            </BigButton>
          </div>
        </Dialog>
      )}
    </>
  );
}
