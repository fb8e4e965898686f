import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { dictionaries } from '../../i18n/translate';
import { KeyboardField } from './KeyboardField';
import type { KeyboardLabels } from './OnScreenKeyboard';
import type { KeyboardLayoutId } from './layouts';

const labels: KeyboardLabels = {
  group: 'Keyboard',
  backspace: 'Delete',
  shift: 'Capital letter',
  space: 'Space',
  spaceKey: 'space',
  symbols: dictionaries.en.keySymbols,
  toCyrillic: 'Switch to Ukrainian letters',
  toLatin: 'Switch to Latin letters',
  scriptNow: { latin: 'Latin letters now (ABC)', cyrillic: 'Ukrainian letters now (АБВ)' },
};

let current = '';
function Harness({
  layout,
  masked = false,
  initial = '',
}: {
  layout: KeyboardLayoutId;
  masked?: boolean;
  initial?: string;
}) {
  const [value, setValue] = useState(initial);
  const record = (next: string) => {
    current = next;
    setValue(next);
  };
  return (
    <KeyboardField
      label="Field"
      value={value}
      onChange={record}
      layout={layout}
      masked={masked}
      keyboardLabels={labels}
      showLabel="Show"
      hideLabel="Hide"
      phonePrefixLabel="starts with +380"
    />
  );
}

beforeEach(() => {
  current = '';
});

const press = (name: string) =>
  fireEvent.pointerDown(screen.getAllByRole('button', { name })[0] as HTMLElement);
const field = () => screen.getByLabelText('Field') as HTMLInputElement;

describe('KeyboardField', () => {
  it('shows what the keyboard types', () => {
    render(<Harness layout="uk" />);
    press('п');
    press('і');
    expect(field().value).toBe('пі');
    expect(current).toBe('пі');
  });

  it('normalises typographic apostrophes typed on a physical keyboard or pasted', () => {
    render(<Harness layout="uk" />);
    fireEvent.input(field(), { target: { value: 'Лук\u02BCяненко Мар\u2019яна' } });
    expect(current).toBe("Лук'яненко Мар'яна");
    expect(field().value).toBe("Лук'яненко Мар'яна");
  });

  it('masks a password, never alters it, and keeps it out of the markup', () => {
    const { container } = render(<Harness layout="en" masked />);
    fireEvent.input(field(), { target: { value: 'p\u2019ss' } });
    press('x');
    expect(current).toBe('p\u2019ssx');
    expect(field()).toHaveAttribute('type', 'password');
    expect(field().getAttribute('value')).toBeNull();
    expect(container.innerHTML).not.toContain('ssx');
    expect(container.querySelector('[aria-live]')).toBeNull();
  });

  it('reveals the password only on request', () => {
    render(<Harness layout="en" masked />);
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(field()).toHaveAttribute('type', 'text');
    fireEvent.click(screen.getByRole('button', { name: 'Hide' }));
    expect(field()).toHaveAttribute('type', 'password');
  });

  it('has no Show button when not masked', () => {
    render(<Harness layout="en" />);
    expect(screen.queryByRole('button', { name: 'Show' })).toBeNull();
    expect(field()).toHaveAttribute('type', 'text');
  });

  it('types a phone number after a fixed +380, at most nine digits', () => {
    render(<Harness layout="phone" />);
    expect(screen.getByText('+380')).toBeInTheDocument();
    expect(field()).toHaveAccessibleDescription('starts with +380');
    for (const d of '6712345678') press(d);
    expect(current).toBe('+380671234567');
    expect(field().value).toBe('671234567');
    for (let i = 0; i < 9; i += 1) press('Delete');
    expect(current).toBe('');
  });

  it('keeps only digits from a physical keyboard on a digit pad', () => {
    render(<Harness layout="digits" />);
    fireEvent.input(field(), { target: { value: '12a3' } });
    expect(current).toBe('');
    fireEvent.input(field(), { target: { value: '123' } });
    expect(current).toBe('123');
  });

  it('asks the system for no keyboard, autofill or spell checking', () => {
    render(<Harness layout="uk" />);
    expect(field()).toHaveAttribute('inputmode', 'none');
    expect(field()).toHaveAttribute('autocomplete', 'off');
    expect(field()).toHaveAttribute('spellcheck', 'false');
  });
});
