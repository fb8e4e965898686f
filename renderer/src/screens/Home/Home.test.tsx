import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SignInResult } from '#shared/contract/signin';
import { useSignInStore } from '../../stores/signin';
import { useUiStore } from '../../stores/ui';
import { Home } from './Home';

const patient = (over: Partial<SignInResult> = {}): SignInResult => ({
  access: 'full',
  accessReason: 'adult',
  ageYears: 42,
  greeting: { vocative: 'Олено Петрівно', nominative: 'Олена Петрівна' },
  ...over,
});

beforeEach(() => useSignInStore.setState({ patient: patient() }));

describe('Home', () => {
  it('greets in the vocative in Ukrainian and by name in English; the name is marked private', () => {
    const { rerender } = render(<Home />);
    const title = screen.getByRole('heading', { level: 1 });
    expect(title).toHaveTextContent('Вітаємо, Олено Петрівно!');
    expect(title.querySelector('[data-private]')).toHaveTextContent('Олено Петрівно');
    useUiStore.getState().setLanguage('en');
    rerender(<Home />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Welcome, Олена Петрівна!');
  });

  it.each([
    ['Мої персональні дані', 'person'],
    ['Мої декларації', 'declarations'],
    ['Знайти лікаря', 'doctorSearch'],
    ['Доступ до моїх даних', 'apps'],
  ] as const)('%s opens %s', (label, target) => {
    render(<Home />);
    fireEvent.click(screen.getByRole('button', { name: new RegExp(label) }));
    expect(useUiStore.getState().screen).toBe(target);
  });

  it('tells a view-only teen why changes are not offered', () => {
    useSignInStore.setState({
      patient: patient({ access: 'view-only', accessReason: 'teen-capacity-not-verified', ageYears: 15 }),
    });
    render(<Home />);
    expect(screen.getByRole('heading', { level: 2, name: 'Ви можете лише переглядати' })).toBeInTheDocument();
    expect(screen.getByText(/Вам 15 років/)).toBeInTheDocument();
    // each function says what it offers this patient — never "update" next to "view only"
    expect(screen.getByRole('button', { name: /^Мої персональні дані/ })).toHaveTextContent(
      'переглянути (змінювати поки не можна)',
    );
    expect(screen.getByRole('button', { name: /^Знайти лікаря/ })).toHaveTextContent(
      'і надрукувати записку про нього для реєстратури',
    );
    expect(screen.getByRole('button', { name: /^Доступ до моїх даних/ })).toHaveTextContent(
      'переглянути, які електронні кабінети мають доступ',
    );
    for (const button of screen.getAllByRole('button'))
      expect(button).not.toHaveTextContent(/оновити|підписати нову|лише перегляд/);
    expect(screen.getByText(/з 14 років можна підписати й у реєстратурі, з паспортом/)).toBeInTheDocument();
  });

  it('shows nothing without a signed-in patient', () => {
    useSignInStore.setState({ patient: null });
    const { container } = render(<Home />);
    expect(container).toBeEmptyDOMElement();
  });
});
