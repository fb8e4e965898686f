import { useEffect } from 'react';
import { BigButton } from '../../components/BigButton';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n/useT';
import { selectActingFor, useActingStore } from '../../stores/acting';
import { useDeclarationsStore } from '../../stores/declarations';
import { useUiStore } from '../../stores/ui';
import { DeclarationFacts, ErrorNote } from './parts';
import { formatDate } from './texts';

/** The current declaration (doctor, clinic, since when, number) and the earlier ones with why they ended. */
export function Declarations() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const goTo = useUiStore((s) => s.goTo);
  const overview = useDeclarationsStore((s) => s.overview);
  const loadOverview = useDeclarationsStore((s) => s.loadOverview);
  const openDetails = useDeclarationsStore((s) => s.openDetails);

  useEffect(() => {
    void loadOverview();
  }, [loadOverview]);

  const data = overview.data;
  // a parent acting for a child reads about the child, not about themselves
  const child = useActingStore(selectActingFor);
  return (
    <div className="screen">
      <ScreenTitle>{t(child ? 'acting.declarationsTitle' : 'declarations.title')}</ScreenTitle>
      {overview.status === 'loading' && !data && <p role="status">{t('common.loading')}</p>}
      {overview.error && (
        <ErrorNote
          error={overview.error}
          language={language}
          retryLabel={t('common.retry')}
          onRetry={() => void loadOverview()}
        />
      )}
      {data && (
        <>
          {data.stale && <p className="cabinet__note">{t('common.stale')}</p>}
          {!data.canAct && (
            <p className="cabinet__note">
              {t(
                child
                  ? child.ageYears >= 14
                    ? 'acting.teenViewOnly'
                    : 'acting.relationViewOnly'
                  : 'common.viewOnly',
              )}
            </p>
          )}
          <section aria-labelledby="declarations-current">
            <h2 id="declarations-current">{t('declarations.current')}</h2>
            {data.current ? (
              <div className="cabinet__card">
                <DeclarationFacts d={data.current} t={t} language={language} />
                {data.current.pendingTermination && (
                  <p className="cabinet__note">
                    {t('declarations.pendingTermination', {
                      code: data.current.pendingTermination.referenceCode,
                    })}
                  </p>
                )}
                <div className="cabinet__actions">
                  <BigButton onClick={() => void openDetails(data.current?.id ?? '')}>
                    {t('declarations.details')}
                  </BigButton>
                  {data.canAct && (
                    <BigButton onClick={() => goTo('doctorSearch')}>{t('declarations.choose')}</BigButton>
                  )}
                </div>
              </div>
            ) : (
              <>
                <p>{t(child ? 'acting.declarationsNone' : 'declarations.none')}</p>
                {data.canAct && (
                  <BigButton variant="primary" onClick={() => goTo('doctorSearch')}>
                    {t('declarations.chooseFirst')}
                  </BigButton>
                )}
              </>
            )}
          </section>
          <section aria-labelledby="declarations-history">
            <h2 id="declarations-history">{t('declarations.history')}</h2>
            {data.history.length === 0 ? (
              <p>{t('declarations.historyEmpty')}</p>
            ) : (
              <ul className="cabinet__list">
                {data.history.map((d) => (
                  <li key={d.id} className="cabinet__card">
                    <h3>
                      {d.doctor?.fullName ?? t('declarations.unknownDoctor')}
                      {d.startDate && (
                        <>
                          {' — '}
                          {d.endedOn
                            ? t('declarations.period', {
                                from: formatDate(language, d.startDate) ?? '',
                                to: formatDate(language, d.endedOn) ?? '',
                              })
                            : t('declarations.periodFrom', { from: formatDate(language, d.startDate) ?? '' })}
                        </>
                      )}
                    </h3>
                    <DeclarationFacts d={d} t={t} language={language} />
                    <BigButton onClick={() => void openDetails(d.id)}>
                      {t('declarations.details')}
                      <span className="visually-hidden">
                        {' '}
                        {t('declarations.detailsOf', { number: d.number ?? '' })}
                      </span>
                    </BigButton>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <div className="screen__actions">
        <BigButton onClick={() => goTo('home')}>{t('common.toMenu')}</BigButton>
      </div>
    </div>
  );
}
