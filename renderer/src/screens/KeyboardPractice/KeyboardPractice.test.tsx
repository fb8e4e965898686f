import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useUiStore } from '../../stores/ui';
import { KeyboardPractice } from './KeyboardPractice';

const field = () => screen.getByLabelText('Текст для спроби') as HTMLInputElement;
const press = (name: string) =>
  fireEvent.pointerDown(screen.getAllByRole('button', { name })[0] as HTMLElement);

describe('KeyboardPractice', () => {
  it('starts with the keyboard of the visitor’s language', () => {
    useUiStore.getState().setLanguage('en');
    render(<KeyboardPractice />);
    expect(screen.getByRole('button', { name: 'English', pressed: true })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'q' }).length).toBeGreaterThan(0);
  });

  it('types on the chosen layout and clears when the layout changes', () => {
    render(<KeyboardPractice />);
    press('ї');
    expect(field().value).toBe('ї');
    fireEvent.click(screen.getByRole('button', { name: 'Телефон' }));
    expect(field().value).toBe('');
    expect(screen.getByText('+380')).toBeInTheDocument();
    press('5');
    expect(field().value).toBe('5');
  });

  it('hides the characters when asked, as for a password', () => {
    render(<KeyboardPractice />);
    fireEvent.click(screen.getByRole('switch', { name: 'Приховувати символи, як для пароля' }));
    expect(field()).toHaveAttribute('type', 'password');
    press('ж');
    expect(field().value).toBe('ж');
    expect(field().getAttribute('value')).toBeNull();
    expect(screen.getByRole('button', { name: 'Показати' })).toBeInTheDocument();
  });

  it('Clear empties the field; Back returns to the key step', () => {
    render(<KeyboardPractice />);
    press('а');
    fireEvent.click(screen.getByRole('button', { name: 'Очистити' }));
    expect(field().value).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Назад' }));
    expect(useUiStore.getState().screen).toBe('insertKey');
  });
});
