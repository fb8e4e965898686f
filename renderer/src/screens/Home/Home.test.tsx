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
    expect(screen.getByRole('button', { name: /Знайти лікаря.*лише перегляд/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Мої декларації/ })).not.toHaveTextContent('лише перегляд');
  });

  it('shows nothing without a signed-in patient', () => {
    useSignInStore.setState({ patient: null });
    const { container } = render(<Home />);
    expect(container).toBeEmptyDOMElement();
  });
});
