import { useEffect, useState } from 'react';
import type { RegistrarOverview } from '#shared/contract/registrar';
import { BigButton } from '../../components/BigButton';
import { Dialog } from '../../components/Dialog';
import { ScreenTitle } from '../../components/ScreenTitle';
import { errorText } from '../../i18n/errors';
import { useT } from '../../i18n/useT';
import { useRegistrarStore } from '../../stores/registrar';
import { useUiStore } from '../../stores/ui';
import { formatTime } from '../Registrar/format';
import { RegistrarGate } from '../Registrar/RegistrarGate';
import '../Registrar/registrar.css';

/**
 * The registrar panel's first page: how the kiosk stands (connectivity, eHealth environment,
 * at-rest key protection, outbox, directory, trust list) and the way to every other part.
 */
export function RegistrarPanel() {
  return (
    <RegistrarGate>
      <PanelBody />
    </RegistrarGate>
  );
}

function PanelBody() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const status = useRegistrarStore((s) => s.status);
  const overview = useRegistrarStore((s) => s.overview);
  const error = useRegistrarStore((s) => s.activity.error);

  useEffect(() => {
    void useRegistrarStore.getState().loadOverview();
  }, []);

  return (
    <div className="screen screen--registrar">
      <ScreenTitle>{t('registrar.panel.title', { registrarId: status?.registrarId ?? '' })}</ScreenTitle>
      {error && (
        <p role="alert" className="registrar__status">
          {errorText(language, error)}
        </p>
      )}
      {overview && <PanelWarnings overview={overview} />}
      {overview && <PanelFacts overview={overview} />}
      <PanelActions canQuit={overview?.canQuit ?? false} />
    </div>
  );
}

/** What needs the registrar's attention first: key protection, the clock, acts near their deadline. */
function PanelWarnings({ overview }: { overview: RegistrarOverview }) {
  const t = useT();
  return (
    <>
      {overview.keyWarning && (
        <section className="notice" aria-labelledby="key-warning-title">
          <h2 id="key-warning-title" className="notice__title">
            {t('registrar.panel.keyWarningTitle')}
          </h2>
          <p>{t(`registrar.panel.keyWarning.${overview.keyProtection}`)}</p>
        </section>
      )}
      {overview.clockWarning && (
        <section className="notice" aria-labelledby="clock-warning-title">
          <h2 id="clock-warning-title" className="notice__title">
            {t('registrar.panel.clockWarningTitle')}
          </h2>
          <p>
            {t('registrar.panel.clockWarning', {
              minutes: Math.round(Math.abs(overview.clockOffsetSeconds ?? 0) / 60),
            })}
          </p>
        </section>
      )}
      {overview.nearDeadline > 0 && (
        <section className="notice" aria-labelledby="deadline-warning-title">
          <h2 id="deadline-warning-title" className="notice__title">
            {t('registrar.panel.nearDeadlineTitle')}
          </h2>
          <p>{t('registrar.panel.nearDeadline', { count: overview.nearDeadline })}</p>
        </section>
      )}
    </>
  );
}

/** How the kiosk stands, one fact per line. */
function PanelFacts({ overview }: { overview: RegistrarOverview }) {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const waiting = overview.outbox.captured + overview.outbox['waiting-network'] + overview.outbox.sending;
  return (
    <dl className="registrar__facts">
      <dt>{t('registrar.panel.environment')}</dt>
      <dd>{t(`registrar.env.${overview.environment}`)}</dd>
      <dt>{t('registrar.panel.connectivity')}</dt>
      <dd>
        {t(`registrar.link.${overview.connectivity}`)}
        {overview.connectivityCause ? ` — ${t(`registrar.link.cause.${overview.connectivityCause}`)}` : ''}
      </dd>
      <dt>{t('registrar.panel.outbox')}</dt>
      <dd>
        {t('registrar.panel.outboxCounts', {
          waiting,
          needsPatient: overview.outbox['needs-patient'],
          rejected: overview.outbox.rejected,
        })}
      </dd>
      <dt>{t('registrar.panel.directory')}</dt>
      <dd>
        {t('registrar.panel.directoryState', {
          doctors: overview.directory.doctors,
          lastSync: formatTime(overview.directory.lastSyncAt, language) ?? t('registrar.never'),
        })}
      </dd>
      <dt>{t('registrar.panel.trustList')}</dt>
      <dd>
        {overview.trustList
          ? t('registrar.panel.trustListState', {
              date: formatTime(overview.trustList.date, language) ?? '',
              certificates: overview.trustList.certificates,
            })
          : t('registrar.panel.trustListNone')}
      </dd>
      <dt>{t('registrar.panel.keyProtection')}</dt>
      <dd>{t(`registrar.keyProtection.${overview.keyProtection}`)}</dd>
      <dt>{t('registrar.panel.version')}</dt>
      <dd>{overview.version}</dd>
    </dl>
  );
}

/** The way to every other part, assisting a visitor, signing out, and (where the host allows) quitting. */
function PanelActions({ canQuit }: { canQuit: boolean }) {
  const t = useT();
  const goTo = useUiStore((s) => s.goTo);
  const [askingQuit, setAskingQuit] = useState(false);

  const startAssisted = async (): Promise<void> => {
    if (await useRegistrarStore.getState().startAssisted())
      goTo(useRegistrarStore.getState().status?.patientSignedIn ? 'home' : 'welcome');
  };
  const signOut = async (): Promise<void> => {
    await useRegistrarStore.getState().signOut();
    goTo('welcome');
  };

  return (
    <>
      <nav className="registrar__nav" aria-label={t('registrar.panel.sections')}>
        <BigButton onClick={() => goTo('registrarOutbox')}>{t('registrar.outbox.title')}</BigButton>
        <BigButton onClick={() => goTo('registrarDirectory')}>{t('registrar.directory.title')}</BigButton>
        <BigButton onClick={() => goTo('registrarSettings')}>{t('registrar.settings.title')}</BigButton>
        <BigButton onClick={() => goTo('registrarAudit')}>{t('registrar.audit.title')}</BigButton>
      </nav>
      <div className="screen__actions">
        <BigButton variant="primary" onClick={() => void startAssisted()}>
          {t('registrar.panel.assist')}
        </BigButton>
        <BigButton onClick={() => void signOut()}>{t('registrar.panel.signOut')}</BigButton>
        {canQuit && <BigButton onClick={() => setAskingQuit(true)}>{t('registrar.panel.quit')}</BigButton>}
      </div>
      {askingQuit && (
        <Dialog
          title={t('registrar.panel.quitTitle')}
          description={t('registrar.panel.quitBody')}
          onEscape={() => setAskingQuit(false)}
        >
          <div className="screen__actions">
            <BigButton
              variant="finish"
              onClick={() => {
                setAskingQuit(false);
                void useRegistrarStore.getState().quitKiosk();
              }}
            >
              {t('registrar.panel.quitConfirm')}
            </BigButton>
            <BigButton onClick={() => setAskingQuit(false)}>{t('registrar.cancel')}</BigButton>
          </div>
        </Dialog>
      )}
    </>
  );
}
