import { useEffect, useState } from 'react';
import type { ValidationDetails } from '#shared/contract/person';
import { isEhealthPhone } from '#shared/rules/phone';
import { BigButton } from '../../components/BigButton';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { KeyboardField } from '../../components/OnScreenKeyboard/KeyboardField';
import { ScreenTitle } from '../../components/ScreenTitle';
import { errorText } from '../../i18n/errors';
import { useKeyboardLabels, useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/uk';
import { usePersonStore } from '../../stores/person';
import { useUiStore } from '../../stores/ui';
import '../PersonData/person.css';

const timeOf = (iso: string, language: string): string =>
  new Date(iso).toLocaleTimeString(language === 'uk' ? 'uk-UA' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
  });

/**
 * The phone eHealth texts authentication codes to: add one (or replace one), then type the 4-digit
 * code from the SMS. Tries left and the code's expiry are shown; a new code can be asked for.
 */
export function PersonPhone() {
  const t = useT();
  const labels = useKeyboardLabels();
  const language = useUiStore((s) => s.language);
  const goTo = useUiStore((s) => s.goTo);
  const view = usePersonStore((s) => s.view);
  const flow = usePersonStore((s) => s.phone);
  const { phoneStart, phoneResend, phoneConfirm, phoneReset } = usePersonStore();
  const [phone, setPhone] = useState('');
  const [alias, setAlias] = useState('');
  const [code, setCode] = useState('');
  // one keyboard on screen: the number's, until the patient touches the (optional) name field
  const [typing, setTyping] = useState<'number' | 'alias'>('number');
  const active = (view?.authenticationMethods ?? []).filter((m) => m.active && m.type === 'OTP');
  const [replaces, setReplaces] = useState<string>('');

  useEffect(() => {
    phoneReset();
    return () => phoneReset();
  }, [phoneReset]);

  const leave = () => goTo('person');
  const fieldError = (() => {
    const d = flow.error?.details as Partial<ValidationDetails> | undefined;
    if (flow.error?.code !== 'VALIDATION' || !d?.violations?.length) return null;
    return d.violations.map((v) => t(`rule.${v.rule}` as MessageKey)).join(' ');
  })();
  const otherError = flow.error && !fieldError ? errorText(language, flow.error) : null;

  return (
    <div className="screen person-phone">
      <ScreenTitle>{t('personPhone.title')}</ScreenTitle>
      <p className="screen__lead">{t('personPhone.lead')}</p>

      {flow.step === 'enter' && (
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
            label={t('personPhone.number')}
            value={phone}
            onChange={setPhone}
            layout="phone"
            keyboardLabels={labels}
            showLabel={t('keyboard.show')}
            hideLabel={t('keyboard.hide')}
            phonePrefixLabel={t('keyboard.phonePrefix')}
            keyboardShown={typing === 'number'}
            onWantsKeyboard={() => setTyping('number')}
          />
          {fieldError && (
            <p role="alert" className="pfield__error">
              {fieldError}
            </p>
          )}
          <KeyboardField
            label={t('personEdit.optional', { label: t('personPhone.alias') })}
            value={alias}
            onChange={setAlias}
            layout={language}
            keyboardLabels={labels}
            showLabel={t('keyboard.show')}
            hideLabel={t('keyboard.hide')}
            phonePrefixLabel={t('keyboard.phonePrefix')}
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
            <BigButton
              variant="primary"
              disabled={flow.busy || !isEhealthPhone(phone)}
              onClick={() => void phoneStart(phone, alias, replaces || null)}
            >
              {flow.busy ? t('personPhone.sending') : t('personPhone.send')}
            </BigButton>
            <BigButton onClick={leave}>{t('personPhone.cancel')}</BigButton>
          </div>
        </>
      )}

      {flow.step === 'code' && flow.challenge && (
        <>
          <p role="status">
            {t('personPhone.codeSent', {
              length: flow.challenge.codeLength,
              phone: flow.challenge.phoneMasked,
            })}
          </p>
          <p>
            {t('personPhone.expires', { time: timeOf(flow.challenge.expiresAt, language) })}{' '}
            {t('error.attemptsLeft', { count: flow.challenge.attemptsLeft })}
          </p>
          {flow.resent && <p role="status">{t('personPhone.resent')}</p>}
          <KeyboardField
            label={t('personPhone.code')}
            value={code}
            onChange={setCode}
            layout="digits"
            keyboardLabels={labels}
            showLabel={t('keyboard.show')}
            hideLabel={t('keyboard.hide')}
            phonePrefixLabel={t('keyboard.phonePrefix')}
            maxLength={flow.challenge.codeLength}
          />
          {flow.error && (
            <p role="alert" className="person__errors">
              {errorText(language, flow.error)}
            </p>
          )}
          <div className="screen__actions">
            <BigButton
              variant="primary"
              disabled={
                flow.busy || code.length !== flow.challenge.codeLength || flow.challenge.attemptsLeft === 0
              }
              onClick={() => void phoneConfirm(code).then(() => setCode(''))}
            >
              {t('personPhone.confirm')}
            </BigButton>
            <BigButton disabled={flow.busy} onClick={() => void phoneResend().then(() => setCode(''))}>
              {t('personPhone.resend')}
            </BigButton>
            <BigButton onClick={leave}>{t('personPhone.cancel')}</BigButton>
          </div>
        </>
      )}

      {flow.step === 'done' && flow.challenge && (
        <>
          <p role="status">{t('personPhone.done', { phone: flow.challenge.phoneMasked })}</p>
          {flow.replacedDeactivated === true && <p>{t('personPhone.replacedOff')}</p>}
          {flow.replacedDeactivated === false && (
            <p className="person__errors">{t('personPhone.replacedNotOff')}</p>
          )}
          <div className="screen__actions">
            <BigButton variant="primary" onClick={leave}>
              {t('personPhone.back')}
            </BigButton>
          </div>
        </>
      )}
    </div>
  );
}
