import { useEffect } from 'react';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n/useT';
import { selectPhoneBusy, usePersonStore } from '../../stores/person';
import { useUiStore } from '../../stores/ui';
import '../PersonData/person.css';
import { PhoneCodeStep, PhoneDoneStep, PhoneEnterStep } from './PhoneSteps';

/**
 * The phone eHealth texts authentication codes to: add one (or replace one), then type the 4-digit
 * code from the SMS. Tries left and the code's expiry are shown; a new code can be asked for.
 */
export function PersonPhone() {
  const t = useT();
  const goTo = useUiStore((s) => s.goTo);
  const view = usePersonStore((s) => s.view.data);
  const flow = usePersonStore((s) => s.phone);
  const busy = usePersonStore(selectPhoneBusy);
  const error = usePersonStore((s) => s.phone.send.error);
  const phoneReset = usePersonStore((s) => s.phoneReset);
  const active = (view?.authenticationMethods ?? []).filter((m) => m.active && m.type === 'OTP');

  useEffect(() => {
    phoneReset();
    return () => phoneReset();
  }, [phoneReset]);

  const step = { busy, error, onLeave: () => goTo('person') };
  return (
    <div className="screen person-phone">
      <ScreenTitle>{t('personPhone.title')}</ScreenTitle>
      <p className="screen__lead">{t('personPhone.lead')}</p>
      {flow.step === 'enter' && <PhoneEnterStep {...step} active={active} />}
      {flow.step === 'code' && flow.challenge && (
        <PhoneCodeStep {...step} challenge={flow.challenge} resent={flow.resent} />
      )}
      {flow.step === 'done' && flow.challenge && (
        <PhoneDoneStep
          phoneMasked={flow.challenge.phoneMasked}
          replacedDeactivated={flow.replacedDeactivated}
          onLeave={step.onLeave}
        />
      )}
    </div>
  );
}
