import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ok } from '#shared/result';
import { installFakeKiosk, type FakeKiosk } from '../../../test/fake-kiosk';
import { useRegistrationStore } from '../../stores/registration';
import { useUiStore } from '../../stores/ui';
import { KEY, PREFILL } from '../RegistrationIntro/registration-fixture.test-support';
import { useSignInStore } from '../../stores/signin';
import { RegistrationForm } from './RegistrationForm';

let fake: FakeKiosk;
beforeEach(async () => {
  fake = installFakeKiosk();
  fake.respond('registrationPrefill', () => ok(PREFILL));
  fake.respond('personAddressRegions', () => ok({ regions: [{ id: 'r1', name: 'Житомирська' }] }));
  useSignInStore.setState({ chosenKey: KEY });
  await useRegistrationStore.getState().begin();
  useRegistrationStore.getState().setConsent(true);
  useRegistrationStore.getState().toForm();
});

const keyboardFor = (field: string) =>
  screen.getByRole('group', { name: `Екранна клавіатура для поля «${field}»` });

describe('RegistrationForm', () => {
  it(
    'the key’s names and tax id are shown, not typed; the birth date the tax id tells is offered',
    { timeout: 20_000 },
    () => {
      render(<RegistrationForm />);
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Ваші дані для eHealth');
      expect(screen.getByText('Пилипенко Остап Юрійович')).toBeInTheDocument();
      expect(screen.getByText('3126509817')).toBeInTheDocument();
      expect(screen.queryByLabelText('Прізвище')).toBeNull();
      expect(screen.queryByLabelText('Ім’я')).toBeNull();
      expect(screen.getByLabelText('Дата народження')).toHaveValue('06.05.1997');
    },
  );

  it(
    'every mistake is written under its field; the secret word’s rule in registration’s own words',
    { timeout: 20_000 },
    () => {
      render(<RegistrationForm />);
      fireEvent.click(screen.getByRole('button', { name: 'Перевірити й продовжити' }));
      expect(useUiStore.getState().screen).toBe('registrationForm');
      expect(screen.getAllByRole('alert')[0]).toHaveTextContent(/Знайдено \d+ помил/);
      const place = screen.getByLabelText('Місце народження');
      expect(place).toHaveAttribute('aria-invalid', 'true');
      expect(screen.getByText('Кодове слово — від 6 до 20 символів.')).toBeInTheDocument();
      expect(screen.queryByText(/Змінити його можна лише в реєстратурі/)).toBeNull();
      // typed on the keyboard under the field, the message goes
      fireEvent.click(place);
      for (const ch of 'житомир')
        fireEvent.click(within(keyboardFor('Місце народження')).getByRole('button', { name: ch }));
      expect(place).toHaveValue('житомир');
      expect(place).toHaveAttribute('aria-invalid', 'false');
      // the other parts say how many mistakes they hold
      expect(screen.getByRole('button', { name: /^Документи \(\d\)$/ })).toBeInTheDocument();
    },
  );

  it('a name that is not the key’s any more: registration stops with the reason', () => {
    render(<RegistrationForm />);
    fireEvent.click(screen.getByRole('button', { name: 'Моє прізвище чи ім’я тепер інше' }));
    expect(
      screen.getByRole('heading', { name: 'Зареєструватися з цим ключем не вийде' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'лише з тим прізвищем та ім’ям, що записані в сертифікаті її ключа: Пилипенко Остап Юрійович',
    );
    expect(screen.queryByRole('button', { name: 'Перевірити й продовжити' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Ні, у ключі все правильно' }));
    expect(screen.getByRole('button', { name: 'Перевірити й продовжити' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Моє прізвище чи ім’я тепер інше' }));
    fireEvent.click(screen.getByRole('button', { name: 'Обрати інший ключ' }));
    expect(useUiStore.getState().screen).toBe('insertKey');
    expect(useRegistrationStore.getState().draft).toBeNull();
  });

  it('eHealth refused the key’s surname: the reason at the names, in English too', () => {
    useUiStore.setState({ language: 'en' });
    useRegistrationStore.setState({
      showErrors: true,
      violationSource: 'ehealth',
      violations: [{ path: 'last_name', rule: 'registration.lastName' }],
    });
    render(<RegistrationForm />);
    expect(screen.getAllByRole('alert')[0]).toHaveTextContent('eHealth did not accept some details');
    expect(screen.getAllByRole('alert')[1]).toHaveTextContent(/surname/i);
  });
});
