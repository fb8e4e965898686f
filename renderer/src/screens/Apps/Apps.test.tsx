import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ok } from '#shared/result';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import { useUiStore } from '../../stores/ui';
import { APPS, OVERVIEW } from '../Declarations/samples.test-support';
import { Apps } from './Apps';

function setup(canAct = true, apps = APPS) {
  const kiosk = installFakeKiosk();
  kiosk.respond('appsList', () => ok({ apps, stale: false }));
  kiosk.respond('declarationsOverview', () => ok({ ...OVERVIEW, canAct }));
  render(<Apps />);
  return kiosk;
}

const card = (name: string) => screen.getByRole('heading', { level: 2, name }).closest('li') as HTMLElement;

describe('Apps', () => {
  it('explains each permission in plain words, once, and marks the kiosk itself (not revocable)', async () => {
    setup();
    await screen.findByRole('heading', { level: 2, name: 'Сімейна Медкарта' });
    const family = card('Сімейна Медкарта');
    expect(
      within(family)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'входити від вашого імені та бачити ваші персональні дані',
      'переглядати ваші декларації з лікарем',
      'інший дозвіл (custom:thing)',
    ]);
    expect(family).toHaveTextContent('Доступ надано 1 червня 2025 р.');
    const kiosk = card('Кабінет-кіоск');
    expect(kiosk).toHaveTextContent('Це кіоск, яким ви зараз користуєтеся');
    expect(within(kiosk).queryByRole('button')).toBeNull();
  });

  it('revokes after a confirmation', async () => {
    const kiosk = setup();
    kiosk.respond('appsRevoke', () =>
      ok({ operationId: 'op-1', referenceCode: 'K7M4-PX9C', state: 'done', at: '2026-03-01T10:00:00Z' }),
    );
    await screen.findByRole('heading', { level: 2, name: 'Сімейна Медкарта' });
    fireEvent.click(within(card('Сімейна Медкарта')).getByRole('button', { name: /Скасувати доступ/ }));
    const dialog = screen.getByRole('dialog', { name: 'Скасувати доступ?' });
    expect(dialog).toHaveTextContent('«Сімейна Медкарта» більше не зможе працювати з вашими даними');
    expect(within(dialog).getByRole('button', { name: 'Ні, залишити' })).toHaveFocus();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Так, скасувати доступ' }));
    await waitFor(() => expect(useUiStore.getState().screen).toBe('receipt'));
    expect(kiosk.callsTo('appsRevoke')).toEqual([{ appId: 'app-family' }]);
  });

  it('a pending revocation shows its code; a view-only patient is not offered revocation', async () => {
    setup(false, [
      APPS[0]!,
      {
        ...APPS[1]!,
        pendingRevoke: { operationId: 'op-9', referenceCode: 'AB12-CD3E', state: 'waiting-network' },
      },
      { ...APPS[1]!, id: 'app-other', name: 'Інший кабінет' },
    ]);
    expect(
      await screen.findByText('Скасування чекає на надсилання. Код квитанції: AB12-CD3E'),
    ).toBeInTheDocument();
    await screen.findByText(/Ви можете лише переглядати: змінювати дані/);
    expect(within(card('Інший кабінет')).queryByRole('button')).toBeNull();
  });
});
