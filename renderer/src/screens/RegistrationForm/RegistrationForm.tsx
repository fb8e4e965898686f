import { useCallback, useMemo } from 'react';
import { BigButton } from '../../components/BigButton';
import { ScreenTitle } from '../../components/ScreenTitle';
import type { RuleViolation } from '#shared/rules/person/index';
import type { Translate } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { EDIT_SECTIONS, type EditSection, violationsBySection } from '../../stores/person';
import { selectPrefill, useRegistrationStore } from '../../stores/registration';
import '../PersonData/person.css';
import { AddressesSection } from '../PersonEdit/AddressEditor';
import { placeOf } from '../PersonEdit/draft-paths';
import { EditContext, type EditContextValue } from '../PersonEdit/EditContext';
import { ContactsSection, DocumentsSection, EmergencySection } from '../PersonEdit/sections';
import { useEditForm } from '../PersonEdit/useEditForm';
import '../RegistrationIntro/registration.css';
import { NameChanged, RegistrationMainSection } from './MainSection';

/** Nothing shown before the patient first tries to continue. */
const NONE: readonly RuleViolation[] = [];

/** Where a violation is shown: the secret word has a field of its own here; the rest as in the change form. */
const placeInForm = (path: string): string => (path === 'secret' ? 'secret' : placeOf(path));

/**
 * The registration form: the change form's parts (the person's main details with the names and tax
 * id from the key, documents, addresses from the eHealth address directory, contacts, the emergency
 * contact) with the same fields, keyboards, rules and messages, plus the secret word. "Check and
 * continue" runs eHealth's rules here; each mistake is written under its field and its part opens.
 */
export function RegistrationForm() {
  const baseT = useT();
  const prefill = useRegistrationStore(selectPrefill);
  const {
    draft,
    secret,
    section,
    showErrors,
    violations,
    violationSource,
    nameChanged,
    setSection,
    updateDraft,
    setSecret,
    checkForm,
    cancel,
  } = useRegistrationStore();
  const shown = showErrors ? violations : NONE;
  const base = useEditForm({ draft, updateDraft, violations: shown });
  // the change form's message for the secret word is about one already on file: registration has its own
  const t = useCallback<Translate>(
    (key, params) => baseT(key === 'rule.secret.length' ? 'registration.secretRule' : key, params),
    [baseT],
  );
  // the secret word is typed here (the change form never shows it) and kept beside the draft
  const ctx = useMemo<EditContextValue | null>(
    () =>
      base && {
        ...base,
        t,
        valueOf: (key) => (key === 'secret' ? secret : base.valueOf(key)),
        setValue: (key, value) => (key === 'secret' ? setSecret(value) : base.setValue(key, value)),
        violationsAt: (key) => shown.filter((v) => placeInForm(v.path) === key),
      },
    [base, t, secret, setSecret, shown],
  );

  if (!prefill || !ctx) return null;
  const counts = violationsBySection(shown);
  const tabLabel = (s: EditSection) => {
    const base = t(`personEdit.tab.${s}`);
    return counts[s] ? `${base} (${counts[s]})` : base;
  };
  const chooseSection = (s: EditSection) => {
    setSection(s);
    ctx.activate(null);
  };

  return (
    <EditContext.Provider value={ctx}>
      <div className="screen person-edit registration">
        <ScreenTitle>{t('registration.formTitle')}</ScreenTitle>
        <p className="screen__lead">{t('registration.formLead')}</p>

        {shown.length > 0 && (
          <div role="alert" className="person__errors">
            <p>
              {violationSource === 'ehealth'
                ? t('registration.errorsFromEhealth')
                : t('registration.errors', { count: shown.length })}
            </p>
            <div className="person-edit__row">
              {EDIT_SECTIONS.filter((s) => counts[s] > 0 && s !== section).map((s) => (
                <BigButton key={s} onClick={() => chooseSection(s)}>
                  {t('personEdit.goToSection', { section: t(`personEdit.tab.${s}`) })}
                </BigButton>
              ))}
            </div>
          </div>
        )}

        {nameChanged ? (
          <NameChanged prefill={prefill} />
        ) : (
          <>
            <div
              role="group"
              aria-label={t('personEdit.sections')}
              className="choice-group person-edit__tabs"
            >
              {EDIT_SECTIONS.map((s) => (
                <button
                  key={s}
                  type="button"
                  className="choice-group__choice"
                  aria-pressed={s === section}
                  onClick={() => chooseSection(s)}
                >
                  {tabLabel(s)}
                </button>
              ))}
            </div>

            <section className="person__section" aria-labelledby="registration-form-section">
              <h2 id="registration-form-section">{t(`personEdit.tab.${section}`)}</h2>
              {section === 'main' && <RegistrationMainSection prefill={prefill} />}
              {section === 'documents' && <DocumentsSection />}
              {section === 'addresses' && <AddressesSection />}
              {section === 'contacts' && <ContactsSection />}
              {section === 'emergency' && <EmergencySection />}
            </section>

            <div className="screen__actions">
              <BigButton variant="primary" onClick={checkForm}>
                {t('registration.check')}
              </BigButton>
              <BigButton onClick={cancel}>{t('registration.cancel')}</BigButton>
            </div>
          </>
        )}
      </div>
    </EditContext.Provider>
  );
}
