import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow } from 'electron';
import { electronMock, fakeOf, type FakeWebContents } from '../../test/mocks/electron';
import { silentLogger } from '../core/log';
import { devToolsAllowed, guardDevTools } from './devtools';

vi.mock('electron', () => import('../../test/mocks/electron'));

beforeEach(() => electronMock.reset());

describe('DevTools', () => {
  it('are allowed only with the explicit --kiosk-dev flag', () => {
    expect(devToolsAllowed(['electron', 'main.cjs'])).toBe(false);
    expect(devToolsAllowed(['electron', 'main.cjs', '--dev'])).toBe(false);
    expect(devToolsAllowed(['electron', 'main.cjs', '--kiosk-dev=1'])).toBe(false);
    expect(devToolsAllowed(['electron', 'main.cjs', '--kiosk-dev'])).toBe(true);
  });

  it('are closed at once when opened without the flag', () => {
    const wc = fakeOf<FakeWebContents>(new BrowserWindow().webContents);
    guardDevTools(fakeOf(wc), silentLogger(), { devTools: false });
    wc.openDevTools();
    expect(wc.isDevToolsOpened()).toBe(false);
  });

  it('stay open with the flag', () => {
    const wc = fakeOf<FakeWebContents>(new BrowserWindow().webContents);
    guardDevTools(fakeOf(wc), silentLogger(), { devTools: true });
    wc.openDevTools();
    expect(wc.isDevToolsOpened()).toBe(true);
  });
});
