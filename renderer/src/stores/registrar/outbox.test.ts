import { describe, expect, it } from 'vitest';
import { err, ok } from '#shared/result';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import { resetAllStores } from '../reset';
import { useRegistrarStore } from './index';
import { operation } from './samples.test-support';

const store = () => useRegistrarStore.getState();
const A = operation({ id: 'a' });
const B = operation({ id: 'b', referenceCode: 'AB12-CD34' });

async function listed() {
  const kiosk = installFakeKiosk();
  kiosk.respond('registrarOutboxList', () => ok({ operations: [A, B] }));
  await store().loadOperations();
  return kiosk;
}

describe('registrar outbox slice', () => {
  it('lists up to a hundred operations, of the states asked for', async () => {
    const kiosk = await listed();
    await store().loadOperations(['rejected', 'expired']);
    expect(kiosk.callsTo('registrarOutboxList')).toEqual([
      { limit: 100 },
      { states: ['rejected', 'expired'], limit: 100 },
    ]);
    expect(store().operations.map((o) => o.id)).toEqual(['a', 'b']);
  });

  it('a retry replaces that one operation in the list and says so', async () => {
    const kiosk = await listed();
    kiosk.respond('registrarOutboxRetry', ({ id }) => ok(operation({ id, state: 'sending', attempts: 2 })));
    await store().retry('b');
    expect(store().operations).toEqual([A, operation({ id: 'b', state: 'sending', attempts: 2 })]);
    expect(store().activity.data).toBe('retried');
  });

  it('a discard replaces that one operation and says so; a refusal changes nothing in the list', async () => {
    const kiosk = await listed();
    kiosk.respond('registrarOutboxDiscard', () => err('OPERATION_NOT_FOUND', 'gone'));
    await store().discard('a');
    expect(store().operations).toEqual([A, B]);
    expect(store().activity).toMatchObject({
      status: 'error',
      data: null,
      error: { code: 'OPERATION_NOT_FOUND' },
    });
    kiosk.respond('registrarOutboxDiscard', ({ id }) =>
      ok(operation({ id, discarded: true, state: 'rejected' })),
    );
    await store().discard('a');
    expect(store().operations[0]).toMatchObject({ id: 'a', discarded: true });
    expect(store().operations[1]).toEqual(B);
    expect(store().activity).toEqual({ status: 'ready', data: 'discarded', error: null });
  });

  it('a wipe forgets the list', async () => {
    await listed();
    resetAllStores();
    expect(store().operations).toEqual([]);
  });
});
