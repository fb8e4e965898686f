import { useId, useState } from 'react';
import type { ChildIdentity } from '#shared/contract/acting';
import { ADULT_AGE } from '#shared/rules/acting';
import { ageInYears, kyivDate } from '#shared/rules/age';
import {
  isValidDocumentNumber,
  isValidName,
  isValidTaxId,
  normalizeDocumentNumber,
  normalizeName,
} from '#shared/rules/person/index';
import { BigButton } from '../../components/BigButton';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { OnScreenKeyboard } from '../../components/OnScreenKeyboard/OnScreenKeyboard';
import { ScreenTitle } from '../../components/ScreenTitle';
import { errorText } from '../../i18n/errors';
import type { MessageKey } from '../../i18n/uk';
import { useKeyboardLabels, useT } from '../../i18n/useT';
import { selectOpening, useActingStore } from '../../stores/acting';
import { useUiStore } from '../../stores/ui';
import {
  dateCodec,
  digitsCodec,
  documentNumberCodec,
  textCodec,
  type FieldCodec,
} from '../PersonEdit/codecs';
import '../PersonData/person.css';
import './acting.css';

type FieldKey = 'lastName' | 'firstName' | 'secondName' | 'birthDate' | 'number';
type DocumentKind = ChildIdentity['document']['kind'];
type Draft = Record<FieldKey, string> & { kind: DocumentKind };

const EMPTY: Draft = {
  lastName: '',
  firstName: '',
  secondName: '',
  birthDate: '',
  number: '',
  kind: 'birth-certificate',
};

const nameCodec = textCodec('uk', 100);
const codecOf = (key: FieldKey, kind: DocumentKind): FieldCodec =>
  key === 'birthDate'
    ? dateCodec
    : key === 'number'
      ? kind === 'tax-id'
        ? digitsCodec(10)
        : documentNumberCodec('BIRTH_CERTIFICATE')
      : nameCodec;

/** What is wrong with the draft, by field (message keys); empty when it can be sent. */
export function draftProblems(d: Draft, today: string): Partial<Record<FieldKey, MessageKey>> {
  const out: Partial<Record<FieldKey, MessageKey>> = {};
  if (!isValidName(normalizeName(d.lastName))) out.lastName = 'acting.invalid.lastName';
  if (!isValidName(normalizeName(d.firstName))) out.firstName = 'acting.invalid.firstName';
  if (normalizeName(d.secondName) && !isValidName(normalizeName(d.secondName)))
    out.secondName = 'acting.invalid.secondName';
  const age = /^\d{4}-\d{2}-\d{2}$/.test(d.birthDate) ? ageInYears(d.birthDate, today) : null;
  if (age === null || age >= ADULT_AGE) out.birthDate = 'acting.invalid.birthDate';
  if (
    d.kind === 'tax-id'
      ? !isValidTaxId(d.number)
      : !isValidDocumentNumber('BIRTH_CERTIFICATE', normalizeDocumentNumber('BIRTH_CERTIFICATE', d.number))
  )
    out.number = d.kind === 'tax-id' ? 'acting.invalid.taxId' : 'acting.invalid.certificate';
  return out;
}

/** The identity main signs for eHealth. */
export function identityOf(d: Draft): ChildIdentity {
  return {
    lastName: normalizeName(d.lastName),
    firstName: normalizeName(d.firstName),
    secondName: normalizeName(d.secondName),
    birthDate: d.birthDate,
    document:
      d.kind === 'tax-id'
        ? { kind: 'tax-id', number: d.number }
        : { kind: 'birth-certificate', number: normalizeDocumentNumber('BIRTH_CERTIFICATE', d.number) },
  };
}

interface FieldProps {
  fieldKey: FieldKey;
  label: string;
  hint?: string;
  draft: Draft;
  active: FieldKey | null;
  problem: MessageKey | undefined;
  onActivate(key: FieldKey): void;
  onChange(key: FieldKey, value: string): void;
}

/** One field: touching it opens the on-screen keyboard right under it (one keyboard at a time). */
function ChildField({ fieldKey, label, hint, draft, active, problem, onActivate, onChange }: FieldProps) {
  const t = useT();
  const labels = useKeyboardLabels();
  const id = useId();
  const codec = codecOf(fieldKey, draft.kind);
  const stored = draft[fieldKey];
  const isActive = active === fieldKey;
  const describedBy = [hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="pfield">
      <label className="pfield__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <span id={`${id}-hint`} className="pfield__hint">
          {hint}
        </span>
      )}
      <input
        id={id}
        className="pfield__input"
        type="text"
        inputMode="none"
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        spellCheck={false}
        data-private=""
        data-active={isActive}
        aria-invalid={problem !== undefined}
        aria-describedby={describedBy || undefined}
        value={codec.display(stored)}
        onFocus={() => onActivate(fieldKey)}
        onClick={() => onActivate(fieldKey)}
        onChange={(e) => onChange(fieldKey, codec.fromTyped(codec.fromInput(e.currentTarget.value)))}
      />
      {problem && (
        <p id={`${id}-error`} className="pfield__error">
          {t(problem)}
        </p>
      )}
      {isActive && (
        <OnScreenKeyboard
          layout={codec.layout}
          value={codec.toTyped(stored)}
          onChange={(typed) => onChange(fieldKey, codec.fromTyped(typed))}
          labels={{ ...labels, group: t('acting.keyboardFor', { field: label }) }}
          maxLength={codec.maxLength}
        />
      )}
    </div>
  );
}

