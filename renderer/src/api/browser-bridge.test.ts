import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskBridge } from '#shared/contract';
import { bridgeUrl, installBrowserBridge, takeBridgeToken, TOKEN_STORAGE_KEY } from './browser-bridge';
import { kiosk, setKioskForTests } from './index';
import type { SocketFactory } from './ws-bridge';

beforeEach(() => {
  sessionStorage.clear();
  history.replaceState(null, '', '/');
  setKioskForTests(null);
  delete window.kiosk;
});
afterEach(() => setKioskForTests(null));

describe('browser-host token', () => {
  it('is taken from the fragment and removed from the address bar at once', () => {
    history.replaceState(null, '', '/index.html?x=1#token=abc%2Bdef');
    expect(takeBridgeToken(window)).toBe('abc+def');
    expect(location.hash).toBe('');
    expect(location.pathname + location.search).toBe('/index.html?x=1');
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe('abc+def');
  });

  it('keeps other fragment parameters', () => {
    history.replaceState(null, '', '/#screen=welcome&token=t1');
    expect(takeBridgeToken(window)).toBe('t1');
    expect(location.hash).toBe('#screen=welcome');
  });

  it('survives a reload through this tab’s storage', () => {
    history.replaceState(null, '', '/#token=t2');
    takeBridgeToken(window);
    history.replaceState(null, '', '/');
    expect(takeBridgeToken(window)).toBe('t2');
  });

  it('is absent when neither the fragment nor the storage has one', () => {
    expect(takeBridgeToken(window)).toBeNull();
  });
});

describe('installing the bridge', () => {
  it('builds the WebSocket URL on the page’s own host', () => {
    expect(bridgeUrl({ protocol: 'http:', host: '127.0.0.1:4000' }, 'a b')).toBe(
      'ws://127.0.0.1:4000/bridge?token=a%20b',
    );
  });

  it('connects with the token when there is no preload', () => {
    history.replaceState(null, '', '/#token=tok');
    const urls: string[] = [];
    const socket: SocketFactory = (url) => {
      urls.push(url);
      return { send: () => undefined, close: () => undefined };
    };
    expect(installBrowserBridge(window, socket)).toBe(true);
    const b = kiosk();
    expect(urls).toEqual([`ws://${location.host}/bridge?token=tok`]);
    expect(typeof b.api.appInfo).toBe('function');
  });

  it('answers NOT_AVAILABLE without a token instead of failing', async () => {
    const socket: SocketFactory = () => {
      throw new Error('must not connect without a token');
    };
    installBrowserBridge(window, socket);
    await expect(kiosk().api.appInfo({})).resolves.toMatchObject({
      ok: false,
      error: { code: 'NOT_AVAILABLE' },
    });
  });

  it('leaves the Electron preload alone', () => {
    const preload = { api: {}, events: {} } as KioskBridge;
    window.kiosk = preload;
    expect(installBrowserBridge(window)).toBe(false);
    expect(kiosk()).toBe(preload);
  });
});
