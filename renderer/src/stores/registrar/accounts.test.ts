import { describe, expect, it } from 'vitest';
import { err, ok } from '#shared/result';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import { useRegistrarStore } from './index';

const store = () => useRegistrarStore.getState();

describe('registrar accounts slice', () => {
  it('adds another registrar and says so', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarAddAccount', ({ registrarId }) => ok({ registrarId }));
    expect(await store().addRegistrar('R-02', '246810')).toBe(true);
    expect(kiosk.callsTo('registrarAddAccount')).toEqual([{ registrarId: 'R-02', pin: '246810' }]);
    expect(store().activity).toEqual({ status: 'ready', data: 'registrarAdded', error: null });
  });

  it('changes the PIN and says so; a wrong current PIN is an error, no confirmation', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarChangePin', () => err('PIN_WRONG', 'x'));
    expect(await store().changePin('111111', '222222')).toBe(false);
    expect(store().activity).toMatchObject({ status: 'error', data: null, error: { code: 'PIN_WRONG' } });
    kiosk.respond('registrarChangePin', () => ok({ changed: true }));
    expect(await store().changePin('123456', '222222')).toBe(true);
    expect(kiosk.callsTo('registrarChangePin')).toEqual([
      { currentPin: '111111', pin: '222222' },
      { currentPin: '123456', pin: '222222' },
    ]);
    expect(store().activity.data).toBe('pinChanged');
  });
});
