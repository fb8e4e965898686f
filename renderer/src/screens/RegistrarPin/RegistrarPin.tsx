import { useEffect, useState } from 'react';
import { normalizeEnrollmentCode } from '#shared/rules/enrollment-code';
import { BigButton } from '../../components/BigButton';
import { KeyboardField } from '../../components/OnScreenKeyboard/KeyboardField';
import { ScreenTitle } from '../../components/ScreenTitle';
import { errorText } from '../../i18n/errors';
import { useKeyboardLabels, useT } from '../../i18n/useT';
import { selectBusy, useRegistrarStore } from '../../stores/registrar';
import { useUiStore } from '../../stores/ui';
import '../Registrar/registrar.css';

type Step = 'enrollment' | 'code' | 'pin' | 'confirm';

/** What clinic IT runs on the kiosk computer to enrol it (the installed kiosk's ops mode). */
export const ENROLL_COMMAND = 'kabinet-kiosk --ops registrar enroll';

const PIN = /^[0-9]{6,12}$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9.-]{0,23}$/;

/**
 * Registrar sign-in: staff code, then PIN — one field and one keyboard at a time. On the kiosk's
 * first run it sets the first registrar's PIN instead (typed twice), and only with the enrolment
 * code that clinic IT got on the kiosk computer (`kiosk registrar enroll`); a kiosk that is not
 * enrolled says so and how to enrol it. What is typed lives in this screen's state only and goes to
 * main once; a lockout shows how long it lasts.
 */
export function RegistrarPin() {
  const t = useT();
  const labels = useKeyboardLabels();
  const language = useUiStore((s) => s.language);
  const goTo = useUiStore((s) => s.goTo);
  const status = useRegistrarStore((s) => s.status);
  const error = useRegistrarStore((s) => s.activity.error);
  const busy = useRegistrarStore(selectBusy);
  const [step, setStep] = useState<Step | null>(null);
  const [enrollmentCode, setEnrollmentCode] = useState('');
  const [code, setCode] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<'enrollment' | 'code' | 'pin' | 'mismatch' | null>(null);

  useEffect(() => {
    useRegistrarStore.getState().clearMessages();
    void useRegistrarStore.getState().refreshStatus();
  }, []);

  const firstRun = status?.pinSet === false;
  const notEnrolled = firstRun && status?.enrolled === false;
  const lockedFor = status?.lockedForSeconds ?? null;
  const first: Step = firstRun ? 'enrollment' : 'code';
  const current: Step = step ?? first;

  const next = async (): Promise<void> => {
    setProblem(null);
    if (current === 'enrollment') {
      if (!normalizeEnrollmentCode(enrollmentCode)) return setProblem('enrollment');
      return setStep('code');
    }
    if (current === 'code') {
      if (!CODE.test(code.trim())) return setProblem('code');
      return setStep('pin');
    }
    if (!PIN.test(pin)) return setProblem('pin');
    if (firstRun && current === 'pin') return setStep('confirm');
    if (firstRun && again !== pin) {
      setAgain('');
      return setProblem('mismatch');
    }
    const store = useRegistrarStore.getState();
    const okay = firstRun
      ? await store.setFirstPin(code.trim(), pin, enrollmentCode)
      : await store.signIn(code.trim(), pin);
    setPin('');
    setAgain('');
    if (okay) {
      setEnrollmentCode('');
      goTo('registrarPanel');
      return;
    }
    const refused = useRegistrarStore.getState().activity.error?.code;
    if (refused === 'ENROLLMENT_CODE_WRONG' || refused === 'NOT_ENROLLED') {
      setEnrollmentCode('');
      setStep('enrollment');
    } else setStep('pin');
    void store.refreshStatus();
  };

  const field = (() => {
    const common = {
      keyboardLabels: labels,
      showLabel: t('keyboard.show'),
      hideLabel: t('keyboard.hide'),
      phonePrefixLabel: t('keyboard.phonePrefix'),
    };
    if (current === 'enrollment')
      return (
        <KeyboardField
          key="enrollment"
          {...common}
          label={t('registrar.pin.enrollmentCode')}
          value={enrollmentCode}
          onChange={setEnrollmentCode}
          layout="en"
          maxLength={14}
        />
      );
    if (current === 'code')
      return (
        <KeyboardField
          key="code"
          {...common}
          label={t('registrar.pin.code')}
          value={code}
          onChange={setCode}
          layout="en"
          maxLength={24}
        />
      );
    if (current === 'pin')
      return (
        <KeyboardField
          key="pin"
          {...common}
          label={firstRun ? t('registrar.pin.newPin') : t('registrar.pin.pin')}
          value={pin}
          onChange={setPin}
          layout="digits"
          masked
          maxLength={12}
        />
      );
    return (
      <KeyboardField
        key="again"
        {...common}
        label={t('registrar.pin.again')}
        value={again}
        onChange={setAgain}
        layout="digits"
        masked
        maxLength={12}
      />
    );
  })();

  if (notEnrolled)
    return (
      <div className="screen screen--registrar">
        <ScreenTitle>{t('registrar.enroll.title')}</ScreenTitle>
        <p className="screen__lead">{t('registrar.enroll.lead')}</p>
        <ol className="registrar__steps">
          <li>
            {t('registrar.enroll.step1')} <code className="registrar__mono">{ENROLL_COMMAND}</code>
          </li>
          <li>{t('registrar.enroll.step2')}</li>
          <li>{t('registrar.enroll.step3')}</li>
        </ol>
        <div className="screen__actions">
          <BigButton onClick={() => goTo('welcome')}>{t('registrar.leave')}</BigButton>
        </div>
      </div>
    );

  return (
    <div className="screen screen--registrar">
      <ScreenTitle>{firstRun ? t('registrar.pin.firstTitle') : t('registrar.pin.title')}</ScreenTitle>
      <p className="screen__lead">{firstRun ? t('registrar.pin.firstLead') : t('registrar.pin.lead')}</p>
      {lockedFor !== null ? (
        <p role="alert" className="registrar__status">
          {errorText(language, { code: 'PIN_LOCKED', details: { retryAfterSeconds: lockedFor } })}
        </p>
      ) : (
        <>
          {field}
          {problem && (
            <p role="alert" className="registrar__status">
              {t(`registrar.pin.problem.${problem}`)}
            </p>
          )}
          {error && !problem && (
            <p role="alert" className="registrar__status">
              {errorText(language, error)}
            </p>
          )}
          <div className="screen__actions">
            <BigButton variant="primary" disabled={busy} onClick={() => void next()}>
              {current === 'enrollment' || current === 'code' || (firstRun && current === 'pin')
                ? t('registrar.next')
                : t('registrar.pin.enter')}
            </BigButton>
            {current !== first && (
              <BigButton
                onClick={() => {
                  setPin('');
                  setAgain('');
                  setProblem(null);
                  setStep(first);
                }}
              >
                {t('registrar.back')}
              </BigButton>
            )}
          </div>
        </>
      )}
      <div className="screen__actions">
        <BigButton onClick={() => goTo('welcome')}>{t('registrar.leave')}</BigButton>
      </div>
    </div>
  );
}
