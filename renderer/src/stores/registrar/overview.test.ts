import { describe, expect, it } from 'vitest';
import { err, ok } from '#shared/result';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import { resetAllStores } from '../reset';
import { selectTrustList, useRegistrarStore } from './index';
import { OFF, overview, PANEL } from './samples.test-support';

const store = () => useRegistrarStore.getState();
const TRUST = {
  date: '2026-02-01T00:00:00Z',
  certificates: 12,
  skipped: 0,
  sha256: 'ab'.repeat(32),
  fileName: 'tl.xml',
};

describe('registrar overview slice', () => {
  it('reads how the kiosk stands; the trust list is read through its selector', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarOverview', () => ok(overview({ trustList: TRUST })));
    expect(selectTrustList(store())).toBeNull();
    await store().loadOverview();
    expect(store().overview?.directory.doctors).toBe(40);
    expect(selectTrustList(store())).toEqual(TRUST);
  });

  it('a failed reload keeps the last overview and shows why', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarOverview', () => ok(overview()));
    await store().loadOverview();
    kiosk.respond('registrarOverview', () => err('INTERNAL', 'x'));
    await store().loadOverview();
    expect(store().overview).toEqual(overview());
    expect(store().activity.error?.code).toBe('INTERNAL');
  });

  it('refused for want of a registrar: the panel follows main to signed out', async () => {
    const kiosk = installFakeKiosk();
    useRegistrarStore.setState({ status: PANEL });
    kiosk.respond('registrarOverview', () => err('REGISTRAR_REQUIRED', 'x'));
    kiosk.respond('registrarStatus', () => ok(OFF));
    await store().loadOverview();
    await Promise.resolve();
    expect(store().status).toEqual(OFF);
  });

  it('a wipe forgets it', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarOverview', () => ok(overview()));
    await store().loadOverview();
    resetAllStores();
    expect(store().overview).toBeNull();
  });
});
