import { describe, expect, it } from 'vitest';
import type { DirectoryProgress } from '#shared/contract/doctors';
import { err, ok } from '#shared/result';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import { resetAllStores } from '../reset';
import { useRegistrarStore } from './index';
import { overview } from './samples.test-support';

const store = () => useRegistrarStore.getState();
const progress = (phase: DirectoryProgress['phase']): DirectoryProgress => ({
  mode: 'incremental',
  phase,
  entity: phase === 'download' ? 'divisions' : null,
  step: 1,
  steps: 4,
  rows: 120,
});

describe('registrar directory slice', () => {
  it('starts a sync (the old progress goes) or says one is already running', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarDirectorySync', () => ok({ started: true }));
    store().setProgress(progress('download'));
    await store().syncDirectory();
    expect(store().progress).toBeNull();
    expect(store().activity.data).toBe('syncStarted');
    kiosk.respond('registrarDirectorySync', () => ok({ started: false }));
    await store().syncDirectory();
    expect(store().activity.data).toBe('syncRunning');
  });

  it('a refused sync keeps the progress shown and the reason', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarDirectorySync', () => err('SYNC_FAILED', 'x'));
    store().setProgress(progress('stage'));
    await store().syncDirectory();
    expect(store().progress?.phase).toBe('stage');
    expect(store().activity.error?.code).toBe('SYNC_FAILED');
  });

  it('progress pushed by main is shown; a finished or failed sync reloads the overview, a running one does not', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('registrarOverview', () => ok(overview()));
    store().setProgress(progress('download'));
    store().setProgress(progress('apply'));
    expect(kiosk.callsTo('registrarOverview')).toHaveLength(0);
    store().setProgress(progress('done'));
    store().setProgress(progress('failed'));
    expect(kiosk.callsTo('registrarOverview')).toHaveLength(2);
    expect(store().progress?.phase).toBe('failed');
  });

  it('a wipe forgets the progress', () => {
    installFakeKiosk();
    store().setProgress(progress('apply'));
    resetAllStores();
    expect(store().progress).toBeNull();
  });
});
