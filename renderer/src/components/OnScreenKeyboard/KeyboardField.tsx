import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { normalizeApostrophes } from '#shared/rules/apostrophe';
import {
  cleanLocalDigits,
  localDigitsOfPhone,
  phoneFromLocalDigits,
  UA_PHONE_LOCAL_DIGITS,
  UA_PHONE_PREFIX,
} from '#shared/rules/phone';
import { BigButton } from '../BigButton';
import { OnScreenKeyboard } from './OnScreenKeyboard';
import type { KeyboardLabels } from './OnScreenKeyboard';
import { kioskLayouts } from './layouts';
import type { KeyboardLayoutId } from './layouts';

export interface KeyboardFieldProps {
  label: string;
  /** For `phone`: the full `+380…` number ('' when empty). */
  value: string;
  onChange(next: string): void;
  layout: KeyboardLayoutId;
  keyboardLabels: KeyboardLabels;
  /** Password entry: characters hidden (with a Show button), never altered, never announced. */
  masked?: boolean;
  showLabel: string;
  hideLabel: string;
  /** Spoken hint for the phone layout ("starts with +380"). */
  phonePrefixLabel: string;
  maxLength?: number;
  /**
   * On a screen with more than one field, only the field being typed in shows its keyboard (one
   * keyboard on screen at a time); touching another field asks for its keyboard. Default: shown.
   */
  keyboardShown?: boolean;
  onWantsKeyboard?(): void;
  /** The field appeared because the patient asked to type in it: bring its keyboard into view. */
  revealKeyboard?: boolean;
}

/**
 * A text field typed on the on-screen keyboard (a physical keyboard works too). Text is cleaned on
 * the way in: typographic apostrophes become the ASCII one eHealth accepts, digit layouts keep only
 * digits. A password is never cleaned: it must reach the key exactly as typed.
 *
 * The <input> is uncontrolled on purpose: React mirrors a controlled value into the `value`
 * attribute, which would put a password into the DOM markup.
 */
export function KeyboardField(props: KeyboardFieldProps) {
  const { label, value, onChange, layout, keyboardLabels, masked = false, maxLength } = props;
  const keyboardShown = props.keyboardShown ?? true;
  // a keyboard shown later than its field (a touch asked for it) is scrolled into view
  const [askedFor, setAskedFor] = useState(false);
  const wantKeyboard = (): void => {
    if (keyboardShown) return;
    setAskedFor(true);
    props.onWantsKeyboard?.();
  };
  const id = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [revealed, setRevealed] = useState(false);

  const isPhone = layout === 'phone';
  const typed = isPhone ? localDigitsOfPhone(value) : value;
  const limit = isPhone ? UA_PHONE_LOCAL_DIGITS : maxLength;

  useLayoutEffect(() => {
    if (input.current && input.current.value !== typed) input.current.value = typed;
  }, [typed]);

  const accept = (raw: string): string => {
    if (isPhone) return cleanLocalDigits(raw);
    if (!kioskLayouts[layout].accepts.test(raw)) return typed;
    return masked ? raw : normalizeApostrophes(raw);
  };
  const emit = (keyboardText: string): void => {
    const clean = accept(keyboardText);
    if (isPhone) onChange(clean ? phoneFromLocalDigits(clean) : '');
    else onChange(clean);
  };
  const onPhysicalInput = (e: FormEvent<HTMLInputElement>): void => {
    const clean = accept(e.currentTarget.value);
    e.currentTarget.value = clean;
    emit(clean);
  };

  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="field__row">
        {isPhone && (
          <span className="field__prefix" aria-hidden="true">
            {UA_PHONE_PREFIX}
          </span>
        )}
        <input
          ref={input}
          id={id}
          className="field__input"
          type={masked && !revealed ? 'password' : 'text'}
          inputMode="none"
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={limit}
          aria-describedby={isPhone ? hintId : undefined}
          onInput={onPhysicalInput}
          onFocus={wantKeyboard}
          onPointerDown={wantKeyboard}
        />
        {masked && (
          <BigButton aria-controls={id} onClick={() => setRevealed((r) => !r)}>
            {revealed ? props.hideLabel : props.showLabel}
          </BigButton>
        )}
      </div>
      {isPhone && (
        <span id={hintId} className="visually-hidden">
          {props.phonePrefixLabel}
        </span>
      )}
      {keyboardShown && (
        <OnScreenKeyboard
          layout={layout}
          value={typed}
          onChange={emit}
          labels={keyboardLabels}
          maxLength={limit}
          revealOnMount={askedFor || (props.revealKeyboard ?? false)}
        />
      )}
    </div>
  );
}
