import { useRef, useState } from 'react';
import { BigButton } from '../../components/BigButton';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { Dialog } from '../../components/Dialog';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n/useT';
import {
  selectCanActOnDeclarations,
  useDeclarationsStore,
  type TerminationReason,
} from '../../stores/declarations';
import { useUiStore } from '../../stores/ui';
import { DeclarationFacts, ErrorNote, Facts } from '../Declarations/parts';
import { formatDate } from '../Declarations/texts';
import { SafeHtml } from '../Receipt/SafeHtml';

/** One declaration in full, with the printout eHealth keeps; an active one can be terminated here. */
export function DeclarationDetails() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const goTo = useUiStore((s) => s.goTo);
  const details = useDeclarationsStore((s) => s.details);
  const canAct = useDeclarationsStore(selectCanActOnDeclarations);
  const terminating = useDeclarationsStore((s) => s.terminating);
  const terminate = useDeclarationsStore((s) => s.terminate);
  const clearTerminateError = useDeclarationsStore((s) => s.clearTerminateError);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState<TerminationReason | 'none'>('none');
  const keep = useRef<HTMLButtonElement>(null);

  const d = details.data;
  const closeDialog = () => {
    setAsking(false);
    clearTerminateError();
  };
  return (
    <>
      <div className="screen" inert={asking}>
        <ScreenTitle>
          {d?.number ? t('declarations.detailsOf', { number: d.number }) : t('details.title')}
        </ScreenTitle>
        {details.status === 'loading' && <p role="status">{t('common.loading')}</p>}
        {details.error && <ErrorNote error={details.error} language={language} />}
        {d && (
          <>
            <div className="cabinet__card">
              <DeclarationFacts d={d} t={t} language={language} />
              <Facts
                rows={[
                  [t('details.signedAt'), formatDate(language, d.signedAt)],
                  [t('details.signedKept'), d.signedDocumentKept ? '✓' : null],
                ]}
              />
            </div>
            {d.pendingTermination && (
              <p className="cabinet__note">
                {t('declarations.pendingTermination', { code: d.pendingTermination.referenceCode })}
              </p>
            )}
            {d.status === 'active' && canAct && !d.pendingTermination && (
              <div className="cabinet__actions">
                <BigButton variant="finish" onClick={() => setAsking(true)}>
                  {t('details.terminate')}
                </BigButton>
              </div>
            )}
            <h2>{t('details.printout')}</h2>
            {d.printoutHtml ? (
              <SafeHtml html={d.printoutHtml} label={t('details.printout')} />
            ) : (
              <p>{t('details.noPrintout')}</p>
            )}
          </>
        )}
        <div className="screen__actions">
          <BigButton onClick={() => goTo('declarations')}>{t('details.back')}</BigButton>
        </div>
      </div>
      {asking && d && (
        <Dialog
          title={t('terminate.title')}
          description={
            d.doctor ? t('terminate.body', { doctor: d.doctor.fullName }) : t('terminate.bodyNoName')
          }
          initialFocus={keep}
          onEscape={closeDialog}
        >
          <p>{t('terminate.reasonLabel')}</p>
          <ChoiceGroup<TerminationReason | 'none'>
            label={t('terminate.reasonLabel')}
            value={reason}
            onChange={setReason}
            choices={[
              { value: 'moving', label: t('terminate.reason.moving') },
              { value: 'another', label: t('terminate.reason.another') },
              { value: 'unhappy', label: t('terminate.reason.unhappy') },
              { value: 'none', label: t('terminate.reason.none') },
            ]}
          />
          {terminating.status === 'loading' && <p role="status">{t('terminate.sending')}</p>}
          {terminating.error && <ErrorNote error={terminating.error} language={language} />}
          <div className="cabinet__actions">
            <BigButton ref={keep} onClick={closeDialog}>
              {t('terminate.keep')}
            </BigButton>
            <BigButton
              variant="finish"
              disabled={terminating.status === 'loading'}
              onClick={() => void terminate(d.id, reason === 'none' ? null : reason)}
            >
              {t('terminate.confirm')}
            </BigButton>
          </div>
        </Dialog>
      )}
    </>
  );
}
