import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { err, ok } from '#shared/result';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import { useUiStore } from '../../stores/ui';
import { Declarations } from './Declarations';
import { CURRENT, OVERVIEW } from './samples.test-support';

describe('Declarations', () => {
  it('shows the current declaration in full and the history with why each ended', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('declarationsOverview', () => ok(OVERVIEW));
    render(<Declarations />);
    const current = await screen.findByRole('region', { name: 'Чинна декларація' });
    for (const text of [
      'Вишневська Єлизавета Дмитрівна',
      'Сімейний лікар',
      'Амбулаторія № 3',
      'КНП «Центр ПМСД»',
      'Вінниця, Соборна, 1',
      '+380432000000',
      '11 травня 2025 р.',
      '0001-AEHK-MPTX',
      'Діє',
    ])
      expect(current).toHaveTextContent(text);
    const history = screen.getByRole('region', { name: 'Попередні декларації' });
    expect(history).toHaveTextContent('Терапевт');
    expect(history).toHaveTextContent('Ви припинили її самі. Ваше пояснення: «Переїзд до іншого міста»');
    // when it ended, not when it was once planned to end
    expect(history).toHaveTextContent('Припинено11 травня 2025 р.');
    expect(history).toHaveTextContent('З 1 січня 2023 р. до 11 травня 2025 р.');
    expect(history).not.toHaveTextContent('2026');
    expect(
      within(history).getByRole('button', { name: /Подробиці декларації № 0001-KXTP-52M9/ }),
    ).toBeInTheDocument();
    fireEvent.click(within(current).getByRole('button', { name: 'Обрати іншого лікаря' }));
    expect(useUiStore.getState().screen).toBe('doctorSearch');
  });

  it('a declaration replaced by a new one says so; an expired one says when its term ended', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('declarationsOverview', () =>
      ok({
        ...OVERVIEW,
        history: [
          { ...OVERVIEW.history[0]!, id: 'r', reason: 'replaced', reasonDescription: null },
          {
            ...OVERVIEW.history[0]!,
            id: 'c',
            number: '0001-CLOS-ED00',
            status: 'closed',
            endDate: '2024-02-01',
            endedOn: '2024-02-01',
            reason: 'auto_expired',
            reasonDescription: null,
          },
        ],
      }),
    );
    render(<Declarations />);
    const history = await screen.findByRole('region', { name: 'Попередні декларації' });
    expect(history).toHaveTextContent('Її замінила нова декларація: одночасно може діяти лише одна');
    expect(history).toHaveTextContent('Закінчилася1 лютого 2024 р.');
    expect(history).toHaveTextContent('Закінчився строк дії');
    expect(history).not.toHaveTextContent('Діє до');
  });

  it('without a declaration offers to find a doctor; a view-only patient gets no actions', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('declarationsOverview', () => ok({ ...OVERVIEW, current: null, history: [] }));
    const { unmount } = render(<Declarations />);
    expect(await screen.findByText('У вас зараз немає чинної декларації з лікарем.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Знайти лікаря' })).toBeInTheDocument();
    unmount();
    kiosk.respond('declarationsOverview', () =>
      ok({ ...OVERVIEW, current: CURRENT, canAct: false, stale: true }),
    );
    render(<Declarations />);
    expect(await screen.findByText(/Ви можете лише переглядати: змінювати дані/)).toBeInTheDocument();
    expect(screen.getByText(/Звʼязку з eHealth зараз немає/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Обрати іншого лікаря' })).toBeNull();
  });

  it('an error is said plainly, with a retry', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('declarationsOverview', () => err('EHEALTH_UNAVAILABLE', 'down'));
    render(<Declarations />);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Електронна система охорони здоров’я зараз недоступна',
    );
    kiosk.respond('declarationsOverview', () => ok(OVERVIEW));
    fireEvent.click(screen.getByRole('button', { name: 'Спробувати ще раз' }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Чинна декларація' })).toBeInTheDocument());
  });
});
