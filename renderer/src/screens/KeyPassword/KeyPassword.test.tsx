import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { err } from '#shared/result';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import type { FakeKiosk } from '../../../test/fake-kiosk';
import { failed } from '../../stores/loadable';
import { useSignInStore } from '../../stores/signin';
import { useUiStore } from '../../stores/ui';
import { KeyPassword } from './KeyPassword';

let fake: FakeKiosk;
beforeEach(() => {
  fake = installFakeKiosk();
  useSignInStore.getState().chooseKey({
    id: 'k1',
    fileName: 'Key-6.dat',
    folder: 'olena',
    medium: null,
    removable: false,
    kind: 'key6-pbes2',
  });
  useUiStore.getState().goTo('keyPassword');
});

const field = () => screen.getByLabelText('Пароль ключа') as HTMLInputElement;

describe('KeyPassword', () => {
  it('masks the password, shows it on request, and keeps it out of the markup and the stores', () => {
    render(<KeyPassword />);
    expect(screen.getByText(/Key-6\.dat — у папці «olena»/)).toBeInTheDocument();
    expect(field()).toHaveAttribute('type', 'password');
    expect(screen.getByRole('button', { name: 'Увійти' })).toBeDisabled();
    fireEvent.input(field(), { target: { value: 'olena-4242' } });
    expect(screen.getByRole('button', { name: 'Увійти' })).toBeEnabled();
    fireEvent.click(screen.getByRole('button', { name: 'Показати' }));
    expect(field()).toHaveAttribute('type', 'text');
    fireEvent.click(screen.getByRole('button', { name: 'Сховати' }));
    expect(field()).toHaveAttribute('type', 'password');
    expect(document.body.innerHTML).not.toContain('olena-4242');
    expect(JSON.stringify(useSignInStore.getState())).not.toContain('olena-4242');
  });

  it('types a Latin password on the Ukrainian interface’s keyboard, and says which letters it types', () => {
    render(<KeyPassword />);
    expect(useUiStore.getState().language).toBe('uk');
    expect(screen.getByText('Зараз літери латинські (ABC)')).toBeInTheDocument();
    const press = (name: string) =>
      fireEvent.pointerDown(screen.getAllByRole('button', { name })[0] as HTMLElement);
    for (const key of ['o', 'l', 'e', 'n', 'a', 'дефіс', '4', '2', '4', '2']) press(key);
    expect(field().value).toBe('olena-4242');
    press('Перейти на українські літери');
    expect(screen.getByText('Зараз літери українські (АБВ)')).toBeInTheDocument();
    // in English the same keyboard, the same start
    act(() => useUiStore.getState().setLanguage('en'));
    expect(screen.getByText('Ukrainian letters now (АБВ)')).toBeInTheDocument();
  });

  it('sends the password once and comes back empty with the attempts left', async () => {
    fake.respond('signinStart', () => err('KEY_WRONG_PASSWORD', 'wrong', { attemptsLeft: 4 }));
    const { rerender } = render(<KeyPassword />);
    fireEvent.input(field(), { target: { value: 'wrong-one' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Увійти' }));
    });
    expect(fake.callsTo('signinStart')).toEqual([{ keyId: 'k1', password: 'wrong-one' }]);
    rerender(<KeyPassword />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Неправильний пароль ключа. Перевірте, які в ньому літери — латинські чи українські (деякі з них однакові на вигляд), і де великі літери. Залишилося 4 спроби.',
    );
    expect(field().value).toBe('');
  });

  it('a locked key says for how long', () => {
    useSignInStore.setState({
      signingIn: failed({ code: 'KEY_LOCKED', message: 'locked', details: { retryAfterSeconds: 840 } }),
    });
    render(<KeyPassword />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Ключ тимчасово заблоковано після кількох неправильних паролів. Якщо ви забули пароль, зверніться до свого надавача. Спробуйте знову через 14 хвилин.',
    );
  });

  it('goes back to the key list when the key disappears or another is wanted', () => {
    render(<KeyPassword />);
    fireEvent.click(screen.getByRole('button', { name: 'Обрати інший ключ' }));
    expect(useUiStore.getState().screen).toBe('insertKey');
    useUiStore.getState().goTo('keyPassword');
    act(() => useSignInStore.getState().setKeys([]));
    expect(useUiStore.getState().screen).toBe('insertKey');
  });
});
