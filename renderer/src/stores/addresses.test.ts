import { describe, expect, it } from 'vitest';
import type { Settlement } from '#shared/contract/person';
import { err, ok, type Result } from '#shared/result';
import { installFakeKiosk } from '../../test/fake-kiosk';
import { lookupBusy, lookupError, useAddressesStore } from './addresses';
import { resetAllStores, resetSubjectStores } from './reset';

const store = () => useAddressesStore.getState();
const LVIV: Settlement = { id: 's1', name: 'Львів', type: 'CITY', district: null, region: 'Львівська' };

describe('addresses store', () => {
  it('loads the regions once and keeps them; a failed load is tried again', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('personAddressRegions', () => err('EHEALTH_UNAVAILABLE', 'no link'));
    await store().loadRegions();
    expect(store().regions).toMatchObject({
      status: 'error',
      data: null,
      error: { code: 'EHEALTH_UNAVAILABLE' },
    });

    kiosk.respond('personAddressRegions', () => ok({ regions: [{ id: 'r1', name: 'Львівська' }] }));
    await store().loadRegions();
    await store().loadRegions();
    expect(store().regions).toEqual({
      status: 'ready',
      data: [{ id: 'r1', name: 'Львівська' }],
      error: null,
    });
    expect(kiosk.callsTo('personAddressRegions')).toHaveLength(2);
  });

  it('searches settlements and streets per address; a failed search keeps what was found, and the next search clears the message', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('personAddressSettlements', () => ok({ settlements: [LVIV] }));
    await store().searchSettlements(0, 'Львівська', 'Льв');
    expect(kiosk.callsTo('personAddressSettlements')).toEqual([{ region: 'Львівська', query: 'Льв' }]);
    expect(store().lookups[0]?.settlements).toEqual({ status: 'ready', data: [LVIV], error: null });
    expect(store().lookups[1]).toBeUndefined();

    kiosk.respond('personAddressSettlements', () => err('EHEALTH_UNAVAILABLE', 'no link'));
    await store().searchSettlements(0, 'Львівська', 'Льві');
    expect(store().lookups[0]?.settlements.data).toEqual([LVIV]);
    expect(lookupError(store().lookups[0])?.code).toBe('EHEALTH_UNAVAILABLE');

    kiosk.respond('personAddressStreets', () =>
      ok({ streets: [{ id: 'st1', type: 'STREET', name: 'Зелена' }] }),
    );
    await store().searchStreets(0, 's1', 'Зел');
    expect(kiosk.callsTo('personAddressStreets')).toEqual([{ settlementId: 's1', query: 'Зел' }]);
    expect(lookupError(store().lookups[0])).toBeNull();
    expect(store().lookups[0]?.streets.data).toEqual([{ id: 'st1', type: 'STREET', name: 'Зелена' }]);

    store().clearStreets(0);
    expect(store().lookups[0]?.streets.data).toBeNull();
  });

  it('is busy while a search runs and drops an answer for an address that left the form', async () => {
    const kiosk = installFakeKiosk();
    let answer: (r: Result<{ settlements: Settlement[] }>) => void = () => {};
    kiosk.bridge.api.personAddressSettlements = () => new Promise((resolve) => (answer = resolve));
    const running = store().searchSettlements(1, 'Львівська', 'Льв');
    expect(lookupBusy(store().lookups[1])).toBe(true);
    store().forget(1);
    answer(ok({ settlements: [LVIV] }));
    await running;
    expect(store().lookups[1]).toBeUndefined();
  });

  it('forgets what was found on a wipe and when the cabinet turns to another person', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('personAddressSettlements', () => ok({ settlements: [LVIV] }));
    await store().searchSettlements(0, 'Львівська', 'Льв');
    resetSubjectStores();
    expect(store().lookups).toEqual({});
    await store().searchSettlements(0, 'Львівська', 'Льв');
    resetAllStores();
    expect(store().lookups).toEqual({});
  });
});
