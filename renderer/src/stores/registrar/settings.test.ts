import { describe, expect, it } from 'vitest';
import { err, ok } from '#shared/result';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import { resetAllStores } from '../reset';
import { useRegistrarStore } from './index';
import { settings } from './samples.test-support';

const store = () => useRegistrarStore.getState();

describe('registrar settings slice', () => {
  it('reads the settings; a saved change replaces them with what main now has and says "saved"', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarSettings', () => ok(settings()));
    kiosk.respond('registrarUpdateSettings', (patch) =>
      ok(settings({ idleTimeoutSeconds: patch.idleTimeoutSeconds ?? 90 })),
    );
    await store().loadSettings();
    expect(store().settings?.idleTimeoutSeconds).toBe(90);
    expect(await store().updateSettings({ idleTimeoutSeconds: 120 })).toBe(true);
    expect(kiosk.callsTo('registrarUpdateSettings')).toEqual([{ idleTimeoutSeconds: 120 }]);
    expect(store().settings?.idleTimeoutSeconds).toBe(120);
    expect(store().activity.data).toBe('saved');
    expect(await store().updateSettings({ idleTimeoutSeconds: 60 }, 'trustImported')).toBe(true);
    expect(store().activity.data).toBe('trustImported');
  });

  it('a refused change keeps the settings as they were and says why', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarSettings', () => ok(settings()));
    kiosk.respond('registrarUpdateSettings', () => err('VALIDATION', 'bad'));
    await store().loadSettings();
    expect(await store().updateSettings({ printerName: 'x' })).toBe(false);
    expect(store().settings).toEqual(settings());
    expect(store().activity).toMatchObject({ status: 'error', data: null, error: { code: 'VALIDATION' } });
  });

  it('a wipe forgets them', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarSettings', () => ok(settings()));
    await store().loadSettings();
    resetAllStores();
    expect(store().settings).toBeNull();
  });
});
