import { useMemo } from 'react';
import { BigButton } from '../../components/BigButton';
import { ScreenTitle } from '../../components/ScreenTitle';
import { errorText } from '../../i18n/errors';
import { useT } from '../../i18n/useT';
import { selectSigning, usePersonStore } from '../../stores/person';
import { useUiStore } from '../../stores/ui';
import { changedFieldLabels } from '../PersonData/labels';
import '../PersonData/person.css';
import { sanitizedPrintoutHtml } from './sanitize';

/**
 * The patient reads what eHealth prepared — its printout, sanitised (text structure only, nothing
 * that runs, loads or links out) — and what changes, then signs. Signing happens in main, over the
 * exact request eHealth returned; the renderer only says "sign request X".
 */
export function PersonReview() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const { request, sign, backToEdit, cancelChange } = usePersonStore();
  const signing = usePersonStore(selectSigning);
  const signError = usePersonStore((s) => s.signature.error);
  const printout = useMemo(() => (request ? sanitizedPrintoutHtml(request.printoutHtml) : ''), [request]);
  if (!request) return null;
  const changed = changedFieldLabels(t, request.changed);

  return (
    <div className="screen person-review">
      <ScreenTitle>{t('personReview.title')}</ScreenTitle>
      <p className="screen__lead">{t('personReview.lead')}</p>
      <section className="person__section" aria-labelledby="person-review-changes">
        <h2 id="person-review-changes">{t('personReview.changes')}</h2>
        {changed.length ? (
          <ul className="person__list">
            {changed.map((label) => (
              <li key={label}>{label}</li>
            ))}
          </ul>
        ) : (
          <p>{t('personReview.noChanges')}</p>
        )}
      </section>
      <div className="person__section">
        <h2 id="person-review-printout">{t('personReview.printout')}</h2>
        <div
          className="printout"
          role="region"
          aria-labelledby="person-review-printout"
          tabIndex={0}
          data-private=""
          // sanitised above: text structure only, no attributes, no scripts, no links, nothing remote
          dangerouslySetInnerHTML={{ __html: printout }}
        />
      </div>
      {signing && <p role="status">{t('personReview.signing')}</p>}
      {signError && (
        <p role="alert" className="person__errors">
          {errorText(language, signError)}
        </p>
      )}
      <div className="screen__actions">
        <BigButton variant="primary" onClick={() => void sign()} disabled={signing}>
          {t('personReview.sign')}
        </BigButton>
        <BigButton onClick={() => void backToEdit()} disabled={signing}>
          {t('personReview.back')}
        </BigButton>
        <BigButton onClick={() => void cancelChange()} disabled={signing}>
          {t('personReview.cancel')}
        </BigButton>
      </div>
    </div>
  );
}
