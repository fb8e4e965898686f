import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, BrowserWindow } from 'electron';
import { electronMock, fakeOf, type FakeWebContents } from '../../test/mocks/electron';
import { silentLogger } from '../core/log';
import { secureAllPages } from './web-contents';

vi.mock('electron', () => import('../../test/mocks/electron'));

beforeEach(() => electronMock.reset());

describe('page rules on web-contents-created', () => {
  it('attach to every web contents the app creates', () => {
    secureAllPages(app, { devTools: false, log: silentLogger() });
    for (let i = 0; i < 2; i++) {
      const wc = fakeOf<FakeWebContents>(new BrowserWindow().webContents);
      expect(wc.windowOpenHandler?.({ url: 'https://evil/' })).toEqual({ action: 'deny' });
      expect(wc.fire('will-navigate', { url: 'https://evil/', isMainFrame: true }).defaultPrevented).toBe(
        true,
      );
      expect(wc.fire('will-attach-webview', {}, {}, {}).defaultPrevented).toBe(true);
      expect(wc.visualZoomLimits).toEqual([1, 1]);
      wc.openDevTools();
      expect(wc.isDevToolsOpened()).toBe(false);
    }
  });
});
