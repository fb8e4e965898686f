import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '#shared/result';
import { installFakeKiosk, type FakeKiosk } from '../../../test/fake-kiosk';
import { useRegistrationStore } from '../../stores/registration';
import { failed } from '../../stores/loadable';
import { useSignInStore } from '../../stores/signin';
import { useUiStore } from '../../stores/ui';
import { SignInError } from '../SignInError/SignInError';
import { RegistrationIntro } from './RegistrationIntro';

const PREFILL = {
  lastName: 'Пилипенко',
  firstName: 'Остап',
  secondName: 'Юрійович',
  taxId: '3123456789',
  birthDate: '1993-05-01',
};

let fake: FakeKiosk;
beforeEach(() => {
  fake = installFakeKiosk();
  fake.respond('registrationPrefill', () => ok(PREFILL));
});

describe('registration offer and explanation', () => {
  it('the unknown-person refusal offers registration; it opens the explanation with the key’s details', async () => {
    useSignInStore.setState({ signingIn: failed({ code: 'PERSON_NOT_FOUND', message: 'x' }) });
    useUiStore.getState().goTo('signInError');
    render(<SignInError />);
    expect(screen.getByText(/це можна зробити тут, своїм ключем/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Зареєструватися в eHealth' }));
    expect(useUiStore.getState().screen).toBe('registrationIntro');
    await waitFor(() => expect(useRegistrationStore.getState().prefill.data).toEqual(PREFILL));
    expect(fake.callsTo('registrationPrefill')).toHaveLength(1);
  });

  it('other refusals do not offer it', () => {
    useSignInStore.setState({ signingIn: failed({ code: 'CERT_EXPIRED', message: 'x' }) });
    render(<SignInError />);
    expect(screen.queryByRole('button', { name: 'Зареєструватися в eHealth' })).toBeNull();
  });

  it('says what registration means; continuing needs the consent, with the reason when it is missing', async () => {
    await useRegistrationStore.getState().begin();
    render(<RegistrationIntro />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Реєстрація в eHealth');
    expect(screen.getByRole('region', { name: 'Що це означає' })).toHaveTextContent(
      'Ім’я, прізвище та РНОКПП кіоск бере з вашого ключа',
    );
    expect(screen.getByText(/забуває їх, щойно ви натиснете «Завершити»/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Продовжити' }));
    expect(screen.getByRole('alert')).toHaveTextContent('без цього eHealth не реєструє');
    expect(useUiStore.getState().screen).toBe('registrationIntro');
    fireEvent.click(screen.getByRole('switch', { name: 'Я погоджуюся на обробку моїх персональних даних' }));
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Продовжити' }));
    expect(useUiStore.getState().screen).toBe('registrationForm');
  });

  it('in English, and a failed read of the key’s details with a retry', async () => {
    useUiStore.setState({ language: 'en' });
    fake.respond('registrationPrefill', () => err('FLOW_EXPIRED', 'gone'));
    await useRegistrationStore.getState().begin();
    render(<RegistrationIntro />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Registering with eHealth');
    expect(screen.getByRole('alert')).toHaveTextContent('The details could not be read from the key.');
    expect(screen.getByRole('button', { name: 'Continue' })).toBeDisabled();
    fake.respond('registrationPrefill', () => ok(PREFILL));
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('button', { name: 'Continue' });
    expect(fake.callsTo('registrationPrefill')).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Continue' })).toBeEnabled();
  });
});
