import type { ValidationDetails } from '#shared/contract/person';
import { isEhealthPhone } from '#shared/rules/phone';
import { BigButton } from '../../components/BigButton';
import { KeyboardField } from '../../components/OnScreenKeyboard/KeyboardField';
import { ScreenTitle } from '../../components/ScreenTitle';
import { errorText } from '../../i18n/errors';
import type { Translate } from '../../i18n/translate';
import type { MessageKey } from '../../i18n/uk';
import { useKeyboardLabels, useT } from '../../i18n/useT';
import type { KioskError } from '#shared/result';
import { selectCodeBusy, useRegistrationStore } from '../../stores/registration';
import { useUiStore } from '../../stores/ui';
import '../PersonData/person.css';
import '../RegistrationIntro/registration.css';

/** A refusal of the number or the code, as the rule's words (the code's own words for a missing code). */
function ruleText(t: Translate, error: KioskError | null): string | null {
  const d = error?.details as Partial<ValidationDetails> | undefined;
  if (error?.code !== 'VALIDATION' || !d?.violations?.length) return null;
  return d.violations
    .map((v) => (v.path === 'otp' ? t('registration.codeRule') : t(`rule.${v.rule}` as MessageKey)))
    .join(' ');
}

/**
 * The phone eHealth texts its codes to: the number typed on the phone keypad (the form's mobile
 * phone offered), the code sent, then the 4-digit code typed. eHealth checks the code only with the
 * signed registration, so a wrong one brings the patient back here from the signing.
 */
export function RegistrationPhone() {
  const t = useT();
  const labels = useKeyboardLabels();
  const language = useUiStore((s) => s.language);
  const goTo = useUiStore((s) => s.goTo);
  const { phone, codeSent, sentTo, code, setPhone, requestCode, changePhone, setCode, toReview } =
    useRegistrationStore();
  const phoneBusy = useRegistrationStore(selectCodeBusy);
  const phoneError = useRegistrationStore((s) => s.phoneStep.error);
  const rule = ruleText(t, phoneError);
  const other = phoneError && !rule ? errorText(language, phoneError) : null;
  const asked = sentTo !== null && codeSent !== null;

  return (
    <div className="screen registration">
      <ScreenTitle>{t('registration.phoneTitle')}</ScreenTitle>
      <p className="screen__lead">{t('registration.phoneLead')}</p>
      {!asked ? (
        <>
          <KeyboardField
            label={t('registration.phoneNumber')}
            value={phone}
            onChange={setPhone}
            layout="phone"
            keyboardLabels={labels}
            showLabel={t('keyboard.show')}
            hideLabel={t('keyboard.hide')}
            phonePrefixLabel={t('keyboard.phonePrefix')}
          />
          <StepErrors rule={rule} other={other} />
          <div className="screen__actions">
            <BigButton
              variant="primary"
              disabled={phoneBusy || !isEhealthPhone(phone)}
              onClick={() => void requestCode()}
            >
              {phoneBusy ? t('registration.sending') : t('registration.sendCode')}
            </BigButton>
            <BigButton onClick={() => goTo('registrationForm')}>{t('registration.back')}</BigButton>
          </div>
        </>
      ) : (
        <>
          <p role="status" data-private="">
            {codeSent ? t('registration.codeSent', { phone: sentTo }) : t('registration.noCodeNeeded')}
          </p>
          {codeSent && (
            <KeyboardField
              label={t('registration.code')}
              value={code}
              onChange={setCode}
              layout="digits"
              keyboardLabels={labels}
              showLabel={t('keyboard.show')}
              hideLabel={t('keyboard.hide')}
              phonePrefixLabel={t('keyboard.phonePrefix')}
              maxLength={4}
            />
          )}
          <StepErrors rule={rule} other={other} />
          <div className="screen__actions">
            <BigButton variant="primary" disabled={phoneBusy} onClick={toReview}>
              {t('registration.toReview')}
            </BigButton>
            {codeSent && (
              <BigButton disabled={phoneBusy} onClick={() => void requestCode()}>
                {t('registration.resend')}
              </BigButton>
            )}
            <BigButton disabled={phoneBusy} onClick={changePhone}>
              {t('registration.otherNumber')}
            </BigButton>
          </div>
        </>
      )}
    </div>
  );
}

/** The phone step's refusal: a rule under the field, anything else as the page's error. */
function StepErrors({ rule, other }: { rule: string | null; other: string | null }) {
  return (
    <>
      {rule && (
        <p role="alert" className="pfield__error">
          {rule}
        </p>
      )}
      {other && (
        <p role="alert" className="person__errors">
          {other}
        </p>
      )}
    </>
  );
}
