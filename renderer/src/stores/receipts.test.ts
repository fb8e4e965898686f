import { describe, expect, it } from 'vitest';
import type { OperationView } from '#shared/contract/outbox';
import { err, ok } from '#shared/result';
import { installFakeKiosk } from '../../test/fake-kiosk';
import { selectPrintOf, useReceiptsStore, type ReceiptTarget } from './receipts';
import { resetAllStores } from './reset';
import { useUiStore } from './ui';

const store = () => useReceiptsStore.getState();
const TARGET: ReceiptTarget = {
  source: { operationId: 'op-1' },
  kind: 'declaration-request.sign',
  state: 'queued',
  referenceCode: 'K7M4-PX9C',
  operationId: 'op-1',
  declarationNumber: '0001-AEHK-MPTX',
};
const view = (over: Partial<OperationView>): OperationView => ({
  id: 'op-1',
  referenceCode: 'K7M4-PX9C',
  kind: 'declaration-request.sign',
  state: 'done',
  held: false,
  flowId: null,
  attempts: 2,
  createdAt: '2026-03-01T10:00:00Z',
  updatedAt: '2026-03-01T10:05:00Z',
  completedAt: '2026-03-01T10:05:00Z',
  nextAttemptAt: null,
  expiresAt: null,
  ehealthId: 'decl-1',
  discarded: false,
  error: null,
  ...over,
});

describe('receipts store', () => {
  it('keeps a receipt for a screen of its own without leaving the screen, and lets it go', () => {
    installFakeKiosk();
    useUiStore.getState().goTo('registrationQueued');
    useReceiptsStore.setState({ printed: { operationId: 'op-0' } });
    store().keep(TARGET);
    expect(store().target).toEqual(TARGET);
    expect(store().printed).toBeNull();
    expect(useUiStore.getState().screen).toBe('registrationQueued');
    store().clear();
    expect(store().target).toBeNull();
    resetAllStores();
  });

  it('shows the receipt screen, previews and prints in the chosen language', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('receiptPreview', ({ language }) => ok({ title: 'Квитанція', html: `<p>${language}</p>` }));
    kiosk.respond('receiptPrint', () => ok({ via: 'pdf' }));
    store().show(TARGET);
    expect(useUiStore.getState().screen).toBe('receipt');
    await store().loadPreview('en');
    expect(store().preview).toEqual({ html: '<p>en</p>', error: null, language: 'en' });
    await store().print('en');
    expect(kiosk.callsTo('receiptPrint')).toEqual([{ source: TARGET.source, language: 'en' }]);
    expect(store().printState).toEqual({ status: 'ready', data: 'pdf', error: null });
  });

  it('a failed print is an error to show, not a crash', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('receiptPrint', () => err('PRINT_FAILED', 'jam'));
    store().show(TARGET);
    await store().print('uk');
    expect(store().printState).toMatchObject({ status: 'error', error: { code: 'PRINT_FAILED' } });
  });

  it('a queued action delivered later turns the receipt to done; other operations change nothing', () => {
    installFakeKiosk();
    store().show(TARGET);
    store().operationChanged(view({ id: 'op-other' }));
    store().operationChanged(view({ state: 'sending' }));
    expect(store().target?.state).toBe('queued');
    store().operationChanged(view({}));
    expect(store().target).toMatchObject({ state: 'done', deliveredLater: true });
  });

  it('prints a slip and an operation’s receipt from their own screens; each screen sees only its own print', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('receiptPrint', ({ source }) =>
      'slip' in source ? ok({ via: 'printer' }) : err('PRINT_FAILED', 'jam'),
    );
    await store().printSlip('under-14', 'uk');
    expect(kiosk.callsTo('receiptPrint')).toEqual([{ source: { slip: 'under-14' }, language: 'uk' }]);
    expect(selectPrintOf({ slip: 'under-14' })(store())).toEqual({
      status: 'ready',
      data: 'printer',
      error: null,
    });
    expect(selectPrintOf({ slip: 'no-relation' })(store())).toEqual({
      status: 'idle',
      data: null,
      error: null,
    });

    await store().printOperation('op-7', 'en');
    expect(kiosk.callsTo('receiptPrint')[1]).toEqual({ source: { operationId: 'op-7' }, language: 'en' });
    expect(selectPrintOf({ operationId: 'op-7' })(store())).toMatchObject({
      status: 'error',
      error: { code: 'PRINT_FAILED' },
    });
    expect(selectPrintOf({ slip: 'under-14' })(store())).toEqual({ status: 'idle', data: null, error: null });
  });

  it('one print at a time; an answer after a wipe is dropped', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('receiptPrint', () => ok({ via: 'pdf' }));
    const first = store().printSlip('no-relation', 'uk');
    await store().printSlip('no-relation', 'uk');
    expect(kiosk.callsTo('receiptPrint')).toHaveLength(1);
    resetAllStores();
    await first;
    expect(store().printState).toEqual({ status: 'idle', data: null, error: null });
    expect(store().printed).toBeNull();
  });
});
