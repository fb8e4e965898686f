import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannel, ipcEvent } from '#shared/contract';
import {
  app as fakeApp,
  BrowserWindow as FakeWindow,
  electronMock,
  ipcMain as fakeIpcMain,
  Menu,
  protocol,
  session as fakeSessions,
} from '../../test/mocks/electron';
import { silentLogger } from '../core/log';
import { createServices } from '../core/services';
import type { StartSandbox, TrainingBackend } from '../hosts/training';
import { startKioskApp, type RunningKiosk } from './kiosk-app';

vi.mock('electron', () => import('../../test/mocks/electron'));

let dataDir: string;
let running: RunningKiosk | null = null;
beforeEach(() => {
  electronMock.reset();
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-app-'));
});
afterEach(async () => {
  await running?.stop();
  running = null;
  rmSync(dataDir, { recursive: true, force: true });
});

const fakeBackend = (): TrainingBackend & { closed: number } => {
  const b = {
    baseUrl: 'http://127.0.0.1:1',
    clientId: 'c',
    clientSecret: 's',
    apiKey: 'k',
    tsaUrl: 'http://127.0.0.1:1/tsa',
    scope: 'person:read',
    closed: 0,
    close: async () => {
      b.closed++;
    },
  };
  return b;
};

const start = (over: { training?: boolean; startSandbox?: StartSandbox | null } = {}) =>
  startKioskApp({
    args: { devTools: false, training: over.training ?? false, dataDir },
    log: silentLogger(),
    rendererDir: '/nowhere',
    preloadPath: '/p/preload.cjs',
    startSandbox: over.startSandbox ?? null,
  });

const call = (channel: string, payload: unknown, url = 'app://kiosk/index.html') =>
  fakeIpcMain.handlers.get(ipcChannel(channel as never))?.({ senderFrame: { url, parent: null } }, payload);

