import { BigButton } from '../../components/BigButton';
import { ScreenTitle } from '../../components/ScreenTitle';
import { Toggle } from '../../components/Toggle';
import { errorText } from '../../i18n/errors';
import { useT } from '../../i18n/useT';
import { selectPrefill, selectPrefillLoading, useRegistrationStore } from '../../stores/registration';
import { useUiStore } from '../../stores/ui';
import '../PersonData/person.css';
import './registration.css';

/**
 * Before registering with eHealth: what it means in plain words (the data typed, the SMS phone, the
 * signature, the sign-in that follows), the consent to the processing of personal data, and what
 * the kiosk keeps (nothing after Finish). The form opens only with the consent given.
 */
export function RegistrationIntro() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const { consent, consentAsked, setConsent, toForm, loadPrefill, cancel } = useRegistrationStore();
  const prefill = useRegistrationStore(selectPrefill);
  const loading = useRegistrationStore(selectPrefillLoading);
  const loadError = useRegistrationStore((s) => s.prefill.error);
  return (
    <div className="screen registration">
      <ScreenTitle>{t('registration.introTitle')}</ScreenTitle>
      <section className="person__section" aria-labelledby="registration-what">
        <h2 id="registration-what">{t('registration.whatTitle')}</h2>
        <ol className="registration__steps">
          <li>{t('registration.what1')}</li>
          <li>{t('registration.what2')}</li>
          <li>{t('registration.what3')}</li>
          <li>{t('registration.what4')}</li>
        </ol>
        <p>{t('registration.privacy')}</p>
      </section>
      <section className="person__section" aria-labelledby="registration-consent">
        <h2 id="registration-consent">{t('registration.consentTitle')}</h2>
        <p>{t('registration.consentText')}</p>
        <Toggle label={t('registration.consent')} checked={consent} onChange={setConsent} />
        {consentAsked && !consent && (
          <p role="alert" className="pfield__error">
            {t('registration.consentNeeded')}
          </p>
        )}
      </section>
      {loading && <p role="status">{t('registration.loading')}</p>}
      {loadError && (
        <div role="alert" className="person__errors">
          <p>{t('registration.prefillFailed')}</p>
          <p>{errorText(language, loadError)}</p>
        </div>
      )}
      <div className="screen__actions">
        <BigButton variant="primary" disabled={!prefill} onClick={toForm}>
          {t('registration.start')}
        </BigButton>
        {loadError && <BigButton onClick={() => void loadPrefill()}>{t('person.retry')}</BigButton>}
        <BigButton onClick={cancel}>{t('registration.back')}</BigButton>
      </div>
    </div>
  );
}
