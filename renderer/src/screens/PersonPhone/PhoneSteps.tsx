import { useState } from 'react';
import type { AuthMethodView, PhoneChallenge, ValidationDetails } from '#shared/contract/person';
import type { KioskError } from '#shared/result';
import { isEhealthPhone } from '#shared/rules/phone';
import { BigButton } from '../../components/BigButton';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { KeyboardField } from '../../components/OnScreenKeyboard/KeyboardField';
import { errorText } from '../../i18n/errors';
import type { MessageKey } from '../../i18n/uk';
import { useKeyboardLabels, useT } from '../../i18n/useT';
import { usePersonStore } from '../../stores/person';
import { useUiStore } from '../../stores/ui';

/** The steps of adding or replacing the SMS phone; the screen passes what the person store says. */

export interface StepProps {
  /** Main is working on the last step. */
  busy: boolean;
  /** Why the last step failed. */
  error: KioskError | null;
  onLeave(): void;
}

const timeOf = (iso: string, language: string): string =>
  new Date(iso).toLocaleTimeString(language === 'uk' ? 'uk-UA' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
  });

/** The keyboard fields' own labels, the same on every field of this screen. */
function useFieldLabels() {
  const t = useT();
  return {
    keyboardLabels: useKeyboardLabels(),
    showLabel: t('keyboard.show'),
    hideLabel: t('keyboard.hide'),
    phonePrefixLabel: t('keyboard.phonePrefix'),
  };
}

/** The number (and an optional name for it), to add or to replace one of the phones in use. */
export function PhoneEnterStep({ active, busy, error, onLeave }: StepProps & { active: AuthMethodView[] }) {
  const t = useT();
  const fieldLabels = useFieldLabels();
  const language = useUiStore((s) => s.language);
  const [phone, setPhone] = useState('');
  const [alias, setAlias] = useState('');
  // one keyboard on screen: the number's, until the patient touches the (optional) name field
  const [typing, setTyping] = useState<'number' | 'alias'>('number');
  const [replaces, setReplaces] = useState<string>('');
  const fieldError = (() => {
    const d = error?.details as Partial<ValidationDetails> | undefined;
    if (error?.code !== 'VALIDATION' || !d?.violations?.length) return null;
    return d.violations.map((v) => t(`rule.${v.rule}` as MessageKey)).join(' ');
  })();
  const otherError = error && !fieldError ? errorText(language, error) : null;
  const start = () => void usePersonStore.getState().phoneStart(phone, alias, replaces || null);

  return (
    <>
      <p>{active.length ? t('personPhone.current') : t('personPhone.noneCurrent')}</p>
      {active.length > 0 && (
        <ul className="person__list">
          {active.map((m) => (
            <li key={m.id} data-private="">
              {m.phoneMasked}
              {m.alias ? ` (${m.alias})` : ''}
            </li>
          ))}
        </ul>
      )}
      {active.length > 0 && (
        <ChoiceGroup
          label={t('personPhone.mode')}
          choices={[
            { value: '', label: t('personPhone.add') },
            ...active.map((m) => ({
              value: m.id,
              label: t('personPhone.replace', { phone: m.phoneMasked ?? '' }),
            })),
          ]}
          value={replaces}
          onChange={setReplaces}
        />
      )}
      <KeyboardField
        {...fieldLabels}
        label={t('personPhone.number')}
        value={phone}
        onChange={setPhone}
        layout="phone"
        keyboardShown={typing === 'number'}
        onWantsKeyboard={() => setTyping('number')}
      />
      {fieldError && (
        <p role="alert" className="pfield__error">
          {fieldError}
        </p>
      )}
      <KeyboardField
        {...fieldLabels}
        label={t('personEdit.optional', { label: t('personPhone.alias') })}
        value={alias}
        onChange={setAlias}
        layout={language}
        maxLength={100}
        keyboardShown={typing === 'alias'}
        onWantsKeyboard={() => setTyping('alias')}
      />
      {otherError && (
        <p role="alert" className="person__errors">
          {otherError}
        </p>
      )}
      <div className="screen__actions">
        <BigButton variant="primary" disabled={busy || !isEhealthPhone(phone)} onClick={start}>
          {busy ? t('personPhone.sending') : t('personPhone.send')}
        </BigButton>
        <BigButton onClick={onLeave}>{t('personPhone.cancel')}</BigButton>
      </div>
    </>
  );
}

/** The code from the SMS: when it stops working, tries left, a new code on request. */
export function PhoneCodeStep({
  challenge,
  resent,
  busy,
  error,
  onLeave,
}: StepProps & { challenge: PhoneChallenge; resent: boolean }) {
  const t = useT();
  const fieldLabels = useFieldLabels();
  const language = useUiStore((s) => s.language);
  const [code, setCode] = useState('');
  const { phoneConfirm, phoneResend } = usePersonStore.getState();
  return (
    <>
      <p role="status">
        {t('personPhone.codeSent', { length: challenge.codeLength, phone: challenge.phoneMasked })}
      </p>
      <p>
        {t('personPhone.expires', { time: timeOf(challenge.expiresAt, language) })}{' '}
        {t('error.attemptsLeft', { count: challenge.attemptsLeft })}
      </p>
      {resent && <p role="status">{t('personPhone.resent')}</p>}
      <KeyboardField
        {...fieldLabels}
        label={t('personPhone.code')}
        value={code}
        onChange={setCode}
        layout="digits"
        maxLength={challenge.codeLength}
      />
      {error && (
        <p role="alert" className="person__errors">
          {errorText(language, error)}
        </p>
      )}
      <div className="screen__actions">
        <BigButton
          variant="primary"
          disabled={busy || code.length !== challenge.codeLength || challenge.attemptsLeft === 0}
          onClick={() => void phoneConfirm(code).then(() => setCode(''))}
        >
          {t('personPhone.confirm')}
        </BigButton>
        <BigButton disabled={busy} onClick={() => void phoneResend().then(() => setCode(''))}>
          {t('personPhone.resend')}
        </BigButton>
        <BigButton onClick={onLeave}>{t('personPhone.cancel')}</BigButton>
      </div>
    </>
  );
}

/** The phone is added; whether the replaced one was switched off. */
export function PhoneDoneStep({
  phoneMasked,
  replacedDeactivated,
  onLeave,
}: {
  phoneMasked: string;
  replacedDeactivated: boolean | null;
  onLeave(): void;
}) {
  const t = useT();
  return (
    <>
      <p role="status">{t('personPhone.done', { phone: phoneMasked })}</p>
      {replacedDeactivated === true && <p>{t('personPhone.replacedOff')}</p>}
      {replacedDeactivated === false && <p className="person__errors">{t('personPhone.replacedNotOff')}</p>}
      <div className="screen__actions">
        <BigButton variant="primary" onClick={onLeave}>
          {t('personPhone.back')}
        </BigButton>
      </div>
    </>
  );
}
