import type { PersonDraft, PhoneDraft } from '#shared/contract/person';
import { DOCUMENT_TYPES, GENDERS, PHONE_TYPES } from '#shared/rules/person/index';
import { BigButton } from '../../components/BigButton';
import type { Choice } from '../../components/ChoiceGroup';
import { dateCodec, documentNumberCodec, phoneCodec, textCodec, unzrCodec } from './codecs';
import { ChoiceField, GroupErrors, PersonField, useEdit } from './EditContext';

/** The parts of the change form. Each field is addressed by its path in the person. */

const nameCodec = textCodec('uk');

export function MainSection({ taxId, noTaxId }: { taxId: string | null; noTaxId: boolean }) {
  const { t, violationsAt } = useEdit();
  const genders: Choice<string>[] = GENDERS.map((g) => ({ value: g, label: t(`person.gender.${g}`) }));
  const taxIdMessages = violationsAt('tax_id');
  return (
    <>
      <PersonField fieldKey="last_name" label={t('person.lastName')} codec={nameCodec} />
      <PersonField fieldKey="first_name" label={t('person.firstName')} codec={nameCodec} />
      <PersonField
        fieldKey="second_name"
        label={t('personEdit.optional', { label: t('person.secondName') })}
        codec={nameCodec}
      />
      <PersonField
        fieldKey="birth_date"
        label={t('person.birthDate')}
        hint={t('personEdit.dateHint')}
        codec={dateCodec}
      />
      <PersonField fieldKey="birth_settlement" label={t('person.birthSettlement')} codec={nameCodec} />
      <PersonField fieldKey="birth_country" label={t('person.birthCountry')} codec={nameCodec} />
      <ChoiceField fieldKey="gender" label={t('person.gender')} choices={genders} />
      <div className="pfield">
        <span className="pfield__label">{t('person.taxId')}</span>
        <span className="pfield__readonly" data-private="">
          {noTaxId ? t('person.noTaxId') : (taxId ?? t('person.none'))}
        </span>
        <span className="pfield__hint">{t('personEdit.taxIdNote')}</span>
        {taxIdMessages.map((v) => (
          <p key={v.rule} className="pfield__error">
            {t(`rule.${v.rule}`)}
          </p>
        ))}
      </div>
      <PersonField
        fieldKey="unzr"
        label={t('personEdit.optional', { label: t('person.unzr') })}
        hint={t('personEdit.unzrHint')}
        codec={unzrCodec}
      />
    </>
  );
}

export function DocumentsSection() {
  const { t, draft, updateDraft: update } = useEdit();
  const types: Choice<string>[] = DOCUMENT_TYPES.map((type) => ({
    value: type,
    label: t(`person.doc.${type}`),
  }));
  return (
    <>
      <GroupErrors fieldKey="documents" />
      {draft.documents.map((d, i) => (
        <fieldset className="person-edit__group" key={i}>
          <legend>{t('personEdit.documentN', { n: i + 1 })}</legend>
          <ChoiceField fieldKey={`documents.${i}.type`} label={t('personEdit.docType')} choices={types} />
          <PersonField
            key={d.type}
            fieldKey={`documents.${i}.number`}
            label={t('person.doc.number')}
            codec={documentNumberCodec(d.type)}
          />
          <PersonField
            fieldKey={`documents.${i}.issued_by`}
            label={t('personEdit.optional', { label: t('person.doc.issuedBy') })}
            codec={textCodec('uk')}
          />
          <PersonField
            fieldKey={`documents.${i}.issued_at`}
            label={t('personEdit.optional', { label: t('person.doc.issuedAt') })}
            hint={t('personEdit.dateHint')}
            codec={dateCodec}
          />
          <PersonField
            fieldKey={`documents.${i}.expiration_date`}
            label={t('person.doc.expirationDate')}
            hint={t('personEdit.dateHint')}
            codec={dateCodec}
          />
          <BigButton onClick={() => update((p) => void p.documents.splice(i, 1))}>
            {t('personEdit.remove')} — {t('personEdit.documentN', { n: i + 1 })}
          </BigButton>
        </fieldset>
      ))}
      <BigButton onClick={() => update((p) => void p.documents.push({ type: 'PASSPORT', number: '' }))}>
        {t('personEdit.addDocument')}
      </BigButton>
    </>
  );
}

/** A list of phones (the patient's own, or the emergency contact's). */
export function PhonesEditor({
  path,
  phones,
}: {
  path: 'phones' | 'emergency_contact.phones';
  phones: PhoneDraft[];
}) {
  const { t, updateDraft: update } = useEdit();
  const types: Choice<string>[] = PHONE_TYPES.map((type) => ({
    value: type,
    label: t(`person.phone.${type}`),
  }));
  const listOf = (p: PersonDraft): PhoneDraft[] => {
    if (path === 'phones') return (p.phones ??= []);
    return p.emergency_contact.phones;
  };
  const free = PHONE_TYPES.find((type) => !phones.some((ph) => ph.type === type));
  return (
    <>
      <GroupErrors fieldKey={path} />
      {phones.map((_ph, i) => (
        <fieldset className="person-edit__group" key={i}>
          <legend>{t('personEdit.phoneN', { n: i + 1 })}</legend>
          <ChoiceField fieldKey={`${path}.${i}.type`} label={t('personEdit.phoneType')} choices={types} />
          <PersonField fieldKey={`${path}.${i}.number`} label={t('person.phones')} codec={phoneCodec} />
          <BigButton onClick={() => update((p) => void listOf(p).splice(i, 1))}>
            {t('personEdit.remove')} — {t('personEdit.phoneN', { n: i + 1 })}
          </BigButton>
        </fieldset>
      ))}
      {free && (
        <BigButton onClick={() => update((p) => void listOf(p).push({ type: free, number: '' }))}>
          {t('personEdit.addPhone')}
        </BigButton>
      )}
    </>
  );
}

export function ContactsSection() {
  const { t, draft } = useEdit();
  const ways: Choice<string>[] = [
    { value: 'phone', label: t('person.preferred.phone') },
    { value: 'email', label: t('person.preferred.email') },
    { value: '', label: t('personEdit.notSpecified') },
  ];
  return (
    <>
      <div className="person-edit__group">
        <h2 className="person-edit__group-title">{t('person.phones')}</h2>
        <PhonesEditor path="phones" phones={draft.phones ?? []} />
      </div>
      <PersonField
        fieldKey="email"
        label={t('personEdit.optional', { label: t('person.email') })}
        codec={textCodec('en')}
      />
      <ChoiceField fieldKey="preferred_way_communication" label={t('person.preferred')} choices={ways} />
    </>
  );
}

export function EmergencySection() {
  const { t, draft } = useEdit();
  return (
    <>
      <PersonField fieldKey="emergency_contact.last_name" label={t('person.lastName')} codec={nameCodec} />
      <PersonField fieldKey="emergency_contact.first_name" label={t('person.firstName')} codec={nameCodec} />
      <PersonField
        fieldKey="emergency_contact.second_name"
        label={t('personEdit.optional', { label: t('person.secondName') })}
        codec={nameCodec}
      />
      <div className="person-edit__group">
        <h2 className="person-edit__group-title">{t('person.phones')}</h2>
        <PhonesEditor path="emergency_contact.phones" phones={draft.emergency_contact.phones} />
      </div>
    </>
  );
}
