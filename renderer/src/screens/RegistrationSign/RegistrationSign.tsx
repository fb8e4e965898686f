import { useState } from 'react';
import { BigButton } from '../../components/BigButton';
import { KeyboardField } from '../../components/OnScreenKeyboard/KeyboardField';
import { ScreenTitle } from '../../components/ScreenTitle';
import { errorText } from '../../i18n/errors';
import { useKeyboardLabels, useT } from '../../i18n/useT';
import { selectRegistrationSending, useRegistrationStore } from '../../stores/registration';
import { useSignInStore } from '../../stores/signin';
import { useUiStore } from '../../stores/ui';
import { keyPlace } from '../InsertKey/InsertKey';
import '../SignIn/signin.css';

const MAX_PASSWORD = 128;

/**
 * The signature: the key's password typed on the on-screen keyboard (masked, with Show), as at
 * sign-in. It lives only in this screen's state and goes to main once with "Sign and register";
 * main opens the key, checks the registration, signs it and sends it with the SMS code. A wrong
 * password is explained here; a wrong code or a refused field sends the patient back where to fix it.
 */
export function RegistrationSign() {
  const t = useT();
  const labels = useKeyboardLabels();
  const language = useUiStore((s) => s.language);
  const goTo = useUiStore((s) => s.goTo);
  const key = useSignInStore((s) => s.chosenKey);
  const submit = useRegistrationStore((s) => s.submit);
  const submitting = useRegistrationStore(selectRegistrationSending);
  const submitError = useRegistrationStore((s) => s.submission.error);
  const [password, setPassword] = useState('');
  // a new attempt starts empty; the field's key makes React drop the old input element too
  const [attempt, setAttempt] = useState(0);

  const sign = () => {
    const typed = password;
    setPassword('');
    setAttempt((n) => n + 1);
    void submit(typed);
  };

  return (
    <div className="screen screen--keyboard">
      <ScreenTitle>{t('registration.signTitle')}</ScreenTitle>
      <p className="screen__lead">{t('registration.signLead')}</p>
      {key && (
        <p className="signin__key-name">
          {t('password.key', { name: key.fileName })} — {keyPlace(t, key)}
        </p>
      )}
      {submitError && (
        <p className="signin__error" role="alert">
          {errorText(language, submitError)}
        </p>
      )}
      {submitting && <p role="status">{t('registration.signing')}</p>}
      <KeyboardField
        key={attempt}
        label={t('password.field')}
        value={password}
        onChange={setPassword}
        layout="password"
        masked
        keyboardLabels={labels}
        showLabel={t('keyboard.show')}
        hideLabel={t('keyboard.hide')}
        phonePrefixLabel={t('keyboard.phonePrefix')}
        maxLength={MAX_PASSWORD}
      />
      <div className="screen__actions">
        <BigButton variant="primary" disabled={submitting || password.length === 0} onClick={sign}>
          {submitting ? t('registration.signing') : t('registration.sign')}
        </BigButton>
        <BigButton disabled={submitting} onClick={() => goTo('registrationReview')}>
          {t('registration.back')}
        </BigButton>
      </div>
    </div>
  );
}
