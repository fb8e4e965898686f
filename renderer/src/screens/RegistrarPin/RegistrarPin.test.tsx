import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RegistrarState } from '#shared/contract/registrar';
import { err, ok } from '#shared/result';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import type { FakeKiosk } from '../../../test/fake-kiosk';
import { useUiStore } from '../../stores/ui';
import { RegistrarPin } from './RegistrarPin';

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
  fake = installFakeKiosk();
});
const settle = () => act(async () => {});
const type = (label: RegExp, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
const press = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

describe('RegistrarPin', () => {
  it('a kiosk that is not enrolled says so and how to enrol it, and asks for no PIN', async () => {
    fake.respond('registrarStatus', () => ok(state({ pinSet: false, enrolled: false })));
    render(<RegistrarPin />);
    await settle();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Кіоск ще не зареєстровано');
    expect(document.body).toHaveTextContent('kabinet-kiosk --ops registrar enroll');
    expect(screen.queryByLabelText(/PIN|Код/)).toBeNull();
    press('Вийти з режиму реєстратора');
    expect(useUiStore.getState().screen).toBe('welcome');
  });

  it('first run: the enrolment code, staff code, a PIN typed twice (a mismatch is caught here), then the panel', async () => {
    fake.respond('registrarStatus', () => ok(state({ pinSet: false })));
    fake.respond('registrarSetFirstPin', () => ok(state({ mode: 'panel', registrarId: 'R-01' })));
    render(<RegistrarPin />);
    await settle();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Перший запуск');
    type(/Код реєстрації кіоску/, 'abcd-2345');
    press('Далі');
    expect(screen.getByRole('alert')).toHaveTextContent('XXXX-XXXX-XXXX');
    type(/Код реєстрації кіоску/, 'abcd-2345-wxyz');
    press('Далі');
    type(/Код працівника/, 'R-01');
    press('Далі');
    type(/Новий PIN/, '250871');
    press('Далі');
    type(/Повторіть PIN/, '250872');
    press('Увійти');
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent('PIN-коди не збігаються');
    expect(fake.callsTo('registrarSetFirstPin')).toEqual([]);
    type(/Повторіть PIN/, '250871');
    press('Увійти');
    await settle();
    expect(fake.callsTo('registrarSetFirstPin')).toEqual([
      { registrarId: 'R-01', pin: '250871', enrollmentCode: 'abcd-2345-wxyz' },
    ]);
    expect(useUiStore.getState().screen).toBe('registrarPanel');
    // nothing typed stays in the page
    expect(document.body.innerHTML).not.toContain('250871');
  });

  it('a wrong PIN says how many tries are left; a lock says how long', async () => {
    let locked = false;
    fake.respond('registrarStatus', () => ok(state(locked ? { lockedForSeconds: 300 } : {})));
    fake.respond('registrarSignIn', () => {
      locked = true;
      return err('PIN_WRONG', 'wrong', { attemptsLeft: 1 });
    });
    render(<RegistrarPin />);
    await settle();
    type(/Код працівника/, 'R-01');
    press('Далі');
    type(/^PIN/, '000111');
    press('Увійти');
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent(/Неправильний PIN|заблоковано/);
    expect(screen.getByRole('alert')).toHaveTextContent('Спробуйте знову через 5 хвилин');
    expect(screen.queryByLabelText(/^PIN/)).toBeNull();
    expect(useUiStore.getState().screen).toBe('welcome');
  });

  it('refuses a malformed staff code and a short PIN before asking main', async () => {
    fake.respond('registrarStatus', () => ok(state()));
    render(<RegistrarPin />);
    await settle();
    type(/Код працівника/, 'R 01');
    press('Далі');
    expect(screen.getByRole('alert')).toHaveTextContent('Код працівника');
    type(/Код працівника/, 'R01');
    press('Далі');
    type(/^PIN/, '1234');
    press('Увійти');
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent('від 6 до 12 цифр');
    expect(fake.callsTo('registrarSignIn')).toEqual([]);
  });

  it('a wrong enrolment code goes back to the code, with the error', async () => {
    fake.respond('registrarStatus', () => ok(state({ pinSet: false })));
    fake.respond('registrarSetFirstPin', () => err('ENROLLMENT_CODE_WRONG', 'wrong', { attemptsLeft: 3 }));
    render(<RegistrarPin />);
    await settle();
    type(/Код реєстрації кіоску/, 'ZZZZ-ZZZZ-ZZZZ');
    press('Далі');
    type(/Код працівника/, 'R-01');
    press('Далі');
    type(/Новий PIN/, '250871');
    press('Далі');
    type(/Повторіть PIN/, '250871');
    press('Увійти');
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent('Неправильний код реєстрації кіоску');
    expect(screen.getByLabelText(/Код реєстрації кіоску/)).toHaveValue('');
  });
});
