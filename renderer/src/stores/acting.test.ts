import { describe, expect, it } from 'vitest';
import type { ActingState, ChildIdentity } from '#shared/contract/acting';
import { err, ok } from '#shared/result';
import { installFakeKiosk } from '../../test/fake-kiosk';
import { selectActingFor, selectOpening, useActingStore } from './acting';
import { resetAllStores } from './reset';
import { useUiStore } from './ui';

const store = () => useActingStore.getState();
const CHILD: ChildIdentity = {
  lastName: 'Мельник',
  firstName: 'Дарина',
  secondName: '',
  birthDate: '2021-03-05',
  document: { kind: 'birth-certificate', number: 'І-КВ123456' },
};
const ACTING: ActingState = {
  mayActForOthers: true,
  children: [
    {
      handle: 'h1',
      name: 'Дарина Мельник',
      ageYears: 5,
      access: 'full',
      reason: 'child-under-14',
      role: 'parent',
    },
  ],
  active: 'h1',
};

describe('acting store', () => {
  it("is busy while main opens the child's cabinet, asks once for a second tap, then shows it", async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('actingStart', () => ok(ACTING));
    const pending = store().start(CHILD);
    expect(selectOpening(store())).toBe(true);
    expect(await store().start(CHILD)).toBe(false);
    expect(await pending).toBe(true);
    expect(kiosk.callsTo('actingStart')).toHaveLength(1);
    expect(selectOpening(store())).toBe(false);
    expect(selectActingFor(store())?.name).toBe('Дарина Мельник');
    expect(useUiStore.getState().screen).toBe('home');
  });

  it('a late answer after the visitor left (Finish, idle wipe) opens nobody', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('actingStart', () => {
      resetAllStores(); // what a wipe does meanwhile
      return ok(ACTING);
    });
    expect(await store().start(CHILD)).toBe(false);
    expect(store().state).toBeNull();
    expect(useUiStore.getState().screen).toBe('welcome');
  });

  it('a refused switch keeps the cabinet on screen with the reason; a new attempt clears it', async () => {
    const kiosk = installFakeKiosk();
    useActingStore.setState({ state: ACTING });
    kiosk.respond('actingSwitch', () => err('ACTING_NOT_ALLOWED', 'x'));
    expect(await store().switchTo(null)).toBe(false);
    expect(store().state).toEqual(ACTING);
    expect(store().opening.error?.code).toBe('ACTING_NOT_ALLOWED');
    kiosk.respond('actingSwitch', () => ok({ ...ACTING, active: null }));
    expect(await store().switchTo(null)).toBe(true);
    expect(store().opening.error).toBeNull();
    expect(selectActingFor(store())).toBeNull();
  });
});
