import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { failed } from '../../stores/loadable';
import { useSignInStore } from '../../stores/signin';
import { useUiStore } from '../../stores/ui';
import { SignInError } from './SignInError';

describe('SignInError', () => {
  it('eHealth down: says so and offers doctor search on the kiosk directory', () => {
    useSignInStore.setState({ signingIn: failed({ code: 'EHEALTH_UNAVAILABLE', message: 'down' }) });
    render(<SignInError />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Система eHealth недоступна');
    expect(screen.getByRole('alert')).toHaveTextContent('пошук лікаря працює і без неї');
    fireEvent.click(screen.getByRole('button', { name: 'Знайти лікаря' }));
    expect(useUiStore.getState().screen).toBe('doctorSearch');
  });

  it.each([
    ['CERT_EXPIRED', 'Сертифікат ключа недійсний', 'Строк дії сертифіката'],
    ['CERT_UNTRUSTED', 'Сертифікат ключа недійсний', 'надавач, якому кіоск не довіряє'],
    ['CERT_REVOKED', 'Сертифікат ключа відкликано', 'отримайте новий ключ у свого надавача'],
    ['CERT_STATUS_UNKNOWN', 'Сертифікат ключа не підтверджено', 'не підтвердив, що сертифікат чинний'],
    ['PERSON_NOT_FOUND', 'Вас не знайдено в eHealth', 'Зверніться до реєстратури'],
    ['SIGNER_FAILED', 'Увійти не вдалося', 'Не вдалося створити підпис'],
  ] as const)('%s: its own title and words, and no doctor search', (code, title, text) => {
    useSignInStore.setState({ signingIn: failed({ code, message: 'x' }) });
    render(<SignInError />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(title);
    expect(screen.getByRole('alert')).toHaveTextContent(text);
    expect(screen.queryByRole('button', { name: 'Знайти лікаря' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Обрати інший ключ' }));
    expect(useUiStore.getState().screen).toBe('insertKey');
    expect(useSignInStore.getState().signingIn.error).toBeNull();
  });

  it('a revoked certificate, in English', () => {
    useUiStore.setState({ language: 'en' });
    try {
      useSignInStore.setState({ signingIn: failed({ code: 'CERT_REVOKED', message: 'x' }) });
      render(<SignInError />);
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
        'The key’s certificate has been revoked',
      );
      expect(screen.getByRole('alert')).toHaveTextContent('revoked by its provider');
    } finally {
      useUiStore.setState({ language: 'uk' });
    }
  });
});