describe('Electron kiosk startup', () => {
  it('opens one secured kiosk window and answers the contract over IPC', async () => {
    running = await start();
    expect(running).not.toBeNull();
    expect(protocol.privileged.map((s) => s.scheme)).toEqual(['app']);
    expect(Menu.applicationMenu).toBeNull();
    expect(fakeApp.paths.get('sessionData')).toBe(join(dataDir, 'chromium'));
    expect(FakeWindow.getAllWindows()).toHaveLength(1);
    const w = FakeWindow.getAllWindows()[0] as FakeWindow;
    expect(w.options.kiosk).toBe(true);
    expect(w.options.webPreferences?.partition).toMatch(/^kiosk-/);
    expect(w.webContents.windowOpenHandler).not.toBeNull();

    await expect(call('appInfo', {})).resolves.toMatchObject({
      ok: true,
      value: { environment: 'training' },
    });
    await expect(call('appInfo', {}, 'https://evil.example/')).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    await expect(call('appInfo', { extra: 1 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
  });

  it('replaces the window and clears the partition when a patient session ends', async () => {
    const kiosk = await start();
    running = kiosk;
    if (!kiosk) throw new Error('kiosk did not start');
    const first = FakeWindow.getAllWindows()[0] as FakeWindow;
    const firstPartition = kiosk.shell.partitionName as string;
    kiosk.services.session.start();
    await expect(call('sessionEnd', { reason: 'finish' })).resolves.toEqual({
      ok: true,
      value: { ended: true },
    });
    const now = FakeWindow.getAllWindows();
    expect(now).toHaveLength(1);
    expect(now[0]).not.toBe(first);
    expect(first.isDestroyed()).toBe(true);
    expect(kiosk.shell.partitionName).not.toBe(firstPartition);
    expect(fakeSessions.partitions.get(firstPartition)?.cleared).toContain('storage');
    expect(now[0]?.webContents.sent).toContainEqual({
      channel: ipcEvent('sessionEnded'),
      args: [{ reason: 'finish' }],
    });
  });

  it('exits when another instance holds the lock', async () => {
    fakeApp.singleInstanceLock = false;
    expect(await start()).toBeNull();
    expect(fakeApp.quitCalls).toBe(1);
    expect(electronMock.windows).toHaveLength(0);
  });

  it('starts the sandbox in training mode and closes it on quit', async () => {
    const backend = fakeBackend();
    const startSandbox = vi.fn<StartSandbox>(async () => backend);
    running = await start({ startSandbox });
    expect(startSandbox).toHaveBeenCalledWith(
      expect.objectContaining({ host: '127.0.0.1', port: 0, dataDir: join(dataDir, 'sandbox') }),
    );
    expect(running?.training).toBe(backend);
    const quit = fakeApp.fire('before-quit');
    expect(quit.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(fakeApp.quitCalls).toBe(1));
    expect(backend.closed).toBe(1);
    expect(FakeWindow.getAllWindows()).toHaveLength(0);
    running = null;
  });

  it('keeps its temporary files in <data dir>/tmp, removes them on quit and removes a killed run’s at start', async () => {
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid; // a process that has ended
    const killedRun = join(dataDir, 'tmp', `${deadPid}-${(Date.now() - 60_000).toString(36)}`);
    mkdirSync(join(killedRun, 'sandbox'), { recursive: true }); // left by a run that was killed
    running = await start();
    const temp = fakeApp.paths.get('temp') as string;
    expect(dirname(temp)).toBe(join(dataDir, 'tmp'));
    expect(readdirSync(join(dataDir, 'tmp'))).toEqual([basename(temp)]);
    const quit = fakeApp.fire('before-quit');
    expect(quit.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(fakeApp.quitCalls).toBe(1));
    expect(existsSync(temp)).toBe(false);
    running = null;
  });

  it('still starts, offline, when the sandbox cannot', async () => {
    running = await start({
      startSandbox: async () => {
        throw new Error('port in use');
      },
    });
    expect(running?.training).toBeNull();
    expect(FakeWindow.getAllWindows()).toHaveLength(1);
  });

  it('refuses --training on a data directory configured for a real environment', async () => {
    const services = createServices({ dataDir, log: silentLogger(), version: 't' });
    services.settings.update({ environment: 'prod' });
    await services.close();
    const startSandbox = vi.fn<StartSandbox>();
    expect(await start({ training: true, startSandbox })).toBeNull();
    expect(fakeApp.exitCodes).toEqual([1]);
    expect(startSandbox).not.toHaveBeenCalled();
    expect(electronMock.windows).toHaveLength(0);
  });

  it('a switch out of training restarts the services: sandbox closed, a fresh window, IPC on the new services', async () => {
    const backend = fakeBackend();
    const kiosk = await start({ startSandbox: async () => backend });
    running = kiosk;
    if (!kiosk) throw new Error('kiosk did not start');
    const before = kiosk.services;
    const firstWindow = FakeWindow.getAllWindows()[0] as FakeWindow;
    const { code } = await before.registrar.accounts.enrollment.issue();
    await expect(
      call('registrarSetFirstPin', { registrarId: 'R-01', pin: '250871', enrollmentCode: code }),
    ).resolves.toMatchObject({ ok: true });
    for (const name of ['clientId', 'clientSecret', 'apiKey'])
      await expect(
        call('registrarUpdateSettings', {
          credential: { environment: 'prod', name, value: `${name}-value-0001` },
        }),
      ).resolves.toMatchObject({ ok: true });

    const restarted = new Promise<void>((resolve) => kiosk.runtime.onRestart(() => resolve()));
    await expect(call('registrarUpdateSettings', { environment: 'prod' })).resolves.toMatchObject({
      ok: true,
      value: { environment: 'prod' },
    });
    await restarted;
    expect(kiosk.services).not.toBe(before);
    expect(backend.closed).toBe(1);
    expect(kiosk.training).toBeNull();
    // the page starts afresh on a new partition; the old one got the end of the session first
    await vi.waitFor(() => expect(firstWindow.isDestroyed()).toBe(true));
    const now = FakeWindow.getAllWindows();
    expect(now).toHaveLength(1);
    expect(firstWindow.webContents.sent).toContainEqual({
      channel: ipcEvent('sessionEnded'),
      args: [{ reason: 'finish' }],
    });
    // the same IPC binding answers from the new services: production, registrar signed out
    await expect(call('appInfo', {})).resolves.toMatchObject({
      ok: true,
      value: { environment: 'prod', trainingMode: false },
    });
    await expect(call('registrarStatus', {})).resolves.toMatchObject({ ok: true, value: { mode: 'off' } });
  });
});
