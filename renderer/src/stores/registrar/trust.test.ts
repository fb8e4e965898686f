import { describe, expect, it } from 'vitest';
import { err, ok } from '#shared/result';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import { resetAllStores } from '../reset';
import { selectBusy, useRegistrarStore } from './index';
import { overview } from './samples.test-support';

const store = () => useRegistrarStore.getState();
const CANDIDATE = { id: 'c1', fileName: 'TL-UA.xml', medium: 'USB', bytes: 40960 };
const TRUST = {
  date: '2026-02-01T00:00:00Z',
  certificates: 12,
  skipped: 0,
  sha256: 'ab'.repeat(32),
  fileName: 'TL-UA.xml',
};

describe('registrar trust-list slice', () => {
  it('lists the candidates a scan found (an empty list when none)', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarTrustListScan', () => ok({ candidates: [] }));
    expect(store().trustCandidates).toBeNull();
    await store().scanTrust();
    expect(store().trustCandidates).toEqual([]);
    kiosk.respond('registrarTrustListScan', () => ok({ candidates: [CANDIDATE] }));
    await store().scanTrust();
    expect(store().trustCandidates).toEqual([CANDIDATE]);
  });

  it('an import drops the candidates, reads the installed list quietly and keeps the confirmation', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarTrustListScan', () => ok({ candidates: [CANDIDATE] }));
    kiosk.respond('registrarTrustListImport', () => ok(TRUST));
    kiosk.respond('registrarOverview', () => ok(overview({ trustList: TRUST })));
    await store().scanTrust();
    await store().importTrust('c1');
    expect(kiosk.callsTo('registrarTrustListImport')).toEqual([{ id: 'c1' }]);
    expect(store().trustCandidates).toBeNull();
    expect(store().overview?.trustList).toEqual(TRUST);
    expect(store().activity).toEqual({ status: 'ready', data: 'trustImported', error: null });
    expect(selectBusy(store())).toBe(false);
  });

  it('the confirmation stays even when the overview cannot be read afterwards', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarTrustListImport', () => ok(TRUST));
    kiosk.respond('registrarOverview', () => err('INTERNAL', 'x'));
    useRegistrarStore.setState({ overview: overview() });
    await store().importTrust('c1');
    expect(store().overview).toEqual(overview());
    expect(store().activity).toEqual({ status: 'ready', data: 'trustImported', error: null });
  });

  it('a refused import keeps the candidates and asks for no overview', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarTrustListScan', () => ok({ candidates: [CANDIDATE] }));
    kiosk.respond('registrarTrustListImport', () => err('TRUST_LIST_INVALID', 'bad signature'));
    await store().scanTrust();
    await store().importTrust('c1');
    expect(store().trustCandidates).toEqual([CANDIDATE]);
    expect(kiosk.callsTo('registrarOverview')).toHaveLength(0);
    expect(store().activity.error?.code).toBe('TRUST_LIST_INVALID');
  });

  it('a wipe forgets the candidates', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarTrustListScan', () => ok({ candidates: [CANDIDATE] }));
    await store().scanTrust();
    resetAllStores();
    expect(store().trustCandidates).toBeNull();
  });
});
