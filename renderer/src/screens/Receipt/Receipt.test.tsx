import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ok } from '#shared/result';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import { useOutboxLink } from '../../kiosk/outbox-link';
import { useReceiptsStore } from '../../stores/receipts';
import { useUiStore } from '../../stores/ui';
import { Receipt } from './Receipt';

const QUEUED = {
  source: { operationId: 'op-1' },
  kind: 'declaration-request.sign',
  state: 'queued' as const,
  referenceCode: 'K7M4-PX9C',
  operationId: 'op-1',
  declarationNumber: '0001-AEHK-MPTX',
};

/** The screen inside the frame's outbox link (App.tsx), which follows the outbox for every screen. */
function Framed() {
  useOutboxLink();
  return <Receipt />;
}

describe('Receipt', () => {
  it('says the action is kept and will be delivered, with the code, number and the receipt to print', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('receiptPreview', ({ language }) =>
      ok({ title: 'Квитанція', html: `<p>квитанція ${language}</p><svg role="img" aria-label="QR"></svg>` }),
    );
    kiosk.respond('receiptPrint', () => ok({ via: 'printer' }));
    useReceiptsStore.getState().show(QUEUED);
    render(<Framed />);
    expect(screen.getAllByRole('status')[0]).toHaveTextContent(
      /^Декларацію підписано\. Звʼязку з eHealth зараз немає/,
    );
    expect(screen.getByText('K7M4-PX9C')).toBeInTheDocument();
    expect(screen.getByText('Номер декларації: 0001-AEHK-MPTX')).toBeInTheDocument();
    const preview = await screen.findByRole('document', { name: 'Квитанція, яку буде надруковано' });
    expect(preview).toHaveTextContent('квитанція uk');
    fireEvent.click(screen.getByRole('button', { name: 'Надрукувати' }));
    expect(
      await screen.findByText('Надруковано. Заберіть, будь ласка, аркуш із принтера.'),
    ).toBeInTheDocument();

    // main delivers it later: the page says so and the preview follows
    act(() => {
      kiosk.emit('outboxChanged', {
        id: 'op-1',
        referenceCode: 'K7M4-PX9C',
        kind: 'declaration-request.sign',
        state: 'done',
        held: false,
        flowId: null,
        attempts: 3,
        createdAt: '2026-03-01T10:00:00Z',
        updatedAt: '2026-03-01T10:05:00Z',
        completedAt: '2026-03-01T10:05:00Z',
        nextAttemptAt: null,
        expiresAt: null,
        ehealthId: 'decl-1',
        discarded: false,
        error: null,
      });
    });
    expect(screen.getByText('Уже надіслано до eHealth.')).toBeInTheDocument();
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('Нову декларацію підписано.');
    await waitFor(() => expect(kiosk.callsTo('receiptPreview')).toHaveLength(2));
  });

  it('the preview follows the language; a doctor note goes back to the search', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('receiptPreview', ({ language }) => ok({ title: 'x', html: `<p>note ${language}</p>` }));
    useReceiptsStore.getState().show({
      source: { doctorNoteFor: 'emp-1' },
      kind: 'doctor-note',
      state: null,
      referenceCode: null,
      operationId: null,
      declarationNumber: null,
    });
    render(<Receipt />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Записка про обраного лікаря');
    await screen.findByText('note uk');
    act(() => useUiStore.getState().setLanguage('en'));
    expect(await screen.findByText('note en')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Back to the search' }));
    expect(useUiStore.getState().screen).toBe('doctorSearch');
  });
});
