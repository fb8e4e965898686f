import { afterEach, describe, expect, it } from 'vitest';
import { fixture, seedDirectory } from '../../core/directory/fixture.test-support';
import { silentLogger } from '../../core/log';
import { createServices, type KioskServices } from '../../core/services';
import { createRouter } from '../router';
import { createHandlers } from './index';

let services: KioskServices;
afterEach(() => services?.close());

function setup() {
  services = createServices({ dataDir: ':memory:', log: silentLogger(), version: 't' });
  const dispatch = createRouter({
    handlers: createHandlers(services),
    isAllowedOrigin: () => true,
    log: silentLogger(),
  });
  return (channel: string, payload: unknown) => dispatch(channel, payload, { origin: 'app://kiosk' });
}

describe('doctor channels', () => {
  it('say the directory is empty before the first sync, and that sync needs a backend', async () => {
    const call = setup();
    expect(await call('doctorsSearch', { text: 'Ко' })).toMatchObject({
      ok: false,
      error: { code: 'DIRECTORY_EMPTY' },
    });
    expect(await call('directoryStatus', {})).toMatchObject({
      ok: true,
      value: { doctors: 0, lastSyncAt: null, syncing: false },
    });
    expect(await call('directorySync', {})).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE' } });
  });

  it('search, doctor card and status on the replicated directory', async () => {
    const call = setup();
    await seedDirectory(services.directory.store, fixture());
    const found = await call('doctorsSearch', { text: 'галаган', age: 40 });
    expect(found).toMatchObject({
      ok: true,
      value: { total: 1, items: [{ employeeId: 'e-1', freePlaces: 1 }] },
    });
    expect(await call('doctorsGet', { employeeId: 'e-1' })).toMatchObject({
      ok: true,
      value: { fullName: 'Ґалаґан Ірина Петрівна' },
    });
    expect(await call('doctorsGet', { employeeId: 'e-6' })).toMatchObject({
      ok: false,
      error: { code: 'EHEALTH_NOT_FOUND' },
    });
    expect(await call('doctorsSearch', { pageSize: 1000 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await call('directoryStatus', {})).toMatchObject({ ok: true, value: { doctors: 5 } });
  });
});
