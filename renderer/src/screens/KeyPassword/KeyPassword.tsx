import { useEffect, useState } from 'react';
import { BigButton } from '../../components/BigButton';
import { KeyboardField } from '../../components/OnScreenKeyboard/KeyboardField';
import { ScreenTitle } from '../../components/ScreenTitle';
import { errorText } from '../../i18n/errors';
import { useKeyboardLabels, useT } from '../../i18n/useT';
import { selectSigningIn, useSignInStore } from '../../stores/signin';
import { useUiStore } from '../../stores/ui';
import { keyPlace } from '../InsertKey/InsertKey';
import '../SignIn/signin.css';

const MAX_PASSWORD = 128;

/**
 * The key's password, typed on the on-screen keyboard (masked, with a Show toggle). The password
 * lives only in this screen's state: it goes to main once with "Sign in" and is gone when the
 * screen closes. A wrong password or a locked key is explained here, with the attempts or the
 * minutes left.
 */
export function KeyPassword() {
  const t = useT();
  const labels = useKeyboardLabels();
  const language = useUiStore((s) => s.language);
  const goTo = useUiStore((s) => s.goTo);
  const key = useSignInStore((s) => s.chosenKey);
  const error = useSignInStore((s) => s.signingIn.error);
  const busy = useSignInStore(selectSigningIn);
  const [password, setPassword] = useState('');
  // a new attempt starts empty; the field's key makes React drop the old input element too
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    // the medium was pulled while the password was being typed: back to the key list
    if (!key) goTo('insertKey');
  }, [key, goTo]);

  if (!key) return null;

  const submit = () => {
    const typed = password;
    setPassword('');
    setAttempt((n) => n + 1);
    void useSignInStore.getState().signIn(typed);
  };

  return (
    <div className="screen screen--keyboard">
      <ScreenTitle>{t('password.title')}</ScreenTitle>
      <p className="screen__lead">{t('password.lead')}</p>
      <p className="signin__key-name">
        {t('password.key', { name: key.fileName })} — {keyPlace(t, key)}
      </p>
      {error && (
        <p className="signin__error" role="alert">
          {errorText(language, error)}
        </p>
      )}
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
        <BigButton variant="primary" disabled={busy || password.length === 0} onClick={submit}>
          {t('password.signIn')}
        </BigButton>
        <BigButton
          onClick={() => {
            useSignInStore.getState().clearError();
            goTo('insertKey');
          }}
        >
          {t('password.otherKey')}
        </BigButton>
      </div>
    </div>
  );
}
