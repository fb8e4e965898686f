import { createContext, useContext, useId } from 'react';
import type { PersonDraft } from '#shared/contract/person';
import type { RuleViolation } from '#shared/rules/person/index';
import { ChoiceGroup, type Choice } from '../../components/ChoiceGroup';
import { OnScreenKeyboard, type KeyboardLabels } from '../../components/OnScreenKeyboard/OnScreenKeyboard';
import type { Translate } from '../../i18n/translate';
import type { MessageKey } from '../../i18n/uk';
import type { FieldCodec } from './codecs';

/** The field the on-screen keyboard types into. */
export interface ActiveField {
  key: string;
  label: string;
  codec: FieldCodec;
}

/**
 * What the form's fields share: the draft being edited and the one way to change it, values by key
 * (a draft path like `documents.0.number`, or a `q:`-key for a search box that is not part of the
 * person), the active field, the violations. The form that shows the sections provides it (the
 * change form from the person store; another form from its own draft): the sections never read a
 * store's draft themselves.
 */
export interface EditContextValue {
  t: Translate;
  keyboardLabels: KeyboardLabels;
  draft: PersonDraft;
  updateDraft(change: (draft: PersonDraft) => void): void;
  valueOf(key: string): string;
  setValue(key: string, value: string): void;
  active: ActiveField | null;
  /** Opens the keyboard at a field; null closes it. */
  activate(field: ActiveField | null): void;
  /** The rule violations shown at this field (empty until the patient first tried to continue). */
  violationsAt(key: string): RuleViolation[];
}

export const EditContext = createContext<EditContextValue | null>(null);

export function useEdit(): EditContextValue {
  const ctx = useContext(EditContext);
  if (!ctx) throw new Error('a person form field outside the form');
  return ctx;
}

export function FieldErrors({ id, messages }: { id: string; messages: readonly string[] }) {
  if (!messages.length) return null;
  return (
    <div id={id}>
      {messages.map((m) => (
        <p key={m} className="pfield__error">
          {m}
        </p>
      ))}
    </div>
  );
}

export interface PersonFieldProps {
  /** Draft path, or a `q:` key for a search box. */
  fieldKey: string;
  label: string;
  codec: FieldCodec;
  hint?: string;
}

/**
 * A text field of the form. Touching it opens the on-screen keyboard right under it (one keyboard
 * at a time, so it never covers another field); a physical keyboard works too. A mistake is announced with the field (aria-invalid and the message
 * as its description) and written right under it.
 */
export function PersonField({ fieldKey, label, codec, hint }: PersonFieldProps) {
  const { valueOf, setValue, active, activate, violationsAt, t, keyboardLabels } = useEdit();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const messages = violationsAt(fieldKey).map((v) => t(`rule.${v.rule}` as MessageKey));
  const stored = valueOf(fieldKey);
  const isActive = active?.key === fieldKey;
  const describedBy = [hint ? hintId : '', messages.length ? errorId : ''].filter(Boolean).join(' ');
  const focus = () => {
    if (!isActive) activate({ key: fieldKey, label, codec });
  };
  return (
    <div className="pfield">
      <label className="pfield__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <span id={hintId} className="pfield__hint">
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
        aria-invalid={messages.length > 0}
        aria-describedby={describedBy || undefined}
        maxLength={codec.layout === 'uk' || codec.layout === 'en' ? codec.maxLength : undefined}
        value={codec.display(stored)}
        onFocus={focus}
        onClick={focus}
        onChange={(e) => setValue(fieldKey, codec.fromTyped(codec.fromInput(e.currentTarget.value)))}
      />
      <FieldErrors id={errorId} messages={messages} />
      {isActive && (
        <OnScreenKeyboard
          layout={codec.layout}
          value={codec.toTyped(stored)}
          onChange={(typed) => setValue(fieldKey, codec.fromTyped(typed))}
          labels={{ ...keyboardLabels, group: t('personEdit.keyboardFor', { field: label }) }}
          maxLength={codec.maxLength}
          revealOnMount
        />
      )}
    </div>
  );
}

export interface ChoiceFieldProps<T extends string> {
  fieldKey: string;
  label: string;
  choices: readonly Choice<T>[];
}

/** One of a few values (gender, document type…), as pressed buttons, with its messages below. */
export function ChoiceField<T extends string>({ fieldKey, label, choices }: ChoiceFieldProps<T>) {
  const { valueOf, setValue, violationsAt, t } = useEdit();
  const id = useId();
  const messages = violationsAt(fieldKey).map((v) => t(`rule.${v.rule}` as MessageKey));
  return (
    <div className="pfield">
      <span className="pfield__label" aria-hidden="true">
        {label}
      </span>
      <ChoiceGroup
        label={label}
        choices={choices}
        value={valueOf(fieldKey) as T}
        onChange={(v) => setValue(fieldKey, v)}
      />
      <FieldErrors id={`${id}-error`} messages={messages} />
    </div>
  );
}

/** Messages about a whole list (no documents, two residence addresses…), at the top of its group. */
export function GroupErrors({ fieldKey }: { fieldKey: string }) {
  const { violationsAt, t } = useEdit();
  const id = useId();
  return (
    <FieldErrors id={id} messages={violationsAt(fieldKey).map((v) => t(`rule.${v.rule}` as MessageKey))} />
  );
}
