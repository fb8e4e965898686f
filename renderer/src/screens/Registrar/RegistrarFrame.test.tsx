import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RegistrarState } from '#shared/contract/registrar';
import { err, ok, type Result } from '#shared/result';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import type { FakeKiosk } from '../../../test/fake-kiosk';
import { useRegistrarStore } from '../../stores/registrar';
import { useUiStore } from '../../stores/ui';
import { AssistedBanner } from './AssistedBanner';
import { birthDateFromDigits, digitsAsDate } from './birth-date';
import { HOLD_MS, RegistrarCorner } from './RegistrarCorner';

const state = (over: Partial<RegistrarState> = {}): RegistrarState => ({
  pinSet: true,
  enrolled: true,
  lockedForSeconds: null,
  mode: 'off',
  registrarId: null,
  birthDateConfirmed: false,
  patientSignedIn: false,
  ...over,
});

let fake: FakeKiosk;
beforeEach(() => {
  vi.useFakeTimers();
  fake = installFakeKiosk();
  fake.respond('registrarStatus', () => ok(state()));
});
afterEach(() => vi.useRealTimers());

const advance = (ms: number) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });

describe('registrar corner', () => {
  const corner = () => screen.getByRole('button', { name: /Режим реєстратора/ });

  it('opens the PIN screen only after a three-second hold', async () => {
    render(<RegistrarCorner />);
    fireEvent.pointerDown(corner());
    await advance(HOLD_MS - 100);
    fireEvent.pointerUp(corner());
    await advance(1000);
    expect(useUiStore.getState().screen).toBe('welcome');

    fireEvent.pointerDown(corner());
    await advance(HOLD_MS);
    expect(useUiStore.getState().screen).toBe('registrarPin');
  });

  it('works with a held key too, and a key released early does nothing', async () => {
    render(<RegistrarCorner />);
    fireEvent.keyDown(corner(), { key: 'Enter' });
    fireEvent.keyUp(corner(), { key: 'Enter' });
    await advance(HOLD_MS);
    expect(useUiStore.getState().screen).toBe('welcome');
    fireEvent.keyDown(corner(), { key: ' ' });
    fireEvent.keyDown(corner(), { key: ' ', repeat: true });
    await advance(HOLD_MS);
    expect(useUiStore.getState().screen).toBe('registrarPin');
  });

  it('is not there during an assisted session (the banner has the registrar controls)', () => {
    useRegistrarStore.setState({ status: state({ mode: 'assisted', registrarId: 'R-01' }) });
    render(<RegistrarCorner />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('assisted-session banner', () => {
  it('checks the birth date as typed (DDMMYYYY) and hands back, leaving no registrar control', async () => {
    const assisted = state({ mode: 'assisted', registrarId: 'R-01', patientSignedIn: true });
    fake.respond('registrarStatus', () => ok(assisted));
    let answer: Result<RegistrarState> = err('BIRTH_DATE_MISMATCH', 'no', { attemptsLeft: 2 });
    fake.respond('registrarConfirmBirthDate', () => answer);
    fake.respond('registrarHandBack', () => ok(state()));
    useRegistrarStore.setState({ status: assisted });
    render(<AssistedBanner />);
    await advance(0);
    expect(screen.getByText(/Супровід реєстратора R-01/)).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Звірити дату народження' }));
    const field = screen.getByLabelText(/Дата народження відвідувача/);
    fireEvent.input(field, { target: { value: '31021984' } });
    fireEvent.click(screen.getByRole('button', { name: 'Звірити' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Це не дата');
    expect(fake.callsTo('registrarConfirmBirthDate')).toEqual([]);

    fireEvent.input(field, { target: { value: '12071984' } });
    fireEvent.click(screen.getByRole('button', { name: 'Звірити' }));
    await advance(0);
    expect(fake.callsTo('registrarConfirmBirthDate')).toEqual([{ birthDate: '1984-07-12' }]);
    expect(screen.getByRole('alert')).toHaveTextContent('Дата народження не збігається');
    expect(screen.getByRole('alert')).toHaveTextContent('Залишилося 2 спроби');

    answer = ok({ ...assisted, birthDateConfirmed: true });
    fireEvent.click(screen.getByRole('button', { name: 'Звірити' }));
    await advance(0);
    expect(screen.getByText(/Дату народження звірено/)).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Передати пацієнтові' }));
    await advance(0);
    expect(screen.queryByRole('button')).toBeNull();
    expect(fake.callsTo('registrarHandBack')).toEqual([{}]);
  });
});

describe('birth date typing', () => {
  it('reads eight digits as day, month, year and refuses dates that do not exist', () => {
    expect(birthDateFromDigits('12071984')).toBe('1984-07-12');
    expect(birthDateFromDigits('29022000')).toBe('2000-02-29');
    expect(birthDateFromDigits('29022001')).toBeNull();
    expect(birthDateFromDigits('1207198')).toBeNull();
    expect(digitsAsDate('120719')).toBe('12.07.19');
  });
});
