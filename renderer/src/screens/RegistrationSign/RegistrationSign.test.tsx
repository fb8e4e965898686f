import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '#shared/result';
import { installFakeKiosk, type FakeKiosk } from '../../../test/fake-kiosk';
import { useRegistrationStore } from '../../stores/registration';
import { useSignInStore } from '../../stores/signin';
import { useUiStore } from '../../stores/ui';
import { atPhoneStep } from '../RegistrationIntro/registration-fixture.test-support';
import { RegistrationSign } from './RegistrationSign';

let fake: FakeKiosk;
beforeEach(async () => {
  fake = installFakeKiosk();
  await atPhoneStep(fake);
  fake.respond('registrationRequestCode', () => ok({ codeSent: true }));
  await useRegistrationStore.getState().requestCode();
  useRegistrationStore.getState().setCode('1234');
  useRegistrationStore.getState().toReview();
  useRegistrationStore.getState().toSign();
});

const typePassword = (text: string) => {
  const keyboard = screen.getByRole('group', { name: 'Екранна клавіатура' });
  for (const ch of text) fireEvent.click(within(keyboard).getByRole('button', { name: ch }));
};

describe('RegistrationSign', () => {
  it(
    'the password typed on the keyboard signs; the new person is signed in at home',
    { timeout: 20_000 },
    async () => {
      fake.respond('registrationSubmit', () =>
        ok({
          status: 'signed-in',
          signIn: {
            access: 'full',
            accessReason: 'adult',
            ageYears: 29,
            greeting: { vocative: 'Остапе Юрійовичу', nominative: 'Остап Юрійович' },
          },
        }),
      );
      fake.respond('documentsRefresh', () => ok({ documents: [], complete: true }));
      render(<RegistrationSign />);
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Підпишіть заяву про реєстрацію');
      expect(screen.getByRole('button', { name: 'Підписати й зареєструватися' })).toBeDisabled();
      typePassword('abc');
      fireEvent.click(screen.getByRole('button', { name: 'Підписати й зареєструватися' }));
      await waitFor(() => expect(useUiStore.getState().screen).toBe('home'));
      expect(fake.callsTo('registrationSubmit')).toMatchObject([
        { keyId: 'k1', password: 'abc', code: '1234' },
      ]);
      expect(useSignInStore.getState().patient?.greeting.nominative).toBe('Остап Юрійович');
    },
  );

  it('a wrong password: the reason with the attempts left, and the field empty for the next try', async () => {
    fake.respond('registrationSubmit', () => err('KEY_WRONG_PASSWORD', 'x', { attemptsLeft: 4 }));
    render(<RegistrationSign />);
    typePassword('abc');
    fireEvent.click(screen.getByRole('button', { name: 'Підписати й зареєструватися' }));
    await screen.findByRole('alert');
    expect(screen.getByRole('alert')).toHaveTextContent('Неправильний пароль ключа');
    expect(screen.getByRole('alert')).toHaveTextContent('Залишилося 4 спроби.');
    expect(screen.getByLabelText('Пароль ключа')).toHaveValue('');
    expect(useUiStore.getState().screen).toBe('registrationSign');
    expect(JSON.stringify(useRegistrationStore.getState())).not.toContain('abc');
  });
});
