import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow } from 'electron';
import { electronMock, fakeOf, type FakeWebContents } from '../../test/mocks/electron';
import { silentLogger } from '../core/log';
import { guardNavigation } from './navigation';

vi.mock('electron', () => import('../../test/mocks/electron'));

beforeEach(() => electronMock.reset());

const page = () => {
  const wc = new BrowserWindow().webContents;
  guardNavigation(wc, silentLogger());
  return fakeOf<FakeWebContents>(wc);
};

describe('navigation guard', () => {
  it.each([
    'https://evil.example/',
    'http://127.0.0.1:9/',
    'file:///etc/passwd',
    'app://kiosk.evil/',
    'app://kiosk@evil/',
    'data:text/html,x',
    'javascript:alert(1)',
  ])('refuses navigating and redirecting to %s', (url) => {
    const wc = page();
    expect(wc.fire('will-navigate', { url, isMainFrame: true }).defaultPrevented).toBe(true);
    expect(wc.fire('will-redirect', { url, isMainFrame: true }).defaultPrevented).toBe(true);
    expect(wc.fire('will-frame-navigate', { url, isMainFrame: true }).defaultPrevented).toBe(true);
  });

  it('lets the kiosk page move within app://kiosk', () => {
    const wc = page();
    const url = 'app://kiosk/index.html';
    expect(wc.fire('will-navigate', { url, isMainFrame: true }).defaultPrevented).toBe(false);
    expect(wc.fire('will-redirect', { url, isMainFrame: true }).defaultPrevented).toBe(false);
    expect(wc.fire('will-frame-navigate', { url, isMainFrame: true }).defaultPrevented).toBe(false);
  });

  it('refuses every sub-frame navigation, even to the kiosk origin', () => {
    const wc = page();
    expect(
      wc.fire('will-frame-navigate', { url: 'app://kiosk/x', isMainFrame: false }).defaultPrevented,
    ).toBe(true);
  });
});
