import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ok } from '#shared/result';
import { installFakeKiosk, type FakeKiosk } from '../../../test/fake-kiosk';
import { useRegistrationStore } from '../../stores/registration';
import { useUiStore } from '../../stores/ui';
import { atPhoneStep } from '../RegistrationIntro/registration-fixture.test-support';
import { RegistrationReview } from './RegistrationReview';

let fake: FakeKiosk;
beforeEach(async () => {
  fake = installFakeKiosk();
  await atPhoneStep(fake);
  fake.respond('registrationRequestCode', () => ok({ codeSent: true }));
  await useRegistrationStore.getState().requestCode();
  useRegistrationStore.getState().setCode('1234');
  useRegistrationStore.getState().toReview();
});

describe('RegistrationReview', () => {
  it('everything the registration says, in plain words; the secret word is not shown', () => {
    render(<RegistrationReview />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Перевірте свої дані');
    const main = screen.getByRole('region', { name: 'Основне' });
    expect(main).toHaveTextContent('Пилипенко Остап Юрійович');
    expect(main).toHaveTextContent('3126509817');
    expect(main).toHaveTextContent('06.05.1997');
    expect(main).toHaveTextContent('Житомир, Україна');
    expect(main).toHaveTextContent('чоловіча');
    expect(main).not.toHaveTextContent('Ромашка');
    expect(screen.getByRole('region', { name: 'Документи' })).toHaveTextContent(
      'Паспорт громадянина України (книжечка)ВК123456',
    );
    expect(screen.getByRole('region', { name: 'Адреси' })).toHaveTextContent('Адреса проживання');
    expect(screen.getByRole('region', { name: 'Контакти' })).toHaveTextContent('+380951234508');
    expect(
      screen.getByRole('region', { name: 'Контактна особа на випадок надзвичайної ситуації' }),
    ).toHaveTextContent('Пилипенко Ганна');
  });

  it('“Correct” goes back to the form, the primary action to the signature', () => {
    render(<RegistrationReview />);
    fireEvent.click(screen.getByRole('button', { name: 'Виправити' }));
    expect(useUiStore.getState().screen).toBe('registrationForm');
    fireEvent.click(screen.getByRole('button', { name: 'Перейти до підпису' }));
    expect(useUiStore.getState().screen).toBe('registrationSign');
  });
});
