import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BrowserWindow as FakeWindow,
  electronMock,
  session as fakeSessions,
} from '../../test/mocks/electron';
import { silentLogger } from '../core/log';
import { KioskShell } from './kiosk-shell';
import { CameraAccess } from './permissions';

vi.mock('electron', () => import('../../test/mocks/electron'));

beforeEach(() => electronMock.reset());

const shell = () =>
  new KioskShell({ rendererDir: '/r', preloadPath: '/p.cjs', devTools: false, log: silentLogger() });

describe('kiosk shell', () => {
  it('opens one kiosk window on a fresh partition', async () => {
    const s = shell();
    await s.open();
    expect(electronMock.windows).toHaveLength(1);
    const w = electronMock.windows[0] as FakeWindow;
    expect(w.options.webPreferences?.partition).toBe(s.partitionName);
    expect(s.partitionName).toMatch(/^kiosk-/);
    expect(w.visible).toBe(true);
    expect(s.webContents()).toEqual([w.webContents]);
  });

  it('rotates: new window on a new partition first, then the old one is closed and cleared', async () => {
    const s = shell();
    await s.open();
    const first = electronMock.windows[0] as FakeWindow;
    const firstPartition = s.partitionName as string;
    let liveWhenOldClosed = -1;
    first.on('closed', () => {
      liveWhenOldClosed = FakeWindow.getAllWindows().length;
    });
    await s.rotate();
    const second = electronMock.windows[1] as FakeWindow;
    expect(first.isDestroyed()).toBe(true);
    expect(liveWhenOldClosed).toBe(1);
    expect(second.isDestroyed()).toBe(false);
    expect(s.partitionName).not.toBe(firstPartition);
    expect(fakeSessions.partitions.get(firstPartition)?.cleared).toEqual(
      expect.arrayContaining(['storage', 'cache']),
    );
    expect(fakeSessions.partitions.get(s.partitionName as string)?.cleared).toEqual([]);
    expect(s.webContents()).toEqual([second.webContents]);
  });

  it('gives every partition the camera gate, and a fresh page finds the camera closed', async () => {
    const camera = new CameraAccess();
    const s = new KioskShell({
      rendererDir: '/r',
      preloadPath: '/p.cjs',
      devTools: false,
      log: silentLogger(),
      camera,
    });
    await s.open();
    const video = { requestingUrl: 'app://kiosk/index.html', isMainFrame: true, mediaTypes: ['video'] };
    const ask = () => {
      const cb = vi.fn();
      fakeSessions.partitions
        .get(s.partitionName as string)
        ?.permissionRequestHandler?.(null, 'media', cb, video);
      return cb.mock.calls[0]?.[0] as boolean;
    };
    camera.open();
    expect(ask()).toBe(true);
    // the session ended with the capture screen up: the next visitor's page gets no camera
    await s.rotate();
    expect(camera.isOpen).toBe(false);
    expect(ask()).toBe(false);
  });

  it('serialises concurrent rotations', async () => {
    const s = shell();
    await s.open();
    await Promise.all([s.rotate(), s.rotate()]);
    expect(electronMock.windows).toHaveLength(3);
    expect(FakeWindow.getAllWindows()).toHaveLength(1);
  });

  it('still closes the old window when the new page fails to load', async () => {
    const s = shell();
    await s.open();
    const old = electronMock.windows[0] as FakeWindow;
    // the next window's page fails to load
    const spy = vi.spyOn(electronMock.windows, 'push').mockImplementationOnce(function (
      this: FakeWindow[],
      w,
    ) {
      w.webContents.loadURL = async () => {
        throw new Error('ERR_FILE_NOT_FOUND');
      };
      return Array.prototype.push.call(this, w);
    });
    await s.rotate();
    spy.mockRestore();
    expect(old.isDestroyed()).toBe(true);
    expect(FakeWindow.getAllWindows()).toHaveLength(1);
  });

  it('closes and clears everything on shutdown, and opens nothing afterwards', async () => {
    const s = shell();
    await s.open();
    const name = s.partitionName as string;
    await s.close();
    expect(FakeWindow.getAllWindows()).toHaveLength(0);
    expect(fakeSessions.partitions.get(name)?.cleared).toContain('storage');
    await s.rotate();
    expect(FakeWindow.getAllWindows()).toHaveLength(0);
  });
});
