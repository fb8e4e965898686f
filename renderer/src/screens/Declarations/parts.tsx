import type { ReactNode } from 'react';
import type { DeclarationSummary } from '#shared/contract/declarations';
import type { KioskError } from '#shared/result';
import { BigButton } from '../../components/BigButton';
import { errorText } from '../../i18n/errors';
import type { Translate } from '../../i18n/translate';
import type { Language } from '../../i18n/types';
import { endedLabel, endReasonLine, formatDate, isInForce, specialityText, statusText } from './texts';
import './cabinet.css';

/** A definition list that leaves out what is unknown. */
export function Facts({ rows }: { rows: [string, ReactNode | null | undefined][] }) {
  const shown = rows.filter(([, v]) => v !== null && v !== undefined && v !== '');
  return (
    <dl className="cabinet__facts">
      {shown.map(([label, value]) => (
        <div key={label} className="cabinet__facts-row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** An error in the patient's language, with a way to try again. */
export function ErrorNote(props: {
  error: KioskError;
  language: Language;
  retryLabel?: string;
  onRetry?: () => void;
}) {
  return (
    <div className="cabinet__error" role="alert">
      <p>{errorText(props.language, props.error)}</p>
      {props.onRetry && props.retryLabel && <BigButton onClick={props.onRetry}>{props.retryLabel}</BigButton>}
    </div>
  );
}

/**
 * Everything a patient wants to know about one declaration. One in force shows since when and
 * until when it is planned; one that ended shows when and why it ended (never its old plan).
 */
export function DeclarationFacts({
  d,
  t,
  language,
}: {
  d: DeclarationSummary;
  t: Translate;
  language: Language;
}) {
  const ended = !isInForce(d.status);
  return (
    <Facts
      rows={[
        [t('declarations.doctor'), d.doctor?.fullName ?? t('declarations.unknownDoctor')],
        [t('declarations.speciality'), specialityText(t, d.doctor?.speciality ?? null)],
        [t('declarations.clinic'), d.clinic?.divisionName],
        [t('declarations.provider'), d.clinic?.legalEntityName],
        [t('declarations.address'), d.clinic?.address],
        [t('declarations.phone'), d.clinic?.phones.join(', ')],
        [t('declarations.status'), statusText(t, d.status)],
        [t(ended ? 'declarations.started' : 'declarations.since'), formatDate(language, d.startDate)],
        ended
          ? [endedLabel(t, d.status), formatDate(language, d.endedOn)]
          : [t('declarations.until'), formatDate(language, d.endDate)],
        [t('declarations.number'), d.number],
        [t('declarations.reason'), ended ? endReasonLine(t, d) : null],
      ]}
    />
  );
}
