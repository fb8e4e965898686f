import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow } from 'electron';
import { electronMock, fakeOf, type FakeWebContents } from '../../test/mocks/electron';
import { silentLogger } from '../core/log';
import { denyWebviews } from './webview';

vi.mock('electron', () => import('../../test/mocks/electron'));

beforeEach(() => electronMock.reset());

describe('<webview>', () => {
  it('is never attached', () => {
    const unguarded = fakeOf<FakeWebContents>(new BrowserWindow().webContents);
    expect(unguarded.fire('will-attach-webview', {}, {}, { src: 'https://x' }).defaultPrevented).toBe(false);

    const wc = new BrowserWindow().webContents;
    denyWebviews(wc, silentLogger());
    for (const src of ['https://evil.example/', 'app://kiosk/index.html'])
      expect(fakeOf<FakeWebContents>(wc).fire('will-attach-webview', {}, {}, { src }).defaultPrevented).toBe(
        true,
      );
  });
});
