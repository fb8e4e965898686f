import { describe, expect, it } from 'vitest';
import { err, ok } from '#shared/result';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import { resetAllStores } from '../reset';
import {
  selectAssisted,
  selectHasStatus,
  selectInPanel,
  selectRegistrarMode,
  useRegistrarStore,
} from './index';
import { ASSISTED, auditEntry, OFF, operation, overview, PANEL, settings } from './samples.test-support';

const store = () => useRegistrarStore.getState();

describe('registrar mode slice', () => {
  it('mirrors what main says; a failed look keeps the last known state and shows why', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarStatus', () => ok(PANEL));
    expect(selectHasStatus(store())).toBe(false);
    expect(await store().refreshStatus()).toEqual(PANEL);
    expect(selectHasStatus(store())).toBe(true);
    expect(selectInPanel(store())).toBe(true);
    kiosk.respond('registrarStatus', () => err('NOT_AVAILABLE', 'bridge gone'));
    expect(await store().refreshStatus()).toBeNull();
    expect(store().status).toEqual(PANEL);
    expect(store().activity.error?.code).toBe('NOT_AVAILABLE');
  });

  it('signs in with the staff code and PIN; a wrong PIN is an error and no mode change', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarSignIn', () => err('PIN_WRONG', 'wrong'));
    expect(await store().signIn('R-01', '123456')).toBe(false);
    expect(store().status).toBeNull();
    expect(store().activity.error?.code).toBe('PIN_WRONG');
    kiosk.respond('registrarSignIn', () => ok(PANEL));
    expect(await store().signIn('R-01', '654321')).toBe(true);
    expect(kiosk.callsTo('registrarSignIn')).toEqual([
      { registrarId: 'R-01', pin: '123456' },
      { registrarId: 'R-01', pin: '654321' },
    ]);
    expect(store().status).toEqual(PANEL);
    expect(store().activity.error).toBeNull();
  });

  it('the first PIN goes with the enrolment code', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarSetFirstPin', () => ok(PANEL));
    expect(await store().setFirstPin('R-01', '123456', 'ABCD-EFGH')).toBe(true);
    expect(kiosk.callsTo('registrarSetFirstPin')).toEqual([
      { registrarId: 'R-01', pin: '123456', enrollmentCode: 'ABCD-EFGH' },
    ]);
    expect(selectRegistrarMode(store())).toBe('panel');
  });

  it('signing out forgets every panel view; the next registrar starts from nothing', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarSignOut', () => ok(OFF));
    useRegistrarStore.setState({
      status: PANEL,
      overview: overview(),
      operations: [operation()],
      settings: settings(),
      audit: [auditEntry(3)],
      auditCheck: { ok: true, entries: 3, brokenAt: null },
      trustCandidates: [],
      progress: { mode: 'full', phase: 'apply', entity: null, step: 3, steps: 4, rows: 10 },
    });
    await store().signOut();
    expect(store()).toMatchObject({
      status: OFF,
      overview: null,
      operations: [],
      settings: null,
      audit: [],
      auditCheck: null,
      trustCandidates: null,
      progress: null,
      activity: { status: 'ready', data: null, error: null },
    });
  });

  it('a refused sign-out keeps the panel as it was', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarSignOut', () => err('INTERNAL', 'x'));
    useRegistrarStore.setState({ status: PANEL, overview: overview() });
    await store().signOut();
    expect(store().status).toEqual(PANEL);
    expect(store().overview).not.toBeNull();
    expect(store().activity.error?.code).toBe('INTERNAL');
  });

  it('quitting asks main once and says whether it goes', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarQuit', () => ok({ quitting: true }));
    expect(await store().quitKiosk()).toBe(true);
    kiosk.respond('registrarQuit', () => err('NOT_AVAILABLE', 'browser host'));
    expect(await store().quitKiosk()).toBe(false);
    expect(kiosk.callsTo('registrarQuit')).toHaveLength(2);
  });

  it('pushes from main set the state; the selectors read the mode', () => {
    store().setStatus(ASSISTED);
    expect(selectAssisted(store())).toBe(true);
    expect(selectInPanel(store())).toBe(false);
    expect(selectRegistrarMode(store())).toBe('assisted');
    resetAllStores();
    expect(selectRegistrarMode(store())).toBe('off');
    expect(selectHasStatus(store())).toBe(false);
  });
});
