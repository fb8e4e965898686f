import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { KeyFile } from '#shared/contract/signin';
import { ok } from '#shared/result';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import type { FakeKiosk } from '../../../test/fake-kiosk';
import { useSignInStore } from '../../stores/signin';
import { useUiStore } from '../../stores/ui';
import { InsertKey } from './InsertKey';

const key = (id: string, extra: Partial<KeyFile> = {}): KeyFile => ({
  id,
  fileName: 'Key-6.dat',
  folder: null,
  medium: 'FLASH',
  removable: true,
  kind: 'key6-pbes2',
  ...extra,
});

let fake: FakeKiosk;
beforeEach(() => {
  fake = installFakeKiosk();
});

const settle = () => act(async () => {});

describe('InsertKey', () => {
  it('explains the three steps while no key is found, and asks main to watch the media', async () => {
    fake.respond('signinKeys', () => ok({ keys: [] }));
    render(<InsertKey />);
    await settle();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Наступний крок — ваш ключ');
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getByRole('status')).toHaveTextContent('Чекаємо на носій з ключем');
    expect(fake.callsTo('signinKeys')).toEqual([{ watch: true }]);
  });

  it('follows the USB port: inserted and pulled media change the list', async () => {
    fake.respond('signinKeys', () => ok({ keys: [] }));
    render(<InsertKey />);
    await settle();
    act(() =>
      fake.emit('signinKeysChanged', { keys: [key('a'), key('b', { medium: null, folder: 'olena' })] }),
    );
    expect(screen.getByRole('status')).toHaveTextContent('Знайдено 2 ключі');
    const list = screen.getByRole('list', { name: 'Знайдені ключі' });
    expect(list).toHaveTextContent('на носії «FLASH»');
    expect(list).toHaveTextContent('у папці «olena»');
    act(() => fake.emit('signinKeysChanged', { keys: [] }));
    expect(screen.queryByRole('list', { name: 'Знайдені ключі' })).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Чекаємо на носій з ключем');
  });

  it('choosing a key leads to its password', async () => {
    fake.respond('signinKeys', () => ok({ keys: [key('a')] }));
    render(<InsertKey />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: /Key-6\.dat/ }));
    expect(useSignInStore.getState().chosenKey?.id).toBe('a');
    expect(useUiStore.getState().screen).toBe('keyPassword');
  });

  it('says why when main cannot list keys', async () => {
    render(<InsertKey />); // the fake has no signinKeys handler: UNKNOWN_CHANNEL
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent('недоступна на цьому кіоску');
  });

  it('offers the keyboard practice and the way back', async () => {
    fake.respond('signinKeys', () => ok({ keys: [] }));
    render(<InsertKey />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Спробувати екранну клавіатуру' }));
    expect(useUiStore.getState().screen).toBe('keyboardPractice');
    fireEvent.click(screen.getByRole('button', { name: 'Назад' }));
    expect(useUiStore.getState().screen).toBe('welcome');
  });
});
