import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ok } from '#shared/result';
import { installFakeKiosk, type FakeKiosk } from '../../../test/fake-kiosk';
import { ready } from '../../stores/loadable';
import { usePersonStore } from '../../stores/person';
import { personView } from '../PersonData/person-fixture.test-support';
import { PersonEdit } from './PersonEdit';

// a whole form re-renders on every key: generous limits for a loaded machine
vi.setConfig({ testTimeout: 30_000 });

let fake: FakeKiosk;
beforeEach(() => {
  fake = installFakeKiosk();
  fake.respond('personAddressRegions', () =>
    ok({
      regions: [
        { id: 'r1', name: 'Львівська' },
        { id: 'r2', name: 'Київська' },
      ],
    }),
  );
  const view = personView();
  usePersonStore.setState({ view: ready(view), draft: structuredClone(view.person), section: 'main' });
});

const settle = () => act(async () => {});
const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const keyboard = () => screen.getByRole('group', { name: /Екранна клавіатура для поля/ });
const press = (name: string) =>
  fireEvent.pointerDown(within(keyboard()).getAllByRole('button', { name })[0] as HTMLElement);
const continueWithConsent = async () => {
  if (screen.getByRole('switch', { name: /Я погоджуюся/ }).getAttribute('aria-checked') !== 'true')
    fireEvent.click(screen.getByRole('switch', { name: /Я погоджуюся/ }));
  fireEvent.click(screen.getByRole('button', { name: 'Перевірити й продовжити' }));
  await settle();
};

describe('PersonEdit', () => {
  it('types into the touched field with the on-screen keyboard under it; the apostrophe key gives eHealth’s apostrophe', () => {
    render(<PersonEdit />);
    expect(screen.getByText('Торкніться поля, щоб вводити текст.')).toBeInTheDocument();
    fireEvent.click(input('По батькові (необов’язково)'));
    expect(keyboard()).toHaveAccessibleName('Екранна клавіатура для поля «По батькові (необов’язково)»');
    fireEvent.change(input('По батькові (необов’язково)'), { target: { value: 'Д' } });
    press('Стерти');
    expect(usePersonStore.getState().draft?.second_name).toBe('');
    press('Велика літера');
    for (const k of ['Д', 'а', 'р', "'", 'я']) press(k === "'" ? 'апостроф' : k);
    expect(usePersonStore.getState().draft?.second_name).toBe("Дар'я");
    expect(input('По батькові (необов’язково)').value).toBe("Дар'я");
  });

  it('a physical keyboard works too, with typographic apostrophes folded', () => {
    render(<PersonEdit />);
    fireEvent.change(input('Прізвище'), { target: { value: 'Демʼяненко' } });
    expect(usePersonStore.getState().draft?.last_name).toBe("Дем'яненко");
  });

  it('dates are typed as digits and shown as DD.MM.YYYY', () => {
    render(<PersonEdit />);
    fireEvent.click(input('Дата народження'));
    fireEvent.change(input('Дата народження'), { target: { value: '' } });
    for (const d of '0105199') press(d);
    expect(input('Дата народження').value).toBe('01.05.199');
    press('8');
    expect(usePersonStore.getState().draft?.birth_date).toBe('1998-05-01');
    expect(input('Дата народження').value).toBe('01.05.1998');
  });

  it('writes each mistake under its field, marks the field, and counts them per part', async () => {
    render(<PersonEdit />);
    fireEvent.change(input('Ім’я'), { target: { value: 'Эдуард' } });
    usePersonStore.getState().updateDraft((d) => void (d.documents[0]!.number = '12'));
    await continueWithConsent();
    const name = input('Ім’я');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(/Лише українські літери, апостроф, дефіс і пробіл/);
    expect(screen.getByRole('alert')).toHaveTextContent('Знайдено 2 помилки');
    expect(fake.callsTo('personRequestCreate')).toHaveLength(0);
    const docsTab = screen.getByRole('button', { name: 'Документи (1)' });
    fireEvent.click(docsTab);
    expect(input('Номер')).toHaveAccessibleDescription('Номер ID-картки — 9 цифр.');
    // fixing it clears the message at once
    fireEvent.change(input('Номер'), { target: { value: '123456789' } });
    expect(input('Номер')).toHaveAttribute('aria-invalid', 'false');
  });

  it('a valid change with consent goes to main', async () => {
    fake.respond('personRequestCreate', () =>
      ok({ requestId: 'req-1', printoutHtml: '<p/>', changed: [], documents: [] }),
    );
    render(<PersonEdit />);
    await continueWithConsent();
    expect(fake.callsTo('personRequestCreate')).toHaveLength(1);
  });

  it('picks the settlement and the street from the address register', async () => {
    fake.respond('personAddressSettlements', ({ region, query }) =>
      ok({
        settlements:
          region === 'Київська' && query === 'Бро'
            ? [
                {
                  id: '11111111-2222-4333-8444-555555555555',
                  name: 'Бровари',
                  type: 'CITY',
                  district: 'Броварський',
                  region: 'Київська',
                },
              ]
            : [],
      }),
    );
    fake.respond('personAddressStreets', () =>
      ok({ streets: [{ id: 's1', type: 'STREET', name: 'Незалежності' }] }),
    );
    usePersonStore.setState({ section: 'addresses' });
    render(<PersonEdit />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Київська' }));
    const a = () => usePersonStore.getState().draft!.addresses[0]!;
    expect(a()).toMatchObject({ area: 'Київська', settlement_id: '' });
    fireEvent.change(input('Населений пункт: почніть вводити назву'), { target: { value: 'Бро' } });
    fireEvent.click(screen.getByRole('button', { name: 'Знайти — Населений пункт' }));
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'місто Бровари, Броварський район' }));
    expect(a()).toMatchObject({
      settlement: 'Бровари',
      settlement_type: 'CITY',
      settlement_id: '11111111-2222-4333-8444-555555555555',
      region: 'Броварський',
    });
    expect(a()).not.toHaveProperty('street');
    fireEvent.change(input('Вулиця: почніть вводити назву'), { target: { value: 'Незал' } });
    fireEvent.click(screen.getByRole('button', { name: 'Знайти — Вулиця' }));
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'вулиця Незалежності' }));
    expect(a()).toMatchObject({ street: 'Незалежності', street_type: 'STREET' });
    expect(fake.callsTo('personAddressStreets')).toEqual([
      { settlementId: '11111111-2222-4333-8444-555555555555', query: 'Незал' },
    ]);
  });
});
