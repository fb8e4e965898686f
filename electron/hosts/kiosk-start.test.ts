import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { electronMock, BrowserWindow as FakeWindow } from '../../test/mocks/electron';
import { silentLogger } from '../core/log';
import type { KioskServices } from '../core/services';
import { startKioskApp } from '../window/kiosk-app';
import { startBrowserHost } from './browser-host';
import { claimHostTemp } from './host-temp';
import type { KioskRuntime } from './kiosk-runtime';
import { startKiosk, type HostProfile, type StartKioskOptions } from './kiosk-start';
import type { StartSandbox, TrainingBackend } from './training';

vi.mock('electron', () => import('../../test/mocks/electron'));
// the real start-up, watched: which host called it, with what, and what happened around its front
vi.mock('./kiosk-start', async (importOriginal) => {
  const real = await importOriginal<typeof import('./kiosk-start')>();
  return { ...real, startKiosk: vi.fn(real.startKiosk) };
});

const realStartKiosk = (await vi.importActual<typeof import('./kiosk-start')>('./kiosk-start')).startKiosk;
const watchedStartKiosk = vi.mocked(startKiosk);

/**
 * The training backend's address: an eHealth that refuses every call (401 in its envelope), so the
 * first directory sync of a training start fails at once rather than after its retries.
 */
