import { describe, expect, it } from 'vitest';
import { err, ok } from '#shared/result';
import { installFakeKiosk } from '../../test/fake-kiosk';
import { DETAILS, DOCTOR, DRAFT, OVERVIEW } from '../screens/Declarations/samples.test-support';
import { TERMINATION_REASONS, useDeclarationsStore } from './declarations';
import { useReceiptsStore } from './receipts';
import { useUiStore } from './ui';

const store = () => useDeclarationsStore.getState();

describe('declarations store', () => {
  it('loads the overview, and keeps what it had when a reload fails', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('declarationsOverview', () => ok(OVERVIEW));
    await store().loadOverview();
    expect(store().overview).toMatchObject({ status: 'ready', data: OVERVIEW });
    kiosk.respond('declarationsOverview', () => err('EHEALTH_UNAVAILABLE', 'down'));
    await store().loadOverview();
    expect(store().overview).toMatchObject({
      status: 'error',
      data: OVERVIEW,
      error: { code: 'EHEALTH_UNAVAILABLE' },
    });
  });

  it('terminates with the reason in Ukrainian and shows the receipt', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('declarationsGet', () => ok(DETAILS));
    kiosk.respond('declarationsTerminate', () =>
      ok({ operationId: 'op-1', referenceCode: 'K7M4-PX9C', state: 'queued', at: '2026-03-01T10:00:00Z' }),
    );
    useUiStore.getState().setLanguage('en');
    await store().openDetails(DETAILS.id);
    expect(useUiStore.getState().screen).toBe('declarationDetails');
    await store().terminate(DETAILS.id, 'moving');
    expect(kiosk.callsTo('declarationsTerminate')).toEqual([
      { id: DETAILS.id, reasonDescription: TERMINATION_REASONS.moving },
    ]);
    expect(TERMINATION_REASONS.moving).toBe('Переїзд');
    expect(useUiStore.getState().screen).toBe('receipt');
    expect(useReceiptsStore.getState().target).toEqual({
      source: { operationId: 'op-1' },
      kind: 'declaration.terminate',
      state: 'queued',
      referenceCode: 'K7M4-PX9C',
      operationId: 'op-1',
      declarationNumber: DETAILS.number,
    });
  });

  it('a refused termination stays on the screen with the error; no reason sends none', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('declarationsTerminate', () => err('DECLARATION_NOT_ACTIVE', 'not active'));
    await store().terminate('d-1', null);
    expect(kiosk.callsTo('declarationsTerminate')).toEqual([{ id: 'd-1' }]);
    expect(store().terminating).toMatchObject({ status: 'error', error: { code: 'DECLARATION_NOT_ACTIVE' } });
    expect(useUiStore.getState().screen).toBe('welcome');
  });

  it('wizard: warning → eHealth creates the request → review → confirm → receipt with the number', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('declarationsOverview', () => ok(OVERVIEW));
    kiosk.respond('declarationRequestStart', () => ok(DRAFT));
    kiosk.respond('declarationRequestConfirm', () =>
      ok({
        operationId: 'op-2',
        referenceCode: 'AB12-CD3E',
        state: 'done',
        at: '2026-03-01T10:00:00Z',
        declarationNumber: DRAFT.declarationNumber,
        declarationId: 'decl-new',
      }),
    );
    store().startWizard(DOCTOR);
    expect(useUiStore.getState().screen).toBe('declarationWizard');
    expect(store().wizard.step).toBe('warning');
    await store().createRequest();
    expect(kiosk.callsTo('declarationRequestStart')).toEqual([
      { employeeId: DOCTOR.employeeId, divisionId: DOCTOR.divisionId },
    ]);
    expect(store().wizard).toMatchObject({ step: 'review', draft: DRAFT });
    await store().confirm();
    expect(kiosk.callsTo('declarationRequestConfirm')).toEqual([{ flowId: DRAFT.flowId }]);
    expect(useUiStore.getState().screen).toBe('receipt');
    expect(useReceiptsStore.getState().target).toMatchObject({
      kind: 'declaration-request.sign',
      state: 'done',
      declarationNumber: DRAFT.declarationNumber,
    });
    expect(store().wizard.doctor).toBeNull();
  });

  it('wizard: a refusal is shown, and cancelling withdraws the request and returns to the doctor', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('declarationRequestStart', () => ok(DRAFT));
    kiosk.respond('declarationRequestConfirm', () => err('SIGNER_FAILED', 'no'));
    kiosk.respond('declarationRequestCancel', () => ok({ cancelled: true }));
    kiosk.respond('declarationsOverview', () => ok(OVERVIEW));
    store().startWizard(DOCTOR);
    await store().createRequest();
    await store().confirm();
    expect(store().wizard).toMatchObject({ step: 'error', error: { code: 'SIGNER_FAILED' }, draft: DRAFT });
    await store().cancelWizard();
    expect(kiosk.callsTo('declarationRequestCancel')).toEqual([{ flowId: DRAFT.flowId }]);
    expect(useUiStore.getState().screen).toBe('doctorCard');
    expect(store().wizard).toMatchObject({ step: 'warning', draft: null, doctor: DOCTOR });
  });
});