/**
 * «Діяти за дитину»: the parent identifies the child as eHealth asks (surname, name, patronymic,
 * date of birth, and the birth certificate's number or the tax id), typed on the on-screen keyboard;
 * then checks what they typed and signs with their own key (main signs in the signer process). The
 * draft lives in this screen's state only and goes with it.
 */
export function ActForChild() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const busy = useActingStore(selectOpening);
  const error = useActingStore((s) => s.opening.error);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [active, setActive] = useState<FieldKey | null>('lastName');
  const [showProblems, setShowProblems] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const problems = draftProblems(draft, kyivDate(new Date()));
  const shown = showProblems ? problems : {};

  const change = (key: FieldKey, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const setKind = (kind: DocumentKind) => {
    setDraft((d) => ({ ...d, kind, number: '' }));
    setActive('number');
  };
  const next = () => {
    setShowProblems(true);
    const first = (Object.keys(problems) as FieldKey[])[0];
    if (first) {
      setActive(first);
      return;
    }
    useActingStore.getState().clearError();
    setActive(null);
    setConfirming(true);
  };

  if (confirming) {
    const identity = identityOf(draft);
    return (
      <div className="screen">
        <ScreenTitle>{t('acting.confirmTitle')}</ScreenTitle>
        <p className="screen__lead">{t('acting.confirmLead')}</p>
        <dl className="acting__facts" data-private="">
          <div>
            <dt>{t('acting.child')}</dt>
            <dd>{[identity.lastName, identity.firstName, identity.secondName].filter(Boolean).join(' ')}</dd>
          </div>
          <div>
            <dt>{t('acting.born')}</dt>
            <dd>{dateCodec.display(identity.birthDate)}</dd>
          </div>
          <div>
            <dt>{t('acting.document')}</dt>
            <dd>
              {t(identity.document.kind === 'tax-id' ? 'acting.taxId' : 'acting.birthCertificate')}:{' '}
              {identity.document.number}
            </dd>
          </div>
        </dl>
        {error && (
          <p className="signin__error" role="alert">
            {errorText(language, error)}
          </p>
        )}
        <p role="status">{busy ? t('acting.signing') : ''}</p>
        <div className="screen__actions">
          <BigButton
            variant="primary"
            disabled={busy}
            onClick={() => void useActingStore.getState().start(identity)}
          >
            {t('acting.sign')}
          </BigButton>
          <BigButton disabled={busy} onClick={() => setConfirming(false)}>
            {t('acting.back')}
          </BigButton>
        </div>
      </div>
    );
  }

  const field = (key: FieldKey, label: MessageKey, hint?: MessageKey) => (
    <ChildField
      fieldKey={key}
      label={t(label)}
      {...(hint ? { hint: t(hint) } : {})}
      draft={draft}
      active={active}
      problem={shown[key]}
      onActivate={setActive}
      onChange={change}
    />
  );

  return (
    <div className="screen acting">
      <ScreenTitle>{t('acting.title')}</ScreenTitle>
      <p className="screen__lead">{t('acting.lead')}</p>
      {field('lastName', 'acting.lastName')}
      {field('firstName', 'acting.firstName')}
      {field('secondName', 'acting.secondName')}
      {field('birthDate', 'acting.birthDate', 'acting.birthDateHint')}
      <div className="pfield">
        <span className="pfield__label" aria-hidden="true">
          {t('acting.documentKind')}
        </span>
        <ChoiceGroup
          label={t('acting.documentKind')}
          choices={[
            { value: 'birth-certificate', label: t('acting.birthCertificate') },
            { value: 'tax-id', label: t('acting.taxId') },
          ]}
          value={draft.kind}
          onChange={setKind}
        />
      </div>
      {draft.kind === 'tax-id'
        ? field('number', 'acting.taxIdNumber')
        : field('number', 'acting.certificateNumber', 'acting.certificateHint')}
      <div className="screen__actions">
        <BigButton variant="primary" onClick={next}>
          {t('acting.continue')}
        </BigButton>
        <BigButton onClick={() => useUiStore.getState().goTo('home')}>{t('acting.back')}</BigButton>
      </div>
    </div>
  );
}
