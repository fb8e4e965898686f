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
  toCyrillic: 'Перейти на українські літери',
  toLatin: 'Перейти на латинські літери',
  scriptNow: { latin: 'Зараз літери латинські (ABC)', cyrillic: 'Зараз літери українські (АБВ)' },
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

  describe('the password keyboard', () => {
    const scriptLine = () => screen.getByText(/^Зараз літери/);

    it('starts on Latin letters in the Ukrainian interface, and always says which letters it types', () => {
      render(<Harness layout="password" />);
      expect(scriptLine()).toHaveTextContent('Зараз літери латинські (ABC)');
      for (const key of ['o', 'l', 'e', 'n', 'a', 'дефіс', '4', '2']) press(key);
      expect(typed).toBe('olena-42');
      expect([...typed].every((ch) => ch.charCodeAt(0) < 128)).toBe(true);
    });

    it('switches to Ukrainian letters and back with one key, named for where it goes', () => {
      render(<Harness layout="password" />);
      press('a');
      press('Перейти на українські літери');
      expect(scriptLine()).toHaveTextContent('Зараз літери українські (АБВ)');
      expect(key('Перейти на латинські літери')).toHaveTextContent('ABC');
      press('а');
      press('ї');
      press('Перейти на латинські літери');
      expect(scriptLine()).toHaveTextContent('Зараз літери латинські (ABC)');
      expect(key('Перейти на українські літери')).toHaveTextContent('АБВ');
      press('a');
      // Latin a, Cyrillic а and ї, Latin a: the same-looking letters stay what the line said
      expect([...typed].map((ch) => ch.codePointAt(0))).toEqual([0x61, 0x430, 0x457, 0x61]);
    });

    it('Shift gives capitals and the symbols above the digits, for one key', () => {
      render(<Harness layout="password" />);
      press('Велика літера');
      press('O');
      press('Велика літера');
      press('знак оклику');
      press('1');
      press('Велика літера');
      press('равлик');
      press('Велика літера');
      press('підкреслення');
      expect(typed).toBe('O!1@_');
    });

    it('offers every printable ASCII character, and names every key in both scripts', () => {
      render(<Harness layout="password" />);
      const keys = () => [
        ...screen.getByRole('group', { name: 'Екранна клавіатура' }).querySelectorAll('button'),
      ];
      const faces = new Set<string>();
      for (const shifted of [false, true]) {
        if (shifted) press('Велика літера');
        for (const k of keys()) {
          expect(k.getAttribute('aria-label')?.trim()).toBeTruthy();
          const face = k.getAttribute('data-skbtn') ?? '';
          if (face.length === 1) faces.add(face);
        }
      }
      for (let c = 0x21; c < 0x7f; c++)
        expect(faces, String.fromCharCode(c)).toContain(String.fromCharCode(c));
      press('Перейти на українські літери');
      for (const k of keys()) expect(k.getAttribute('aria-label')?.trim()).toBeTruthy();
    });
  });
});
