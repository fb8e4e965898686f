import type { RegistrationPrefill } from '#shared/contract/signin';
import { GENDERS } from '#shared/rules/person/index';
import { BigButton } from '../../components/BigButton';
import type { Choice } from '../../components/ChoiceGroup';
import type { MessageKey } from '../../i18n/uk';
import { useRegistrationStore } from '../../stores/registration';
import { dateCodec, textCodec, unzrCodec } from '../PersonEdit/codecs';
import { ChoiceField, PersonField, useEdit } from '../PersonEdit/EditContext';

const nameCodec = textCodec('uk');
const secretCodec = textCodec('uk', 20);

/** The key's names in the order Ukrainians write them. */
export const fullNameOf = (p: RegistrationPrefill): string =>
  [p.lastName, p.firstName, p.secondName].filter(Boolean).join(' ');

/**
 * The person's main details at registration: the names and tax id from the key's certificate (shown,
 * not typed: eHealth checks them against the certificate), the birth date the tax id tells (the
 * patient checks it), birth place, sex, the optional UNZR and the secret word.
 */
export function RegistrationMainSection({ prefill }: { prefill: RegistrationPrefill }) {
  const { t, violationsAt } = useEdit();
  const genders: Choice<string>[] = GENDERS.map((g) => ({ value: g, label: t(`person.gender.${g}`) }));
  const identity = ['last_name', 'first_name', 'second_name', 'tax_id'].flatMap((k) => violationsAt(k));
  return (
    <>
      <div className="registration__from-key">
        <h3>{t('registration.fromKey')}</h3>
        <dl className="registration__facts">
          <dt>{t('registration.fullName')}</dt>
          <dd data-private="">{fullNameOf(prefill)}</dd>
          <dt>{t('person.taxId')}</dt>
          <dd data-private="">{prefill.taxId ?? t('registration.taxIdNone')}</dd>
        </dl>
        {identity.map((v) => (
          <p key={`${v.path}-${v.rule}`} className="pfield__error" role="alert">
            {t(`rule.${v.rule}` as MessageKey)}
          </p>
        ))}
        <BigButton onClick={() => useRegistrationStore.getState().setNameChanged(true)}>
          {t('registration.nameChanged')}
        </BigButton>
      </div>
      <PersonField
        fieldKey="birth_date"
        label={t('person.birthDate')}
        hint={
          prefill.birthDate
            ? `${t('registration.birthDateFromKey')} ${t('personEdit.dateHint')}`
            : t('personEdit.dateHint')
        }
        codec={dateCodec}
      />
      <PersonField fieldKey="birth_settlement" label={t('person.birthSettlement')} codec={nameCodec} />
      <PersonField fieldKey="birth_country" label={t('person.birthCountry')} codec={nameCodec} />
      <ChoiceField fieldKey="gender" label={t('person.gender')} choices={genders} />
      <PersonField
        fieldKey="unzr"
        label={t('personEdit.optional', { label: t('person.unzr') })}
        hint={t('personEdit.unzrHint')}
        codec={unzrCodec}
      />
      <PersonField
        fieldKey="secret"
        label={t('registration.secret')}
        hint={t('registration.secretHint')}
        codec={secretCodec}
      />
    </>
  );
}

/**
 * The patient's names are not the key's any more (a marriage, a corrected spelling): eHealth
 * registers only under the certificate's names, so registration stops here with the reason.
 */
export function NameChanged({ prefill }: { prefill: RegistrationPrefill }) {
  const { t } = useEdit();
  const store = useRegistrationStore.getState();
  return (
    <section className="person__section" aria-labelledby="registration-name-changed">
      <h2 id="registration-name-changed">{t('registration.nameChangedTitle')}</h2>
      <p role="alert" className="person__errors" data-private="">
        {t('registration.nameChangedText', { name: fullNameOf(prefill) })}
      </p>
      <div className="screen__actions">
        <BigButton variant="primary" onClick={() => store.cancel()}>
          {t('signinError.otherKey')}
        </BigButton>
        <BigButton onClick={() => store.setNameChanged(false)}>{t('registration.nameIsRight')}</BigButton>
      </div>
    </section>
  );
}
