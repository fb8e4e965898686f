import { BigButton } from '../../components/BigButton';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n/useT';
import { selectActingFor, useActingStore } from '../../stores/acting';
import { useDeclarationsStore } from '../../stores/declarations';
import { useUiStore } from '../../stores/ui';
import { ErrorNote, Facts } from '../Declarations/parts';
import { formatDate, specialityText } from '../Declarations/texts';
import { SafeHtml } from '../Receipt/SafeHtml';

/**
 * A new declaration in three steps: the warning that the current declaration ends → eHealth
 * prepares the declaration and the patient reads its printout → signing (main signs eHealth's
 * exact data with the patient's key) → the receipt.
 */
export function DeclarationWizard() {
  const t = useT();
  const child = useActingStore(selectActingFor);
  const language = useUiStore((s) => s.language);
  const goTo = useUiStore((s) => s.goTo);
  const wizard = useDeclarationsStore((s) => s.wizard);
  const overview = useDeclarationsStore((s) => s.overview);
  const { createRequest, confirm, cancelWizard } = useDeclarationsStore.getState();
  const { step, doctor, draft, error } = wizard;

  if (!doctor) {
    return (
      <div className="screen">
        <ScreenTitle>{t('wizard.title')}</ScreenTitle>
        <BigButton onClick={() => goTo('doctorSearch')}>{t('doctor.back')}</BigButton>
      </div>
    );
  }
  const current = draft?.replaces ?? overview.data?.current ?? null;
  const stepNumber = step === 'warning' || step === 'creating' ? 1 : step === 'review' ? 2 : 3;
  return (
    <div className="screen">
      <ScreenTitle>{t('wizard.title')}</ScreenTitle>
      <p className="screen__help">{t('wizard.step', { step: stepNumber })}</p>
      <p className="screen__lead">
        {t('wizard.chosen', {
          doctor: doctor.fullName,
          speciality: specialityText(t, doctor.speciality) ?? '',
        })}
      </p>

      {(step === 'warning' || step === 'creating') && (
        <>
          {current ? (
            <p className="cabinet__note">
              {current.doctor
                ? t('wizard.replaces', { doctor: current.doctor.fullName })
                : t('wizard.replacesNoName')}
            </p>
          ) : overview.status === 'ready' ? (
            <p>{t(child ? 'acting.wizardNoCurrent' : 'wizard.noCurrent')}</p>
          ) : null}
          {step === 'creating' && <p role="status">{t('wizard.creating')}</p>}
          <div className="screen__actions">
            <BigButton variant="primary" disabled={step === 'creating'} onClick={() => void createRequest()}>
              {t('wizard.continue')}
            </BigButton>
            <BigButton onClick={() => void cancelWizard()}>{t('common.back')}</BigButton>
          </div>
        </>
      )}

      {(step === 'review' || step === 'signing') && draft && (
        <>
          <h2>{t('wizard.review')}</h2>
          <p>{t('wizard.reviewLead')}</p>
          <Facts
            rows={[
              [t('declarations.number'), draft.declarationNumber],
              [t('declarations.clinic'), draft.clinic.divisionName],
              [t('declarations.address'), draft.clinic.address],
              [
                t('wizard.period'),
                draft.startDate && draft.endDate
                  ? t('declarations.period', {
                      from: formatDate(language, draft.startDate) ?? '',
                      to: formatDate(language, draft.endDate) ?? '',
                    })
                  : null,
              ],
            ]}
          />
          {draft.replaces && (
            <p className="cabinet__note">
              {draft.replaces.doctor
                ? t('wizard.replaces', { doctor: draft.replaces.doctor.fullName })
                : t('wizard.replacesNoName')}
            </p>
          )}
          <SafeHtml html={draft.printoutHtml} label={t('wizard.review')} />
          {step === 'signing' && <p role="status">{t('wizard.signing')}</p>}
          <div className="screen__actions">
            <BigButton variant="primary" disabled={step === 'signing'} onClick={() => void confirm()}>
              {t('wizard.sign')}
            </BigButton>
            <BigButton disabled={step === 'signing'} onClick={() => void cancelWizard()}>
              {t('wizard.cancel')}
            </BigButton>
          </div>
        </>
      )}

      {step === 'error' && error && (
        <>
          <h2>{t('wizard.failed')}</h2>
          <ErrorNote error={error} language={language} />
          <div className="screen__actions">
            {!draft && (
              <BigButton variant="primary" onClick={() => void createRequest()}>
                {t('common.retry')}
              </BigButton>
            )}
            {draft && error.code !== 'FLOW_EXPIRED' && (
              <BigButton variant="primary" onClick={() => void confirm()}>
                {t('common.retry')}
              </BigButton>
            )}
            <BigButton onClick={() => void cancelWizard()}>{t('doctor.back')}</BigButton>
          </div>
        </>
      )}
    </div>
  );
}