const refusing = { url: '', server: null as Server | null };
beforeAll(async () => {
  const server = createServer((_req, res) => {
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ meta: { code: 401 }, error: { type: 'access_denied', message: 'refused' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  refusing.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  refusing.server = server;
});
afterAll(() => refusing.server?.close());

/** A fresh data directory (its saved environment is training, the default). */
let dataDir: string;
beforeEach(() => {
  electronMock.reset();
  watchedStartKiosk.mockClear();
  watchedStartKiosk.mockImplementation(realStartKiosk);
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-start-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/**
 * What happened, in order, seen through the ports of the start-up: the sandbox (its start and close),
 * the services (their database open or closed), the run's temporary folder, and the host's front.
 */
function recorder() {
  const events: string[] = [];
  let services: KioskServices | null = null;
  let tempDir = '';
  const state = () =>
    `services ${services ? (services.db.open ? 'open' : 'closed') : 'not built'}, temp ${existsSync(tempDir) ? 'kept' : 'gone'}`;
  const startSandbox: StartSandbox = async () => {
    events.push(`sandbox starts (${state()})`);
    const backend: TrainingBackend = {
      baseUrl: refusing.url,
      clientId: 'c',
      clientSecret: 's',
      apiKey: 'k',
      tsaUrl: `${refusing.url}/tsa`,
      scope: 'person:read',
      close: async () => void events.push(`sandbox closes (${state()})`),
    };
    return backend;
  };
  /** The options of a start-up with its front watched (used to wrap the one the hosts call). */
  const watch = <F>(o: StartKioskOptions<F>): StartKioskOptions<F> => {
    tempDir = o.temp.dir;
    return {
      ...o,
      attach: async (runtime: KioskRuntime) => {
        services = runtime.current();
        events.push(`front attaches (${state()})`);
        const front = await o.attach(runtime);
        return {
          value: front.value,
          detach: async () => {
            events.push(`front detaches (${state()})`);
            await front.detach();
          },
          close: async () => {
            events.push(`front's last part closes (${state()})`);
            await front.close?.();
          },
        };
      },
    };
  };
  const end = () => events.push(`stopped (${state()})`);
  return { events, startSandbox, watch, end, tempDir: () => tempDir };
}

/** The one order both hosts must follow, start to stop. */
const ORDER = [
  'sandbox starts (services not built, temp kept)',
  'front attaches (services open, temp kept)',
  'front detaches (services open, temp kept)',
  'sandbox closes (services closed, temp kept)',
  "front's last part closes (services closed, temp kept)",
  'stopped (services closed, temp gone)',
];

describe('both hosts start and stop through the one start-up', () => {
  it('the browser host: its profile, the one order, the one stop', async () => {
    const rec = recorder();
    watchedStartKiosk.mockImplementation((o) => realStartKiosk(rec.watch(o)));
    const rendererDir = join(dataDir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
    const host = await startBrowserHost({
      port: 0,
      dataDir,
      rendererDir,
      log: silentLogger(),
      version: 'test',
      startSandbox: rec.startSandbox,
    });
    expect(watchedStartKiosk).toHaveBeenCalledTimes(1);
    const profile = watchedStartKiosk.mock.calls[0]?.[0].profile as HostProfile;
    expect(profile.kind).toBe('browser');
    expect(profile.isAllowedOrigin(host.origin)).toBe(true);
    expect(profile.isAllowedOrigin('app://kiosk')).toBe(false);
    expect(
      profile.signerLauncher ?? profile.osSecretStorage ?? profile.quit ?? profile.camera,
    ).toBeUndefined();
    expect(host.tempDir).toBe(rec.tempDir());
    expect(host.training?.baseUrl).toBe(refusing.url);

    await host.close();
    rec.end();
    expect(rec.events).toEqual(ORDER);
    // the front is off: nothing answers on the port any more
    await expect(fetch(`${host.origin}/`)).rejects.toThrow();
  });

  it('the Electron kiosk: its profile, the same order, the same stop', async () => {
    const rec = recorder();
    watchedStartKiosk.mockImplementation((o) => realStartKiosk(rec.watch(o)));
    // not protected here: the at-rest key falls back to its 0600 file, as on a machine without a keychain
    const secrets: NonNullable<HostProfile['osSecretStorage']> = {
      isProtected: () => false,
      encryptString: () => Buffer.alloc(0),
      decryptString: () => '',
    };
    const kiosk = await startKioskApp({
      args: { devTools: false, training: false, dataDir },
      log: silentLogger(),
      rendererDir: '/nowhere',
      preloadPath: '/p/preload.cjs',
      startSandbox: rec.startSandbox,
      osSecretStorage: secrets,
    });
    if (!kiosk) throw new Error('the kiosk did not start');
    expect(watchedStartKiosk).toHaveBeenCalledTimes(1);
    const profile = watchedStartKiosk.mock.calls[0]?.[0].profile as HostProfile;
    expect(profile.kind).toBe('electron');
    expect(profile.isAllowedOrigin('app://kiosk')).toBe(true);
    expect(profile.isAllowedOrigin('http://127.0.0.1:8080')).toBe(false);
    expect(profile.osSecretStorage).toBe(secrets);
    expect(typeof profile.signerLauncher?.launch).toBe('function');
    expect(profile.quit).toBeTypeOf('function');
    expect(profile.camera).toBeDefined();
    expect(FakeWindow.getAllWindows()).toHaveLength(1);

    await kiosk.stop();
    rec.end();
    expect(rec.events).toEqual(ORDER);
    expect(FakeWindow.getAllWindows()).toHaveLength(0);
  });
});

describe('startKiosk', () => {
  const profile: HostProfile = {
    kind: 'browser',
    version: 'test',
    isAllowedOrigin: () => true,
    printer: () => null,
  };

  it('gives the printer the run’s temporary folder and the services in use at call time', async () => {
    const rec = recorder();
    const seen: { receiptsDir: string | null; tempDir: string; current: () => KioskServices }[] = [];
    const temp = claimHostTemp(dataDir);
    const kiosk = await realStartKiosk({
      dataDir,
      log: silentLogger(),
      temp,
      startSandbox: rec.startSandbox,
      profile: {
        ...profile,
        printer: (receiptsDir, run) => {
          seen.push({ receiptsDir, tempDir: run.tempDir, current: run.current });
          return null;
        },
      },
      attach: () => ({ value: 'front', detach: () => undefined }),
    });
    expect(kiosk.front).toBe('front');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.receiptsDir).toBe(join(dataDir, 'receipts'));
    expect(seen[0]?.tempDir).toBe(temp.dir);
    expect(seen[0]?.current()).toBe(kiosk.current());
    await kiosk.stop();
    await kiosk.stop(); // once
    expect(rec.events.filter((e) => e.startsWith('sandbox closes'))).toHaveLength(1);
    expect(existsSync(temp.dir)).toBe(false);
  });

  it('undoes a start whose front fails: services and sandbox closed, temporary folder gone', async () => {
    const rec = recorder();
    const temp = claimHostTemp(dataDir);
    let services: KioskServices | null = null;
    await expect(
      realStartKiosk(
        rec.watch({
          dataDir,
          log: silentLogger(),
          temp,
          startSandbox: rec.startSandbox,
          profile,
          attach: (runtime) => {
            services = runtime.current();
            throw new Error('the window could not open');
          },
        }),
      ),
    ).rejects.toThrow('the window could not open');
    expect((services as KioskServices | null)?.db.open).toBe(false);
    expect(rec.events).toEqual([
      'sandbox starts (services not built, temp kept)',
      'front attaches (services open, temp kept)',
      'sandbox closes (services closed, temp kept)',
    ]);
    expect(existsSync(temp.dir)).toBe(false);
  });

  it('removes the temporary folder when the services cannot start', async () => {
    writeFileSync(join(dataDir, 'kiosk.db'), 'not a database, but long enough to be read as one');
    const temp = claimHostTemp(dataDir);
    const attach = vi.fn();
    await expect(
      realStartKiosk({ dataDir, log: silentLogger(), temp, startSandbox: null, profile, attach }),
    ).rejects.toThrow();
    expect(attach).not.toHaveBeenCalled();
    expect(existsSync(temp.dir)).toBe(false);
  });
});
