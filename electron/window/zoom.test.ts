import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow } from 'electron';
import { electronMock, fakeOf, type FakeWebContents } from '../../test/mocks/electron';
import { silentLogger } from '../core/log';
import { lockZoom } from './zoom';

vi.mock('electron', () => import('../../test/mocks/electron'));

beforeEach(() => electronMock.reset());

describe('zoom lock', () => {
  it('limits pinch zoom to 1..1 and snaps any zoom back to 1', async () => {
    const wc = fakeOf<FakeWebContents>(new BrowserWindow().webContents);
    lockZoom(fakeOf(wc), silentLogger());
    expect(wc.visualZoomLimits).toEqual([1, 1]);
    wc.setZoomLevel(3);
    wc.fire('zoom-changed', {}, 'in');
    expect(wc.getZoomFactor()).toBe(1);
    wc.visualZoomLimits = null;
    await wc.loadURL('app://kiosk/index.html');
    expect(wc.visualZoomLimits).toEqual([1, 1]);
  });
});
