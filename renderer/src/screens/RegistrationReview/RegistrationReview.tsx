import type { PhoneDraft } from '#shared/contract/person';
import { BigButton } from '../../components/BigButton';
import { ScreenTitle } from '../../components/ScreenTitle';
import type { Translate } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { selectPrefill, useRegistrationStore } from '../../stores/registration';
import { useUiStore } from '../../stores/ui';
import { Facts, Section, type Fact } from '../PersonData/Facts';
import { addressLine, codeLabel, documentTypeLabel, formatDate, phoneTypeLabel } from '../PersonData/labels';
import '../PersonData/person.css';
import { fullNameOf } from '../RegistrationForm/MainSection';
import '../RegistrationIntro/registration.css';

const phonesLine = (t: Translate, phones: readonly PhoneDraft[] | undefined): string =>
  (phones ?? []).map((p) => `${p.number} (${phoneTypeLabel(t, p.type)})`).join(', ') || t('person.none');

/**
 * Everything the registration will say, in plain words, before the patient signs it: the key's
 * names and tax id, what was typed, and the phone the codes go to. "Correct" goes back to the form.
 */
export function RegistrationReview() {
  const t = useT();
  const goTo = useUiStore((s) => s.goTo);
  const { draft, sentTo, toSign } = useRegistrationStore();
  const prefill = useRegistrationStore(selectPrefill);
  if (!prefill || !draft) return null;
  const main: Fact[] = [
    { label: t('registration.fullName'), value: fullNameOf(prefill) },
    { label: t('person.taxId'), value: prefill.taxId ?? t('registration.taxIdNone') },
    { label: t('person.birthDate'), value: formatDate(draft.birth_date) },
    { label: t('person.birthSettlement'), value: `${draft.birth_settlement}, ${draft.birth_country}` },
    { label: t('person.gender'), value: codeLabel(t, 'person.gender.', draft.gender, 'person.none') },
    ...(draft.unzr ? [{ label: t('person.unzr'), value: draft.unzr }] : []),
    { label: t('registration.secret'), value: t('registration.secretSet'), private: false },
  ];
  const documents: Fact[] = draft.documents.map((d, i) => ({
    label: `${i + 1}. ${documentTypeLabel(t, d.type)}`,
    value: [
      d.number,
      d.issued_at ? `${t('person.doc.issuedAt')}: ${formatDate(d.issued_at)}` : '',
      d.expiration_date ? `${t('person.doc.expirationDate')}: ${formatDate(d.expiration_date)}` : '',
      d.issued_by ?? '',
    ]
      .filter(Boolean)
      .join('; '),
  }));
  const addresses: Fact[] = draft.addresses.map((a) => ({
    label: codeLabel(t, 'person.address.', a.type, 'person.section.addresses'),
    value: addressLine(t, a),
  }));
  const contacts: Fact[] = [
    { label: t('registration.reviewPhone'), value: sentTo ?? t('person.none') },
    { label: t('person.phones'), value: phonesLine(t, draft.phones) },
    ...(draft.email ? [{ label: t('person.email'), value: draft.email }] : []),
  ];
  const ec = draft.emergency_contact;
  const emergency: Fact[] = [
    {
      label: t('registration.fullName'),
      value: [ec.last_name, ec.first_name, ec.second_name].filter(Boolean).join(' '),
    },
    { label: t('person.phones'), value: phonesLine(t, ec.phones) },
  ];
  return (
    <div className="screen registration">
      <ScreenTitle>{t('registration.reviewTitle')}</ScreenTitle>
      <p className="screen__lead">{t('registration.reviewLead')}</p>
      <Section id="registration-review-main" title={t('person.section.main')}>
        <Facts facts={main} />
      </Section>
      <Section id="registration-review-documents" title={t('person.section.documents')}>
        <Facts facts={documents} />
      </Section>
      <Section id="registration-review-addresses" title={t('person.section.addresses')}>
        <Facts facts={addresses} />
      </Section>
      <Section id="registration-review-contacts" title={t('person.section.contacts')}>
        <Facts facts={contacts} />
      </Section>
      <Section id="registration-review-emergency" title={t('person.section.emergency')}>
        <Facts facts={emergency} />
      </Section>
      <div className="screen__actions">
        <BigButton variant="primary" onClick={toSign}>
          {t('registration.toSign')}
        </BigButton>
        <BigButton onClick={() => goTo('registrationForm')}>{t('registration.edit')}</BigButton>
      </div>
    </div>
  );
}
