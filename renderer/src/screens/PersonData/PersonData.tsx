import { useEffect } from 'react';
import type { PersonView } from '#shared/contract/person';
import { BigButton } from '../../components/BigButton';
import { ScreenTitle } from '../../components/ScreenTitle';
import { errorText } from '../../i18n/errors';
import type { Translate } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { selectCanChange, selectPersonLoading, usePersonStore } from '../../stores/person';
import { useUiStore } from '../../stores/ui';
import { Facts, Section, type Fact } from './Facts';
import {
  addressLine,
  authMethodLabel,
  codeLabel,
  documentTypeLabel,
  checkLine,
  formatDate,
  phoneTypeLabel,
  verificationPartLabel,
} from './labels';
import './person.css';

const SETTLED = new Set(['done', 'rejected', 'expired']);

/**
 * Everything eHealth keeps about the patient, in plain words: names, birth, identifiers, documents,
 * addresses, contacts, the emergency contact, the ways to confirm actions (masked phones) and what
 * the state registers confirmed. From here the patient changes their data or their SMS phone —
 * unless they may only view (a teen without confirmed legal capacity).
 */
export function PersonData() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const goTo = useUiStore((s) => s.goTo);
  const view = usePersonStore((s) => s.view.data);
  const loading = usePersonStore(selectPersonLoading);
  const loadError = usePersonStore((s) => s.view.error);
  const { operation, load, startEdit } = usePersonStore();
  const canChange = usePersonStore(selectCanChange);

  useEffect(() => {
    void load();
    // a signed change still on its way: its state may have moved while another screen was shown
    void usePersonStore.getState().refreshOperation();
  }, [load]);

  const pending = operation && !SETTLED.has(operation.state) ? operation : null;

  return (
    <div className="screen person">
      <ScreenTitle>{t('person.title')}</ScreenTitle>
      <p className="screen__lead">{t('person.lead')}</p>
      {!view && loading && <p role="status">{t('person.loading')}</p>}
      {!view && loadError && (
        <div role="alert" className="person__error">
          <p>{t('person.loadFailed')}</p>
          <p>{errorText(language, loadError)}</p>
          <BigButton onClick={() => void load()}>{t('person.retry')}</BigButton>
        </div>
      )}
      {pending && (
        <p role="status" className="person__notice">
          {t('person.pendingChange', { code: pending.referenceCode })}
        </p>
      )}
      {view && !canChange && <p className="person__notice">{t('common.viewOnly')}</p>}
      {view && (
        <div className="screen__actions">
          {canChange && (
            <BigButton variant="primary" onClick={startEdit}>
              {t('person.edit')}
            </BigButton>
          )}
          {canChange && <BigButton onClick={() => goTo('personPhone')}>{t('person.changePhone')}</BigButton>}
          <BigButton onClick={() => goTo('home')}>{t('person.home')}</BigButton>
        </div>
      )}
      {view && <PersonFacts t={t} view={view} />}
    </div>
  );
}

