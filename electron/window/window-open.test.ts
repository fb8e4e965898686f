import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow } from 'electron';
import { electronMock, fakeOf, type FakeWebContents } from '../../test/mocks/electron';
import { silentLogger } from '../core/log';
import { denyWindowOpen } from './window-open';

vi.mock('electron', () => import('../../test/mocks/electron'));

beforeEach(() => electronMock.reset());

describe('window.open', () => {
  it('is denied for every URL, the kiosk origin included', () => {
    const wc = new BrowserWindow().webContents;
    denyWindowOpen(wc, silentLogger());
    const open = fakeOf<FakeWebContents>(wc).windowOpenHandler;
    expect(open).toBeTypeOf('function');
    for (const url of ['https://evil.example/', 'app://kiosk/index.html', 'about:blank', ''])
      expect(open?.({ url })).toEqual({ action: 'deny' });
  });
});
