import { describe, expect, it } from 'vitest';
import { err, ok } from '#shared/result';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import { useRegistrarStore } from './index';
import { ASSISTED, OFF, operation, overview, PANEL, registrarState } from './samples.test-support';

const store = () => useRegistrarStore.getState();

describe('registrar assisted-session slice', () => {
  it('starts an assisted session from the panel', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarAssistStart', () => ok(ASSISTED));
    useRegistrarStore.setState({ status: PANEL });
    expect(await store().startAssisted()).toBe(true);
    expect(store().status?.mode).toBe('assisted');
  });

  it("confirms the visitor's birth date; a mismatch is kept for the banner", async () => {
    const kiosk = installFakeKiosk();
    useRegistrarStore.setState({ status: { ...ASSISTED, patientSignedIn: true } });
    kiosk.respond('registrarConfirmBirthDate', () => err('BIRTH_DATE_MISMATCH', 'no'));
    expect(await store().confirmBirthDate('1990-01-02')).toBe(false);
    expect(store().activity.error?.code).toBe('BIRTH_DATE_MISMATCH');
    expect(store().status?.birthDateConfirmed).toBe(false);
    const confirmed = registrarState({ ...ASSISTED, patientSignedIn: true, birthDateConfirmed: true });
    kiosk.respond('registrarConfirmBirthDate', () => ok(confirmed));
    expect(await store().confirmBirthDate('1990-01-03')).toBe(true);
    expect(kiosk.callsTo('registrarConfirmBirthDate')).toEqual([
      { birthDate: '1990-01-02' },
      { birthDate: '1990-01-03' },
    ]);
    expect(store().status?.birthDateConfirmed).toBe(true);
    expect(store().activity.error).toBeNull();
  });

  it('handing back leaves nothing of the panel behind', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarHandBack', () => ok(OFF));
    useRegistrarStore.setState({ status: ASSISTED, overview: overview(), operations: [operation()] });
    await store().handBack();
    expect(store()).toMatchObject({ status: OFF, overview: null, operations: [] });
  });

  it('a refused hand-back keeps the session on screen with the reason', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarHandBack', () => err('INTERNAL', 'x'));
    useRegistrarStore.setState({ status: ASSISTED });
    await store().handBack();
    expect(store().status).toEqual(ASSISTED);
    expect(store().activity.error?.code).toBe('INTERNAL');
  });
});
