import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { dictionaries } from '../../i18n/translate';
import { OnScreenKeyboard } from './OnScreenKeyboard';
import type { KeyboardLabels } from './OnScreenKeyboard';
import type { KeyboardLayoutId } from './layouts';

const labels: KeyboardLabels = {
  group: 'Екранна клавіатура',
  backspace: 'Стерти',
  shift: 'Велика літера',
  space: 'Пробіл',
  spaceKey: 'пробіл',
  symbols: dictionaries.uk.keySymbols,
};

let typed = '';
function Harness({ layout, maxLength }: { layout: KeyboardLayoutId; maxLength?: number }) {
  const [value, setValue] = useState('');
  const record = (next: string) => {
    typed = next;
    setValue(next);
  };
  return (
    <>
      <output data-testid="value">{value}</output>
      <OnScreenKeyboard
        layout={layout}
        value={value}
        onChange={record}
        labels={labels}
        maxLength={maxLength}
      />
    </>
  );
}

beforeEach(() => {
  typed = '';
});

/** The (first) key with that spoken name; Shift appears twice on letter layouts. */
const key = (name: string) => screen.getAllByRole('button', { name })[0] as HTMLElement;
const press = (name: string) => fireEvent.pointerDown(key(name));

describe('OnScreenKeyboard', () => {
  it('types Ukrainian letters, including ґ є і ї, as real named buttons', () => {
    render(<Harness layout="uk" />);
    for (const letter of ['ґ', 'є', 'і', 'ї']) press(letter);
    expect(typed).toBe('ґєії');
    expect(screen.getByRole('group', { name: 'Екранна клавіатура' })).toBeInTheDocument();
  });

  it('has a spoken name on every key', () => {
    render(<Harness layout="uk" />);
    const keys = screen.getByRole('group', { name: 'Екранна клавіатура' }).querySelectorAll('button');
    expect(keys.length).toBeGreaterThan(40);
    for (const k of keys) expect(k.getAttribute('aria-label')?.trim()).toBeTruthy();
    expect(key('Стерти')).toBeInTheDocument();
    expect(key('Пробіл')).toBeInTheDocument();
    expect(key('крапка')).toBeInTheDocument();
  });

  it('shows the apostrophe key as ʼ but types the ASCII apostrophe eHealth accepts', () => {
    render(<Harness layout="uk" />);
    const apostrophe = key('апостроф');
    expect(apostrophe).toHaveTextContent('ʼ');
    press('м');
    press('апостроф');
    press('я');
    expect(typed).toBe("м'я");
  });

  it('shift capitalises the next letter only, and says whether it is on', () => {
    render(<Harness layout="uk" />);
    const shifts = () => screen.getAllByRole('button', { name: 'Велика літера' });
    expect(shifts()).toHaveLength(2);
    for (const s of shifts()) expect(s).toHaveAttribute('aria-pressed', 'false');
    press('Велика літера');
    for (const s of shifts()) expect(s).toHaveAttribute('aria-pressed', 'true');
    press('Ш');
    press('е');
    expect(typed).toBe('Ше');
    for (const s of shifts()) expect(s).toHaveAttribute('aria-pressed', 'false');
  });

  it('deletes with backspace and types spaces', () => {
    render(<Harness layout="en" />);
    press('a');
    press('Пробіл');
    press('b');
    press('Стерти');
    expect(typed).toBe('a ');
  });

  it('works from a focused key with Enter (click without a pointer), for switch and keyboard users', () => {
    render(<Harness layout="en" />);
    fireEvent.click(key('q'), { detail: 0 });
    fireEvent.click(key('w'), { detail: 0 });
    expect(typed).toBe('qw');
  });

  it('does not type twice when a pointer press is followed by its click', () => {
    render(<Harness layout="en" />);
    press('z');
    fireEvent.click(key('z'), { detail: 1 });
    expect(typed).toBe('z');
  });

  it('offers only digits on the digit and phone pads, and respects the length limit', () => {
    render(<Harness layout="phone" maxLength={3} />);
    expect(screen.queryByRole('button', { name: 'a' })).toBeNull();
    for (const d of ['0', '6', '7', '1']) press(d);
    expect(typed).toBe('067');
  });

  it('drops Tab, Caps Lock, Enter and the .com key', () => {
    render(<Harness layout="en" />);
    const texts = [...screen.getByRole('group').querySelectorAll('button')].map((b) => b.dataset.skbtn);
    for (const dropped of ['{tab}', '{lock}', '{enter}', '.com']) expect(texts).not.toContain(dropped);
  });
});
