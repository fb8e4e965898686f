import { useEffect, useState } from 'react';
import { BigButton } from '../../components/BigButton';
import { KeyboardField } from '../../components/OnScreenKeyboard/KeyboardField';
import { errorText } from '../../i18n/errors';
import { useKeyboardLabels, useT } from '../../i18n/useT';
import { selectAssisted, selectBusy, useRegistrarStore } from '../../stores/registrar';
import { useUiStore } from '../../stores/ui';
import { birthDateFromDigits, digitsAsDate } from './birth-date';

/**
 * Stays on every screen while a registrar assists a visitor: who assists, the birth-date check
 * (before any change the registrar confirms the visitor's date of birth against eHealth's record),
 * and "Hand back to patient", after which no registrar control remains on screen.
 */
export function AssistedBanner() {
  const t = useT();
  const labels = useKeyboardLabels();
  const language = useUiStore((s) => s.language);
  const screen = useUiStore((s) => s.screen);
  const status = useRegistrarStore((s) => s.status);
  const error = useRegistrarStore((s) => s.activity.error);
  const busy = useRegistrarStore(selectBusy);
  const assisted = useRegistrarStore(selectAssisted);
  const [entering, setEntering] = useState(false);
  const [digits, setDigits] = useState('');
  const [invalid, setInvalid] = useState(false);

  // the visitor signs in on the patient's screens: look again whenever the screen changes
  useEffect(() => {
    if (assisted) void useRegistrarStore.getState().refreshStatus();
  }, [assisted, screen]);

  if (!status || !assisted) return null;

  const confirm = async (): Promise<void> => {
    const birthDate = birthDateFromDigits(digits);
    setInvalid(birthDate === null);
    if (!birthDate) return;
    if (await useRegistrarStore.getState().confirmBirthDate(birthDate)) {
      setEntering(false);
      setDigits('');
    }
  };
  const close = (): void => {
    setEntering(false);
    setDigits('');
    setInvalid(false);
    useRegistrarStore.getState().clearMessages();
  };

  return (
    <div className="banner banner--assisted">
      <p className="banner__text">
        {t('registrar.assisted.banner', { registrarId: status.registrarId ?? '' })}{' '}
        {status.birthDateConfirmed
          ? t('registrar.assisted.confirmed')
          : status.patientSignedIn
            ? t('registrar.assisted.notConfirmed')
            : t('registrar.assisted.waitSignIn')}
      </p>
      <div className="banner__actions">
        {status.patientSignedIn && !status.birthDateConfirmed && !entering && (
          <BigButton onClick={() => setEntering(true)}>{t('registrar.assisted.check')}</BigButton>
        )}
        <BigButton variant="finish" onClick={() => void useRegistrarStore.getState().handBack()}>
          {t('registrar.assisted.handBack')}
        </BigButton>
      </div>
      {entering && (
        <div className="banner__entry">
          <KeyboardField
            label={t('registrar.assisted.birthDate', { typed: digitsAsDate(digits) || '—' })}
            value={digits}
            onChange={setDigits}
            layout="digits"
            keyboardLabels={labels}
            showLabel={t('keyboard.show')}
            hideLabel={t('keyboard.hide')}
            phonePrefixLabel={t('keyboard.phonePrefix')}
            maxLength={8}
          />
          {invalid && <p role="alert">{t('registrar.assisted.notADate')}</p>}
          {error && !invalid && <p role="alert">{errorText(language, error)}</p>}
          <div className="banner__actions">
            <BigButton variant="primary" disabled={busy} onClick={() => void confirm()}>
              {t('registrar.assisted.confirm')}
            </BigButton>
            <BigButton onClick={close}>{t('registrar.cancel')}</BigButton>
          </div>
        </div>
      )}
    </div>
  );
}
