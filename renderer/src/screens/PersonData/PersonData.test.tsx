import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { err, ok } from '#shared/result';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import { usePersonStore } from '../../stores/person';
import { useUiStore } from '../../stores/ui';
import { PersonData } from './PersonData';
import { operationView, personView } from './person-fixture.test-support';

const settle = () => act(async () => {});

describe('PersonData', () => {
  it('shows every part of the person in plain words', async () => {
    const fake = installFakeKiosk();
    fake.respond('personGet', () => ok(personView()));
    render(<PersonData />);
    await settle();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Мої персональні дані');
    const main = screen.getByRole('region', { name: 'Основне' });
    expect(within(main).getByText("Дем'яненко")).toBeInTheDocument();
    expect(within(main).getByText('06.05.1997')).toBeInTheDocument();
    expect(within(main).getByText('чоловіча')).toBeInTheDocument();
    const docs = screen.getByRole('region', { name: 'Документи' });
    expect(
      within(docs).getByRole('heading', { name: 'Паспорт громадянина України (ID-картка)' }),
    ).toBeInTheDocument();
    expect(within(docs).getByText('01.03.2031')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Адреси' })).toHaveTextContent(
      'вулиця Городоцька, буд. 15А, кв. 23, місто Львів, Львівський район, Львівська область, індекс 79000',
    );
    expect(screen.getByRole('region', { name: 'Контакти' })).toHaveTextContent('+380501234502 (мобільний)');
    expect(
      screen.getByRole('region', { name: 'Контактна особа на випадок надзвичайної ситуації' }),
    ).toHaveTextContent('Бойко Галина Іванівна');
    const auth = screen.getByRole('region', { name: 'Способи підтвердження дій (автентифікації)' });
    expect(auth).toHaveTextContent('SMS-код на телефон +38050*****02');
    expect(auth).toHaveTextContent('Назва: Мій');
    expect(auth).toHaveTextContent('діє з 01.05.2025');
    const checks = screen.getByRole('region', { name: 'Перевірка даних у державних реєстрах' });
    expect(checks).toHaveTextContent('Податковий номер (реєстр ДРФО)');
    expect(checks).toHaveTextContent(
      'збігається з даними податкової служби (за автоматичним запитом до реєстру).',
    );
    // a living patient: the death register has no record of them, and the screen says exactly that
    expect(checks).toHaveTextContent('Реєстр смертей (ДРАЦС)записів про вашу смерть немає');
    expect(checks).not.toHaveTextContent('Відомості про смерть');
    expect(checks).toHaveTextContent(
      'Повна цивільна дієздатністьпідтверджувати не потрібно (встановлено автоматично).',
    );
    expect(screen.getByRole('region', { name: 'Ідентифікатори' })).toHaveTextContent(
      'записано (з міркувань безпеки не показується)',
    );
  });

  it('keeps personal values out of speech: every value is marked private', async () => {
    const fake = installFakeKiosk();
    fake.respond('personGet', () => ok(personView()));
    const { container } = render(<PersonData />);
    await settle();
    const privateText = [...container.querySelectorAll('[data-private]')].map((e) => e.textContent).join(' ');
    for (const personal of [
      "Дем'яненко",
      '3126509817',
      '19970506-00123',
      '+380501234502',
      'andrii@example.com',
      '123456789',
    ])
      expect(privateText).toContain(personal);
  });

  it('offers changes to someone who may act, and explains why not to a view-only teen', async () => {
    const fake = installFakeKiosk();
    fake.respond('personGet', () => ok(personView()));
    const { unmount } = render(<PersonData />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Змінити дані' }));
    expect(useUiStore.getState().screen).toBe('personEdit');
    unmount();

    fake.respond('personGet', () => ok(personView({ access: 'view-only' })));
    render(<PersonData />);
    await settle();
    expect(screen.queryByRole('button', { name: 'Змінити дані' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Телефон для SMS-кодів' })).toBeNull();
    expect(screen.getByText(/Ви можете лише переглядати: змінювати дані/)).toBeInTheDocument();
  });

  it('says when the data cannot be read, and tries again', async () => {
    const fake = installFakeKiosk();
    fake.respond('personGet', () => err('EHEALTH_UNAVAILABLE', 'down'));
    render(<PersonData />);
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent('Не вдалося завантажити ваші дані.');
    fake.respond('personGet', () => ok(personView()));
    fireEvent.click(screen.getByRole('button', { name: 'Спробувати ще раз' }));
    await settle();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText("Дем'яненко")).toBeInTheDocument();
  });

  it('reminds of a signed change still on its way, with its reference code', async () => {
    const fake = installFakeKiosk();
    fake.respond('personGet', () => ok(personView()));
    usePersonStore.setState({ operation: operationView() });
    render(<PersonData />);
    await settle();
    expect(screen.getByText(/ще надсилається до eHealth. Код для перевірки: K7Q4-2M9X/)).toBeInTheDocument();
  });

  it('speaks English too', async () => {
    const fake = installFakeKiosk();
    fake.respond('personGet', () => ok(personView()));
    useUiStore.getState().setLanguage('en');
    render(<PersonData />);
    await settle();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('My personal data');
    expect(screen.getByRole('region', { name: 'Addresses' })).toHaveTextContent(
      'street Городоцька, building 15А',
    );
  });
});
