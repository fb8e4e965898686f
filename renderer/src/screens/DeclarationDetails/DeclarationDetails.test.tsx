import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ok } from '#shared/result';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import { useDeclarationsStore } from '../../stores/declarations';
import { useUiStore } from '../../stores/ui';
import { DETAILS, OVERVIEW } from '../Declarations/samples.test-support';
import { DeclarationDetails } from './DeclarationDetails';

async function open(canAct = true) {
  const kiosk = installFakeKiosk();
  kiosk.respond('declarationsGet', () => ok(DETAILS));
  useDeclarationsStore.setState({
    overview: { status: 'ready', data: { ...OVERVIEW, canAct }, error: null },
  });
  await useDeclarationsStore.getState().openDetails(DETAILS.id);
  render(<DeclarationDetails />);
  return kiosk;
}

describe('DeclarationDetails', () => {
  it('shows the declaration and its printout, sanitised', async () => {
    await open();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'Подробиці декларації № 0001-AEHK-MPTX',
    );
    const printout = screen.getByRole('document', { name: 'Текст декларації, яку підписано' });
    expect(printout).toHaveTextContent('Пацієнт: Ковальчук Олена Петрівна');
    expect(printout.querySelector('script, img, a, [onclick]')).toBeNull();
    expect(screen.getByText('Підписаний документ зберігається в eHealth.')).toBeInTheDocument();
  });

  it('terminating asks first (focus on "keep"), and sends with the chosen reason', async () => {
    const kiosk = await open();
    kiosk.respond('declarationsTerminate', () =>
      ok({ operationId: 'op-1', referenceCode: 'K7M4-PX9C', state: 'done', at: '2026-03-01T10:00:00Z' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Припинити декларацію' }));
    const dialog = screen.getByRole('dialog', { name: 'Припинити декларацію?' });
    expect(dialog).toHaveTextContent('Вишневська Єлизавета Дмитрівна більше не буде вашим лікарем');
    expect(within(dialog).getByRole('button', { name: 'Ні, залишити' })).toHaveFocus();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Мене не влаштовує обслуговування' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Так, припинити' }));
    await waitFor(() => expect(useUiStore.getState().screen).toBe('receipt'));
    expect(kiosk.callsTo('declarationsTerminate')).toEqual([
      { id: DETAILS.id, reasonDescription: 'Незадоволення обслуговуванням' },
    ]);
  });

  it('"keep it" closes the question without sending; a view-only patient is not offered termination', async () => {
    const kiosk = await open();
    fireEvent.click(screen.getByRole('button', { name: 'Припинити декларацію' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ні, залишити' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(kiosk.callsTo('declarationsTerminate')).toEqual([]);
  });

  it('a patient who may only look sees no termination', async () => {
    await open(false);
    expect(screen.queryByRole('button', { name: 'Припинити декларацію' })).toBeNull();
  });
});
