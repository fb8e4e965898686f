import { useState } from 'react';
import { BigButton } from '../../components/BigButton';
import { KeyboardField } from '../../components/OnScreenKeyboard/KeyboardField';
import { useKeyboardLabels, useT } from '../../i18n/useT';
import { selectBusy, useRegistrarStore } from '../../stores/registrar';
import type { EditTarget } from './edit-target';

/** Staff: another registrar's code and PIN, or a new PIN for oneself. */
export function StaffSection({ edit }: { edit(t: EditTarget): void }) {
  const t = useT();
  const busy = useRegistrarStore(selectBusy);
  return (
    <section className="registrar__section" aria-labelledby="settings-staff">
      <h2 id="settings-staff">{t('registrar.settings.staff')}</h2>
      <div className="screen__actions">
        <BigButton disabled={busy} onClick={() => edit({ kind: 'addRegistrar' })}>
          {t('registrar.settings.addRegistrar')}
        </BigButton>
        <BigButton disabled={busy} onClick={() => edit({ kind: 'changePin' })}>
          {t('registrar.settings.changePin')}
        </BigButton>
      </div>
    </section>
  );
}

/**
 * Two fields in turn, one keyboard at a time: a new registrar's staff code then PIN, or one's
 * current PIN then the new one. The typed values stay in this component and go to main once.
 */
export function StaffEditor({ kind, onClose }: { kind: 'addRegistrar' | 'changePin'; onClose(): void }) {
  const t = useT();
  const labels = useKeyboardLabels();
  const busy = useRegistrarStore(selectBusy);
  const [step, setStep] = useState<0 | 1>(0);
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const adding = kind === 'addRegistrar';
  const labelsFor = adding
    ? [t('registrar.pin.code'), t('registrar.pin.newPin')]
    : [t('registrar.settings.currentPin'), t('registrar.pin.newPin')];
  const submit = async (): Promise<void> => {
    if (step === 0) return setStep(1);
    const store = useRegistrarStore.getState();
    const done = adding
      ? await store.addRegistrar(first.trim(), second)
      : await store.changePin(first, second);
    setFirst('');
    setSecond('');
    setStep(0);
    if (done) onClose();
  };
  const common = {
    keyboardLabels: labels,
    showLabel: t('keyboard.show'),
    hideLabel: t('keyboard.hide'),
    phonePrefixLabel: t('keyboard.phonePrefix'),
  };
  return (
    <div className="registrar__section">
      <h2>{adding ? t('registrar.settings.addRegistrar') : t('registrar.settings.changePin')}</h2>
      {step === 0 ? (
        <KeyboardField
          key="first"
          {...common}
          label={labelsFor[0] as string}
          value={first}
          onChange={setFirst}
          layout={adding ? 'en' : 'digits'}
          masked={!adding}
          maxLength={adding ? 24 : 12}
        />
      ) : (
        <KeyboardField
          key="second"
          {...common}
          label={labelsFor[1] as string}
          value={second}
          onChange={setSecond}
          layout="digits"
          masked
          maxLength={12}
        />
      )}
      <div className="screen__actions">
        <BigButton variant="primary" disabled={busy} onClick={() => void submit()}>
          {step === 0 ? t('registrar.next') : t('registrar.save')}
        </BigButton>
        <BigButton onClick={onClose}>{t('registrar.cancel')}</BigButton>
      </div>
    </div>
  );
}
