import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { err, ok } from '#shared/result';
import { installFakeKiosk, type FakeKiosk } from '../../../test/fake-kiosk';
import { ready } from '../../stores/loadable';
import { usePersonStore } from '../../stores/person';
import { personView } from '../PersonData/person-fixture.test-support';
import { PersonPhone } from './PersonPhone';

// keypads re-render on every key: generous limits for a loaded machine
vi.setConfig({ testTimeout: 30_000 });

let fake: FakeKiosk;
const challenge = {
  requestId: 'amr-1',
  phoneMasked: '+38067*****01',
  codeLength: 4,
  expiresAt: '2026-06-15T10:15:00.000Z',
  attemptsLeft: 3,
};
beforeEach(() => {
  fake = installFakeKiosk();
  usePersonStore.setState({ view: ready(personView()) });
});
const settle = () => act(async () => {});
const pressIn = (group: HTMLElement, keys: string) => {
  for (const k of keys)
    fireEvent.pointerDown(within(group).getAllByRole('button', { name: k })[0] as HTMLElement);
};

describe('PersonPhone', () => {
  it('adds a phone: number on the keypad, code from the SMS, tries left shown, then done', async () => {
    fake.respond('personPhoneStart', () => ok(challenge));
    let tries = 0;
    fake.respond('personPhoneConfirm', ({ code }) =>
      code === '4321'
        ? ok({ methods: [], replacedDeactivated: null })
        : (tries++, err('SMS_CODE_WRONG', 'wrong', { attemptsLeft: 3 - tries })),
    );
    render(<PersonPhone />);
    expect(screen.getByText('+38050*****02 (Мій)')).toBeInTheDocument();
    const send = screen.getByRole('button', { name: 'Надіслати код' });
    expect(send).toBeDisabled();
    const [phoneKeys] = screen.getAllByRole('group', { name: 'Екранна клавіатура' });
    pressIn(phoneKeys!, '675550101');
    expect(send).toBeEnabled();
    fireEvent.click(send);
    await settle();
    expect(fake.callsTo('personPhoneStart')).toEqual([{ phone: '+380675550101' }]);
    expect(screen.getByText(/Ми надіслали SMS з кодом із 4 цифр на \+38067\*\*\*\*\*01/)).toBeInTheDocument();
    expect(screen.getByText(/Залишилося 3 спроби/)).toBeInTheDocument();

    const codeKeys = screen.getByRole('group', { name: 'Екранна клавіатура' });
    pressIn(codeKeys, '1111');
    fireEvent.click(screen.getByRole('button', { name: 'Підтвердити' }));
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Неправильний код з SMS. Перевірте його й введіть ще раз. Залишилося 2 спроби.',
    );
    expect(screen.getAllByText(/Залишилося 2 спроби\.$/)).toHaveLength(2); // the alert and the code's own line

    pressIn(screen.getByRole('group', { name: 'Екранна клавіатура' }), '4321');
    fireEvent.click(screen.getByRole('button', { name: 'Підтвердити' }));
    await settle();
    expect(screen.getByText('Готово. Тепер коди надходитимуть на +38067*****01.')).toBeInTheDocument();
  });

  it('replaces the chosen phone', async () => {
    fake.respond('personPhoneStart', () => ok(challenge));
    render(<PersonPhone />);
    fireEvent.click(screen.getByRole('button', { name: 'Замінити +38050*****02' }));
    pressIn(screen.getAllByRole('group', { name: 'Екранна клавіатура' })[0]!, '675550101');
    fireEvent.click(screen.getByRole('button', { name: 'Надіслати код' }));
    await settle();
    expect(fake.callsTo('personPhoneStart')).toEqual([{ phone: '+380675550101', replacesMethodId: 'm-1' }]);
  });

  it('says why a phone is refused, and offers a new code when the tries are used up', async () => {
    fake.respond('personPhoneStart', () =>
      err('VALIDATION', 'x', {
        violations: [{ path: 'phone', rule: 'phone.alreadyAuthMethod' }],
        source: 'kiosk',
      }),
    );
    render(<PersonPhone />);
    pressIn(screen.getAllByRole('group', { name: 'Екранна клавіатура' })[0]!, '501234502');
    fireEvent.click(screen.getByRole('button', { name: 'Надіслати код' }));
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent('На цей номер коди вже надходять.');

    fake.respond('personPhoneStart', () => ok(challenge));
    fake.respond('personPhoneConfirm', () => err('SMS_ATTEMPTS_EXCEEDED', 'x', { attemptsLeft: 0 }));
    fake.respond('personPhoneResend', () => ok({ ...challenge, attemptsLeft: 3 }));
    fireEvent.click(screen.getByRole('button', { name: 'Надіслати код' }));
    await settle();
    pressIn(screen.getByRole('group', { name: 'Екранна клавіатура' }), '0000');
    fireEvent.click(screen.getByRole('button', { name: 'Підтвердити' }));
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent('Спроби ввести код вичерпано. Попросіть новий код.');
    expect(screen.getByRole('button', { name: 'Підтвердити' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Надіслати новий код' }));
    await settle();
    expect(screen.getByText('Новий код надіслано. Попередній більше не діє.')).toBeInTheDocument();
    expect(screen.getByText(/Залишилося 3 спроби/)).toBeInTheDocument();
  });

  it('shows one keyboard at a time: the number’s, then the name’s when that field is touched', async () => {
    fake.respond('personPhoneStart', () => ok(challenge));
    render(<PersonPhone />);
    expect(screen.getAllByRole('group', { name: 'Екранна клавіатура' })).toHaveLength(1);
    pressIn(screen.getByRole('group', { name: 'Екранна клавіатура' }), '675550101');
    fireEvent.pointerDown(screen.getByLabelText('Назва телефону, наприклад «Мій» (необов’язково)'));
    const keyboards = screen.getAllByRole('group', { name: 'Екранна клавіатура' });
    expect(keyboards).toHaveLength(1);
    // the name's keyboard has letters, the number's did not
    pressIn(keyboards[0]!, 'мій');
    fireEvent.pointerDown(screen.getByLabelText('Новий номер телефону'));
    expect(screen.getAllByRole('group', { name: 'Екранна клавіатура' })).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Надіслати код' }));
    await settle();
    expect(fake.callsTo('personPhoneStart')).toEqual([{ phone: '+380675550101', alias: 'мій' }]);
  });
});
