import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ActingState } from '#shared/contract/acting';
import { err, ok } from '#shared/result';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import { useActingStore } from '../../stores/acting';
import { useDeclarationsStore } from '../../stores/declarations';
import { useSignInStore } from '../../stores/signin';
import { useUiStore } from '../../stores/ui';
import { ActingBanner } from '../Frame/ActingBanner';
import { Home } from '../Home/Home';
import { ActForChild, draftProblems } from './ActForChild';

const ACTING: ActingState = {
  mayActForOthers: true,
  children: [
    {
      handle: 'h-1',
      name: 'Марко Демʼяненко',
      ageYears: 5,
      access: 'full',
      reason: 'child-under-14',
      role: 'parent',
    },
  ],
  active: 'h-1',
};

/** Taps keys of the keyboard under a field, as a visitor does. */
function tap(field: string, keys: string[]) {
  const keyboard = screen.getByRole('group', { name: `Екранна клавіатура для поля «${field}»` });
  for (const k of keys) fireEvent.click(within(keyboard).getAllByRole('button', { name: k })[0]!);
}

describe('Act for my child', () => {
  it('the child is typed on the on-screen keyboard, checked, then signed by main with the parent’s key', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('actingStart', () => ok(ACTING));
    render(<ActForChild />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Діяти за дитину');
    // nothing typed yet: each mistake under its field
    fireEvent.click(screen.getByRole('button', { name: 'Продовжити' }));
    expect(screen.getByText('Введіть прізвище українськими літерами.')).toBeInTheDocument();
    expect(screen.getByText('Перевірте серію та номер свідоцтва.')).toBeInTheDocument();

    fireEvent.click(screen.getByLabelText('Прізвище дитини'));
    tap('Прізвище дитини', ['м', 'е', 'л', 'ь', 'н', 'и', 'к']);
    fireEvent.click(screen.getByLabelText('Імʼя дитини'));
    tap('Імʼя дитини', ['д', 'а', 'р', 'и', 'н', 'а']);
    fireEvent.click(screen.getByLabelText('Дата народження'));
    tap('Дата народження', ['0', '5', '0', '3', '2', '0', '2', '1']);
    expect(screen.getByLabelText('Дата народження')).toHaveValue('05.03.2021');
    fireEvent.click(screen.getByLabelText('Серія та номер свідоцтва'));
    tap('Серія та номер свідоцтва', ['і', 'дефіс', 'к', 'в', '1', '2', '3', '4', '5', '6']);
    fireEvent.click(screen.getByRole('button', { name: 'Продовжити' }));

    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Перевірте й підпишіть');
    expect(screen.getByText('мельник дарина')).toBeInTheDocument();
    expect(screen.getByText(/І-КВ123456/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Підписати своїм ключем і відкрити кабінет дитини' }));
    await waitFor(() => expect(useUiStore.getState().screen).toBe('home'));
    expect(kiosk.callsTo('actingStart')).toEqual([
      {
        lastName: 'мельник',
        firstName: 'дарина',
        secondName: '',
        birthDate: '2021-03-05',
        document: { kind: 'birth-certificate', number: 'І-КВ123456' },
      },
    ]);
  });

  it('no relation at eHealth leads to its explanation; other refusals stay on the form', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('actingStart', () => err('NO_RELATION', 'no relation'));
    const identity = {
      lastName: 'Мельник',
      firstName: 'Дарина',
      secondName: '',
      birthDate: '2021-03-05',
      document: { kind: 'tax-id' as const, number: '4433221100' },
    };
    await useActingStore.getState().start(identity);
    expect(useUiStore.getState().screen).toBe('actingNoRelation');
    useUiStore.getState().goTo('actForChild');
    kiosk.respond('actingStart', () => err('CHILD_NOT_FOUND', 'nobody'));
    await useActingStore.getState().start(identity);
    expect(useUiStore.getState().screen).toBe('actForChild');
    expect(useActingStore.getState().opening.error?.code).toBe('CHILD_NOT_FOUND');
  });

  it('the form refuses a birth date of an adult or in the future, and a tax id with a wrong check digit', () => {
    const draft = {
      lastName: 'Мельник',
      firstName: 'Дарина',
      secondName: '',
      birthDate: '2021-03-05',
      number: 'І-КВ123456',
      kind: 'birth-certificate' as const,
    };
    expect(draftProblems(draft, '2026-03-01')).toEqual({});
    expect(draftProblems({ ...draft, birthDate: '2000-01-01' }, '2026-03-01')).toEqual({
      birthDate: 'acting.invalid.birthDate',
    });
    expect(draftProblems({ ...draft, birthDate: '2027-01-01' }, '2026-03-01').birthDate).toBeDefined();
    expect(draftProblems({ ...draft, kind: 'tax-id', number: '1234567890' }, '2026-03-01')).toEqual({
      number: 'acting.invalid.taxId',
    });
  });

  it('in the child’s cabinet: the banner names the child, the menu is the child’s, one tap leads back', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('actingState', () => ok(ACTING));
    kiosk.respond('actingSwitch', () => ok({ ...ACTING, active: null }));
    useSignInStore.setState({
      patient: {
        access: 'full',
        accessReason: 'adult',
        ageYears: 38,
        greeting: { vocative: 'Тарасе', nominative: 'Тарас' },
      },
    });
    useActingStore.setState({ state: ACTING });
    useDeclarationsStore.setState({ overview: { status: 'ready', data: null, error: null } });
    render(
      <>
        <ActingBanner />
        <Home />
      </>,
    );
    const banner = screen.getByRole('region', { name: 'Чий кабінет відкрито' });
    expect(banner).toHaveTextContent('Ви дієте за: Марко Демʼяненко');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Кабінет дитини: Марко Демʼяненко');
    expect(screen.getByRole('button', { name: /Знайти лікаря для дитини/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Доступ до моїх даних/ })).toBeNull();

    fireEvent.click(within(banner).getByRole('button', { name: 'До мого кабінету' }));
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Вітаємо, Тарасе!'),
    );
    expect(kiosk.callsTo('actingSwitch')).toEqual([{ handle: null }]);
    // what the cabinet showed about the child is forgotten with the switch
    expect(useDeclarationsStore.getState().overview.status).toBe('idle');
    expect(screen.queryByRole('region', { name: 'Чий кабінет відкрито' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Відкрити кабінет: Марко Демʼяненко' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Діяти за дитину/ })).toBeInTheDocument();
  });
});
