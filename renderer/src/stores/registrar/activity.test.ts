import { describe, expect, it } from 'vitest';
import { err, ok } from '#shared/result';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import { resetAllStores } from '../reset';
import { selectBusy, useRegistrarStore } from './index';
import { OFF, operation, overview, PANEL } from './samples.test-support';

const store = () => useRegistrarStore.getState();

describe('registrar activity (shared by every panel slice)', () => {
  it('is busy while a call runs, then shows its confirmation', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarOutboxRetry', () => ok(operation({ state: 'sending' })));
    const pending = store().retry('op-1');
    expect(selectBusy(store())).toBe(true);
    expect(store().activity).toEqual({ status: 'loading', data: null, error: null });
    await pending;
    expect(selectBusy(store())).toBe(false);
    expect(store().activity).toEqual({ status: 'ready', data: 'retried', error: null });
  });

  it("one section's error stays on screen until the next action, whatever its section, clears it", async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarOutboxDiscard', () => err('OPERATION_NOT_FOUND', 'gone'));
    kiosk.respond('registrarOverview', () => ok(overview()));
    await store().discard('op-1');
    expect(store().activity).toMatchObject({ status: 'error', error: { code: 'OPERATION_NOT_FOUND' } });
    const pending = store().loadOverview();
    expect(store().activity.error).toBeNull();
    await pending;
    expect(store().activity).toEqual({ status: 'ready', data: null, error: null });
  });

  it('a refusal for want of a registrar makes the store ask main who is signed in', async () => {
    const kiosk = installFakeKiosk();
    useRegistrarStore.setState({ status: PANEL });
    kiosk.respond('registrarAudit', () => err('REGISTRAR_REQUIRED', 'signed out by the idle timer'));
    kiosk.respond('registrarStatus', () => ok(OFF));
    await store().loadAudit();
    await Promise.resolve();
    expect(kiosk.callsTo('registrarStatus')).toHaveLength(1);
    expect(store().status?.mode).toBe('off');
    expect(store().activity.error?.code).toBe('REGISTRAR_REQUIRED');
  });

  it('any other refusal asks main nothing more', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarAudit', () => err('INTERNAL', 'disk'));
    await store().loadAudit();
    await Promise.resolve();
    expect(kiosk.callsTo('registrarStatus')).toHaveLength(0);
  });

  it('clearMessages forgets the error and the confirmation; refuse shows a mistake found on the page', () => {
    store().refuse({ code: 'VALIDATION', message: 'not a number' });
    expect(store().activity).toEqual({
      status: 'error',
      data: null,
      error: { code: 'VALIDATION', message: 'not a number' },
    });
    store().clearMessages();
    expect(store().activity).toEqual({ status: 'idle', data: null, error: null });
  });

  it('a wipe forgets the last message', () => {
    store().refuse({ code: 'VALIDATION', message: 'not a number' });
    resetAllStores();
    expect(store().activity.status).toBe('idle');
  });
});
