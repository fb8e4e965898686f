import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electronMock, fakeOf, type BrowserWindow as FakeWindow } from '../../test/mocks/electron';
import { createKioskWindow, kioskWindowOptions } from './kiosk-window';

vi.mock('electron', () => import('../../test/mocks/electron'));

beforeEach(() => electronMock.reset());

describe('kiosk window', () => {
  it('is a locked-down kiosk window', () => {
    const o = kioskWindowOptions({ preloadPath: '/p/preload.cjs', partition: 'kiosk-1', devTools: false });
    expect(o.kiosk).toBe(true);
    expect(o.autoHideMenuBar).toBe(true);
    expect(o.webPreferences).toMatchObject({
      preload: '/p/preload.cjs',
      partition: 'kiosk-1',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      zoomFactor: 1,
    });
    expect(o.webPreferences?.partition?.startsWith('persist:')).toBe(false);
    expect(
      kioskWindowOptions({ preloadPath: '', partition: 'kiosk-1', devTools: true }).webPreferences?.devTools,
    ).toBe(true);
  });

  it('has no menu and loads the UI from app://kiosk', async () => {
    const { window, loaded } = createKioskWindow({
      preloadPath: '/p',
      partition: 'kiosk-2',
      devTools: false,
    });
    await loaded;
    const fake = fakeOf<FakeWindow>(window);
    expect(fake.menuRemoved).toBe(true);
    expect(fake.webContents.loaded).toEqual(['app://kiosk/index.html']);
    expect(fake.visible).toBe(false);
    fake.emit('ready-to-show');
    expect(fake.visible).toBe(true);
  });
});
