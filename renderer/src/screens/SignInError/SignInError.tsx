import { BigButton } from '../../components/BigButton';
import { ScreenTitle } from '../../components/ScreenTitle';
import { errorText } from '../../i18n/errors';
import type { MessageKey } from '../../i18n/uk';
import { useT } from '../../i18n/useT';
import { useRegistrationStore } from '../../stores/registration';
import { useSignInStore } from '../../stores/signin';
import { useUiStore } from '../../stores/ui';
import '../SignIn/signin.css';

const TITLES: Partial<Record<string, MessageKey>> = {
  CERT_EXPIRED: 'signinError.CERT_EXPIRED',
  CERT_UNTRUSTED: 'signinError.CERT_UNTRUSTED',
  CERT_REVOKED: 'signinError.CERT_REVOKED',
  CERT_STATUS_UNKNOWN: 'signinError.CERT_STATUS_UNKNOWN',
  PERSON_NOT_FOUND: 'signinError.PERSON_NOT_FOUND',
  EHEALTH_UNAVAILABLE: 'signinError.EHEALTH_UNAVAILABLE',
};

/**
 * Why sign-in failed, in plain words, and what the visitor can do next. When eHealth is down the
 * kiosk still offers doctor search on its own copy of the directory; when eHealth knows nobody with
 * the key's tax id, registration with eHealth (with the same key).
 */
export function SignInError() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const goTo = useUiStore((s) => s.goTo);
  const error = useSignInStore((s) => s.signingIn.error);
  const code = error?.code ?? 'INTERNAL';
  const titleKey = TITLES[code] ?? 'signinError.title';
  const offline = code === 'EHEALTH_UNAVAILABLE';
  const unknown = code === 'PERSON_NOT_FOUND';
  return (
    <div className="screen">
      <ScreenTitle>{t(titleKey)}</ScreenTitle>
      <p className="signin__error" role="alert">
        {errorText(language, error ?? { code: 'INTERNAL' })}
      </p>
      {offline && <p className="screen__lead">{t('signinError.offline')}</p>}
      {unknown && <p className="screen__lead">{t('registration.offerLead')}</p>}
      <div className="screen__actions">
        {unknown && (
          <BigButton variant="primary" onClick={() => void useRegistrationStore.getState().begin()}>
            {t('registration.offer')}
          </BigButton>
        )}
        {offline && (
          <BigButton variant="primary" onClick={() => goTo('doctorSearch')}>
            {t('signinError.findDoctor')}
          </BigButton>
        )}
        {offline && (
          <BigButton
            onClick={() => {
              useSignInStore.getState().clearError();
              goTo('keyPassword');
            }}
          >
            {t('signinError.tryAgain')}
          </BigButton>
        )}
        <BigButton
          onClick={() => {
            useSignInStore.getState().clearError();
            goTo('insertKey');
          }}
        >
          {t('signinError.otherKey')}
        </BigButton>
      </div>
      <p className="screen__help">{t('signinError.help')}</p>
    </div>
  );
}