function PersonFacts({ t, view }: { t: Translate; view: PersonView }) {
  const p = view.person;
  const none = t('person.none');
  const main: Fact[] = [
    { label: t('person.lastName'), value: p.last_name },
    { label: t('person.firstName'), value: p.first_name },
    { label: t('person.secondName'), value: p.second_name || none },
    { label: t('person.birthDate'), value: formatDate(p.birth_date) },
    {
      label: t('person.birthSettlement'),
      value: [p.birth_settlement, p.birth_country].filter(Boolean).join(', '),
    },
    {
      label: t('person.gender'),
      value: codeLabel(t, 'person.gender.', p.gender, 'person.none'),
      private: false,
    },
  ];
  const ids: Fact[] = [
    { label: t('person.taxId'), value: view.noTaxId ? t('person.noTaxId') : view.taxId || none },
    { label: t('person.unzr'), value: p.unzr || none },
    {
      label: t('person.secret'),
      value: view.secretSet ? t('person.secretSet') : t('person.secretMissing'),
      private: false,
    },
  ];
  const contacts: Fact[] = [
    {
      label: t('person.phones'),
      value: p.phones?.length ? (
        <ul className="person__list">
          {p.phones.map((ph) => (
            <li key={`${ph.type}${ph.number}`}>
              {ph.number} ({phoneTypeLabel(t, ph.type)})
            </li>
          ))}
        </ul>
      ) : (
        none
      ),
    },
    { label: t('person.email'), value: p.email || none },
    {
      label: t('person.preferred'),
      value: codeLabel(t, 'person.preferred.', p.preferred_way_communication, 'person.none'),
      private: false,
    },
  ];
  const ec = p.emergency_contact;
  return (
    <>
      <Section id="person-main" title={t('person.section.main')}>
        <Facts facts={main} />
      </Section>
      <Section id="person-ids" title={t('person.section.ids')}>
        <Facts facts={ids} />
      </Section>
      <Section id="person-documents" title={t('person.section.documents')}>
        {p.documents.map((d, i) => (
          <div className="person__item" key={`${d.type}${i}`}>
            <h3>{documentTypeLabel(t, d.type)}</h3>
            <Facts
              facts={[
                { label: t('person.doc.number'), value: d.number },
                ...(d.issued_by ? [{ label: t('person.doc.issuedBy'), value: d.issued_by }] : []),
                ...(d.issued_at ? [{ label: t('person.doc.issuedAt'), value: formatDate(d.issued_at) }] : []),
                ...(d.expiration_date
                  ? [{ label: t('person.doc.expirationDate'), value: formatDate(d.expiration_date) }]
                  : []),
              ]}
            />
          </div>
        ))}
      </Section>
      <Section id="person-addresses" title={t('person.section.addresses')}>
        <Facts
          facts={p.addresses.map((a) => ({
            label: codeLabel(t, 'person.address.', a.type, 'person.section.addresses'),
            value: addressLine(t, a),
          }))}
        />
      </Section>
      <Section id="person-contacts" title={t('person.section.contacts')}>
        <Facts facts={contacts} />
      </Section>
      <Section id="person-emergency" title={t('person.section.emergency')}>
        <Facts
          facts={[
            {
              label: t('person.fullName'),
              value: [ec.last_name, ec.first_name, ec.second_name].filter(Boolean).join(' '),
            },
            {
              label: t('person.phones'),
              value: ec.phones.map((ph) => `${ph.number} (${phoneTypeLabel(t, ph.type)})`).join(', ') || none,
            },
          ]}
        />
      </Section>
      <Section id="person-auth" title={t('person.section.auth')}>
        {view.authenticationMethods.length === 0 ? (
          <p>{t('person.auth.none')}</p>
        ) : (
          <ul className="person__list person__methods">
            {view.authenticationMethods.map((m) => (
              <li key={m.id} className={m.active ? '' : 'person__inactive'}>
                <span data-private="">{authMethodLabel(t, m)}</span>
                {m.alias && <span data-private="">{` — ${t('person.auth.alias', { alias: m.alias })}`}</span>}
                {m.confidantName && (
                  <span data-private="">{` — ${t('person.auth.confidant', { name: m.confidantName })}`}</span>
                )}
                <span>
                  {' — '}
                  {m.active
                    ? m.startedAt
                      ? t('person.auth.active', { date: formatDate(m.startedAt) })
                      : t('person.auth.activeNoDate')
                    : t('person.auth.inactive')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="person-verification" title={t('person.section.verification')}>
        <Facts
          facts={[
            {
              label: t('person.verification.overall'),
              value: checkLine(t, { part: 'overall', status: view.verification.status }),
              private: false,
            },
            ...view.verification.parts.map((part) => ({
              label: verificationPartLabel(t, part.part),
              value: checkLine(t, part),
              // eHealth's free-text note may name documents or numbers: not read aloud
              private: part.comment !== null,
            })),
          ]}
        />
      </Section>
    </>
  );
}
