import { useEffect, useMemo, useRef, useState } from 'react';
import type { MouseEvent } from 'react';
import KeyboardReact from 'react-simple-keyboard';
import type { KeyboardButtonAttributes, SimpleKeyboard } from 'react-simple-keyboard';
import 'react-simple-keyboard/build/css/index.css';
import type { KeySymbol } from '../../i18n/types';
import { hasScripts, isFunctionKey, keysOf, kioskLayouts, layoutNameOf, SCRIPT_KEY } from './layouts';
import type { KeyboardLayoutId, Script } from './layouts';

/** Words for the keys, in the visitor's language (this component does not read any store). */
export interface KeyboardLabels {
  group: string;
  backspace: string;
  shift: string;
  space: string;
  /** Visible text on the space bar. */
  spaceKey: string;
  symbols: Record<KeySymbol, string>;
  /** The script key of the password keyboard: its spoken name while Latin / Ukrainian letters are on. */
  toCyrillic: string;
  toLatin: string;
  /** Always shown above a two-script keyboard: which letters it types now. */
  scriptNow: Record<Script, string>;
}

/** What the script key shows: the letters it switches to. */
const SCRIPT_KEY_FACE: Record<Script, string> = { latin: 'АБВ', cyrillic: 'ABC' };

export interface OnScreenKeyboardProps {
  layout: KeyboardLayoutId;
  value: string;
  onChange(next: string): void;
  labels: KeyboardLabels;
  maxLength?: number;
  /** Opened by a touch on its field: scroll it into view (above the screen's action bar). */
  revealOnMount?: boolean;
}

const isKeySymbol = (key: string, symbols: Record<KeySymbol, string>): key is KeySymbol =>
  Object.hasOwn(symbols, key);

/** The spoken name of a key: function keys and symbols by name, letters and digits as themselves. */
export function keyName(key: string, labels: KeyboardLabels, script: Script = 'latin'): string {
  if (key === SCRIPT_KEY) return script === 'latin' ? labels.toCyrillic : labels.toLatin;
  if (key === '{bksp}') return labels.backspace;
  if (key === '{shift}') return labels.shift;
  if (key === '{space}') return labels.space;
  if (isKeySymbol(key, labels.symbols)) return labels.symbols[key];
  return key;
}

/**
 * The on-screen keyboard (react-simple-keyboard). Keys are real <button>s with a spoken name, so a
 * screen reader, Tab + Enter and switch access work as well as touch. Shift is one-shot (the next
 * letter only): an accidental Shift then never turns a whole name into capitals. It never echoes or
 * announces what was typed: the field above it decides what is shown (masked for passwords).
 *
 * The password keyboard has two scripts: Latin letters (where it starts) and Ukrainian ones, with
 * a key between them. Which letters it types is always written above the keys — a Cyrillic «а» and
 * a Latin «a» look the same on a key, but never on this line — and the line is announced when it
 * changes.
 */
export function OnScreenKeyboard({
  layout,
  value,
  onChange,
  labels,
  maxLength,
  revealOnMount = false,
}: OnScreenKeyboardProps) {
  const keyboard = useRef<SimpleKeyboard | null>(null);
  const group = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // jsdom has no layout and no scrollIntoView
    if (revealOnMount) group.current?.scrollIntoView?.({ block: 'nearest' });
  }, [revealOnMount]);
  // shift belongs to one layout: switching layouts starts unshifted
  const [shift, setShift] = useState<{ layout: KeyboardLayoutId; on: boolean }>({ layout, on: false });
  const [script, setScript] = useState<Script>('latin');
  const spec = kioskLayouts[layout];
  const twoScripts = hasScripts(spec);
  const activeScript: Script = twoScripts ? script : 'latin';
  const shifted = shift.layout === layout && shift.on && spec.rows.shift !== undefined;

  useEffect(() => {
    const kb = keyboard.current;
    if (kb && kb.getInput() !== value) kb.setInput(value);
  }, [value]);

  const buttonAttributes = useMemo<KeyboardButtonAttributes[]>(
    () => [
      ...keysOf(spec).map((key) => ({
        attribute: 'aria-label',
        value: keyName(key, labels, activeScript),
        buttons: key,
      })),
      { attribute: 'type', value: 'button', buttons: keysOf(spec).join(' ') },
      ...(spec.rows.shift ? [{ attribute: 'aria-pressed', value: String(shifted), buttons: '{shift}' }] : []),
    ],
    [spec, labels, shifted, activeScript],
  );

  const display = useMemo(
    () => ({
      ...spec.display,
      '{bksp}': '⌫',
      '{shift}': '⇧',
      '{space}': labels.spaceKey,
      [SCRIPT_KEY]: SCRIPT_KEY_FACE[activeScript],
    }),
    [spec, labels.spaceKey, activeScript],
  );

  const onKeyPress = (button: string): void => {
    if (button === SCRIPT_KEY) {
      setScript(activeScript === 'latin' ? 'cyrillic' : 'latin');
      setShift({ layout, on: false });
    } else if (button === '{shift}') setShift({ layout, on: !shifted });
    else if (shifted && !isFunctionKey(button)) setShift({ layout, on: false });
  };

  const onKeyboardChange = (input: string): void => {
    if (spec.accepts.test(input)) onChange(input);
    else keyboard.current?.setInput(value);
  };

  // Enter/Space on a focused key fires a click with detail 0; simple-keyboard listens to pointers only.
  const onKeyboardActivation = (e: MouseEvent<HTMLDivElement>): void => {
    if (e.detail !== 0 || !(e.target instanceof Element)) return;
    const key = e.target.closest('[data-skbtn]')?.getAttribute('data-skbtn');
    if (key) keyboard.current?.handleButtonClicked(key);
  };

  return (
    <div
      ref={group}
      role="group"
      aria-label={labels.group}
      className={twoScripts ? `osk osk--${activeScript}` : 'osk'}
      onClick={onKeyboardActivation}
    >
      {twoScripts && (
        <p className="osk__script" role="status">
          {labels.scriptNow[activeScript]}
        </p>
      )}
      <KeyboardReact
        keyboardRef={(instance: SimpleKeyboard) => {
          keyboard.current = instance;
        }}
        layout={spec.rows}
        layoutName={layoutNameOf(activeScript, shifted)}
        display={display}
        buttonAttributes={buttonAttributes}
        onChange={onKeyboardChange}
        onKeyPress={onKeyPress}
        maxLength={maxLength}
        theme="hg-theme-default osk__keyboard"
        useButtonTag
        disableCaretPositioning
        disableButtonHold
        preventMouseDownDefault
      />
    </div>
  );
}
