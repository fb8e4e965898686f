import { describe, expect, it } from 'vitest';
import { err, ok } from '#shared/result';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import { resetAllStores } from '../reset';
import { useRegistrarStore } from './index';
import { auditEntry } from './samples.test-support';

const store = () => useRegistrarStore.getState();

describe('registrar audit slice', () => {
  it('reads the newest page, then older pages after the last entry shown', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarAudit', ({ beforeSeq }) =>
      ok({ entries: beforeSeq ? [auditEntry(beforeSeq - 1)] : [auditEntry(9), auditEntry(8)] }),
    );
    await store().loadAudit();
    await store().loadAudit(true);
    expect(kiosk.callsTo('registrarAudit')).toEqual([{ limit: 50 }, { limit: 50, beforeSeq: 8 }]);
    expect(store().audit.map((e) => e.seq)).toEqual([9, 8, 7]);
    await store().loadAudit();
    expect(store().audit.map((e) => e.seq)).toEqual([9, 8]);
  });

  it('checks the chain and shows the newest page again', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarAuditVerify', () => ok({ ok: false, entries: 9, brokenAt: 4 }));
    kiosk.respond('registrarAudit', () => ok({ entries: [auditEntry(9)] }));
    await store().verifyAudit();
    expect(store().auditCheck).toEqual({ ok: false, entries: 9, brokenAt: 4 });
    expect(kiosk.callsTo('registrarAudit')).toEqual([{ limit: 50 }]);
    expect(store().audit).toEqual([auditEntry(9)]);
  });

  it('a refused page keeps what was shown', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarAudit', () => ok({ entries: [auditEntry(2)] }));
    await store().loadAudit();
    kiosk.respond('registrarAudit', () => err('STORAGE_FAILED', 'x'));
    await store().loadAudit(true);
    expect(store().audit).toEqual([auditEntry(2)]);
    expect(store().activity.error?.code).toBe('STORAGE_FAILED');
  });

  it('a wipe forgets the log and the check', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarAuditVerify', () => ok({ ok: true, entries: 1, brokenAt: null }));
    kiosk.respond('registrarAudit', () => ok({ entries: [auditEntry(1)] }));
    await store().verifyAudit();
    resetAllStores();
    expect(store().audit).toEqual([]);
    expect(store().auditCheck).toBeNull();
  });
});
