import { BigButton } from '../../components/BigButton';
import { ScreenTitle } from '../../components/ScreenTitle';
import { Toggle } from '../../components/Toggle';
import { errorText } from '../../i18n/errors';
import { useT } from '../../i18n/useT';
import {
  EDIT_SECTIONS,
  type EditSection,
  selectSubmitting,
  usePersonStore,
  violationsBySection,
} from '../../stores/person';
import { useUiStore } from '../../stores/ui';
import '../PersonData/person.css';
import { AddressesSection } from './AddressEditor';
import { EditContext } from './EditContext';
import { ContactsSection, DocumentsSection, EmergencySection, MainSection } from './sections';
import { useEditForm } from './useEditForm';

/**
 * The change form: one part at a time (name and birth, documents, addresses, contacts, emergency
 * contact), with the on-screen keyboard under the field being typed. "Check and continue"
 * runs eHealth's person rules here first — each mistake is written under its field, and the part
 * with the first one opens — then main checks again and asks eHealth to create the request.
 */
export function PersonEdit() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const view = usePersonStore((s) => s.view.data);
  const submitting = usePersonStore(selectSubmitting);
  const submitError = usePersonStore((s) => s.submission.error);
  const {
    draft,
    section,
    consent,
    showErrors,
    violations,
    violationSource,
    setSection,
    updateDraft,
    setConsent,
    submit,
    cancelChange,
  } = usePersonStore();
  const ctx = useEditForm({ draft, updateDraft, violations });

  if (!view || !ctx) return null;
  const counts = violationsBySection(violations);
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
      <div className="screen person-edit">
        <ScreenTitle>{t('personEdit.title')}</ScreenTitle>
        <p className="screen__lead">{t('personEdit.lead')}</p>
        <p className="screen__help">{t('personEdit.chooseField')}</p>

        {showErrors && violations.length > 0 && (
          <div role="alert" className="person__errors">
            <p>
              {violationSource === 'ehealth'
                ? t('personEdit.errorsFromEhealth')
                : t('personEdit.errors', { count: violations.length })}
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
        {submitError && (
          <p role="alert" className="person__errors">
            {errorText(language, submitError)}
          </p>
        )}

        <div role="group" aria-label={t('personEdit.sections')} className="choice-group person-edit__tabs">
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

        <section className="person__section" aria-labelledby="person-edit-section">
          <h2 id="person-edit-section">{t(`personEdit.tab.${section}`)}</h2>
          {section === 'main' && <MainSection taxId={view.taxId} noTaxId={view.noTaxId} />}
          {section === 'documents' && <DocumentsSection />}
          {section === 'addresses' && <AddressesSection />}
          {section === 'contacts' && <ContactsSection />}
          {section === 'emergency' && <EmergencySection />}
        </section>

        <Toggle label={t('personEdit.consent')} checked={consent} onChange={setConsent} />
        {showErrors && !consent && violations.length === 0 && (
          <p role="alert" className="pfield__error">
            {t('personEdit.consentNeeded')}
          </p>
        )}
        <div className="screen__actions">
          <BigButton variant="primary" onClick={() => void submit()} disabled={submitting}>
            {submitting ? t('personEdit.sending') : t('personEdit.continue')}
          </BigButton>
          <BigButton onClick={() => void cancelChange()}>{t('personEdit.cancel')}</BigButton>
        </div>
      </div>
    </EditContext.Provider>
  );
}
