import { failed } from '../../stores/loadable';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '#shared/result';
import { installFakeKiosk, type FakeKiosk } from '../../../test/fake-kiosk';
import { useRegistrationStore } from '../../stores/registration';
import { useUiStore } from '../../stores/ui';
import { atPhoneStep } from '../RegistrationIntro/registration-fixture.test-support';
import { RegistrationPhone } from './RegistrationPhone';

let fake: FakeKiosk;
beforeEach(async () => {
  fake = installFakeKiosk();
  await atPhoneStep(fake);
});

const keypad = () => screen.getAllByRole('group', { name: 'Екранна клавіатура' })[0]!;
const tap = (keys: string) => {
  for (const k of keys) fireEvent.click(within(keypad()).getByRole('button', { name: k }));
};

describe('RegistrationPhone', () => {
  it(
    'offers the form’s mobile, sends the code and takes the 4 digits typed on the keypad',
    { timeout: 20_000 },
    async () => {
      expect(useUiStore.getState().screen).toBe('registrationPhone');
      render(<RegistrationPhone />);
      expect(screen.getByLabelText('Номер мобільного телефону')).toHaveValue('951234508');
      fake.respond('registrationRequestCode', () => ok({ codeSent: true }));
      fireEvent.click(screen.getByRole('button', { name: 'Надіслати код' }));
      await screen.findByText('Ми надіслали SMS з кодом із 4 цифр на +380951234508. Код дійсний 15 хвилин.');
      expect(fake.callsTo('registrationRequestCode')).toEqual([{ phone: '+380951234508' }]);
      tap('12');
      fireEvent.click(screen.getByRole('button', { name: 'Продовжити' }));
      expect(screen.getByRole('alert')).toHaveTextContent('Код — це 4 цифри з SMS.');
      tap('34');
      expect(screen.getByLabelText('Код з SMS')).toHaveValue('1234');
      fireEvent.click(screen.getByRole('button', { name: 'Продовжити' }));
      expect(useUiStore.getState().screen).toBe('registrationReview');
    },
  );

  it('eHealth refuses to text the number: its reason, and another number can be typed', async () => {
    fake.respond('registrationRequestCode', () => err('EHEALTH_UNAVAILABLE', 'down'));
    render(<RegistrationPhone />);
    fireEvent.click(screen.getByRole('button', { name: 'Надіслати код' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('зараз недоступна'));
    expect(screen.getByLabelText('Номер мобільного телефону')).toBeInTheDocument();
  });

  it('back from signing with a wrong code: the reason and the code field empty; in English too', async () => {
    fake.respond('registrationRequestCode', () => ok({ codeSent: true }));
    await useRegistrationStore.getState().requestCode();
    useRegistrationStore.setState({
      code: '',
      phoneStep: failed({ code: 'SMS_CODE_WRONG', message: 'x', details: { attemptsLeft: 2 } }),
    });
    useUiStore.setState({ language: 'en' });
    render(<RegistrationPhone />);
    expect(screen.getByRole('alert')).toHaveTextContent('Wrong SMS code');
    expect(screen.getByRole('alert')).toHaveTextContent('2 attempts left');
    expect(screen.getByLabelText('Code from the text message')).toHaveValue('');
    fireEvent.click(screen.getByRole('button', { name: 'Another number' }));
    expect(screen.getByLabelText('Mobile phone number')).toBeInTheDocument();
  });
});
