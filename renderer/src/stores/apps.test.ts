import { describe, expect, it } from 'vitest';
import { err, ok } from '#shared/result';
import { installFakeKiosk } from '../../test/fake-kiosk';
import { APPS } from '../screens/Declarations/samples.test-support';
import { useAppsStore } from './apps';
import { useReceiptsStore } from './receipts';
import { useUiStore } from './ui';

const store = () => useAppsStore.getState();

describe('apps store', () => {
  it('revokes after confirmation and shows the receipt', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('appsList', () => ok({ apps: APPS, stale: false }));
    kiosk.respond('appsRevoke', () =>
      ok({ operationId: 'op-3', referenceCode: 'ZZ12-3456', state: 'done', at: '2026-03-01T10:00:00Z' }),
    );
    await store().load();
    store().askRevoke(APPS[1]!);
    expect(store().confirming?.id).toBe('app-family');
    await store().confirmRevoke();
    expect(kiosk.callsTo('appsRevoke')).toEqual([{ appId: 'app-family' }]);
    expect(store().confirming).toBeNull();
    expect(useUiStore.getState().screen).toBe('receipt');
    expect(useReceiptsStore.getState().target).toMatchObject({
      kind: 'app.revoke',
      referenceCode: 'ZZ12-3456',
    });
  });

  it('a refusal keeps the dialog with the error; cancelling asks nothing', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('appsRevoke', () => err('VIEW_ONLY', 'teen'));
    store().askRevoke(APPS[1]!);
    await store().confirmRevoke();
    expect(store()).toMatchObject({
      confirming: { id: 'app-family' },
      revoking: { status: 'error', error: { code: 'VIEW_ONLY' } },
    });
    store().cancelRevoke();
    expect(store().confirming).toBeNull();
    expect(kiosk.callsTo('appsRevoke')).toHaveLength(1);
  });
});
