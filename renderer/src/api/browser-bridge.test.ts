import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskBridge } from '#shared/contract';
import { bridgeUrl, installBrowserBridge, takeBridgeCredential, TOKEN_STORAGE_KEY } from './browser-bridge';
import { kiosk, setKioskForTests } from './index';
import type { SocketFactory } from './ws-bridge';

beforeEach(() => {
  sessionStorage.clear();
  history.replaceState(null, '', '/');
  setKioskForTests(null);
  delete window.kiosk;
});
afterEach(() => setKioskForTests(null));

const token = (value: string) => ({ kind: 'token', value });

describe('browser-host token', () => {
  it('is taken from the fragment and removed from the address bar at once', () => {
    history.replaceState(null, '', '/index.html?x=1#token=abc%2Bdef');
    expect(takeBridgeCredential(window)).toEqual(token('abc+def'));
    expect(location.hash).toBe('');
    expect(location.pathname + location.search).toBe('/index.html?x=1');
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe('abc+def');
  });

  it('keeps other fragment parameters', () => {
    history.replaceState(null, '', '/#screen=welcome&token=t1');
    expect(takeBridgeCredential(window)).toEqual(token('t1'));
    expect(location.hash).toBe('#screen=welcome');
  });

  it('survives a reload through this tab’s storage', () => {
    history.replaceState(null, '', '/#token=t2');
    takeBridgeCredential(window);
    history.replaceState(null, '', '/');
    expect(takeBridgeCredential(window)).toEqual(token('t2'));
  });

  it('is absent when neither the fragment nor the storage has one', () => {
    expect(takeBridgeCredential(window)).toBeNull();
  });

  it('a launch code is taken from the fragment too, but not kept: it works only once', () => {
    history.replaceState(null, '', '/#code=c0de');
    expect(takeBridgeCredential(window)).toEqual({ kind: 'code', value: 'c0de' });
    expect(location.hash).toBe('');
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });
});

describe('installing the bridge', () => {
  it('builds the WebSocket URL on the page’s own host', () => {
    expect(bridgeUrl({ protocol: 'http:', host: '127.0.0.1:4000' }, { kind: 'token', value: 'a b' })).toBe(
      'ws://127.0.0.1:4000/bridge?token=a%20b',
    );
    expect(bridgeUrl({ protocol: 'http:', host: '127.0.0.1:4000' }, { kind: 'code', value: 'c' })).toBe(
      'ws://127.0.0.1:4000/bridge?code=c',
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
    // with this page load's own id, so the host tells a reconnect from a reload
    expect(urls).toHaveLength(1);
    expect(urls[0]).toMatch(new RegExp(`^ws://${location.host}/bridge\\?token=tok&page=[0-9a-f-]{36}$`));
    expect(typeof b.api.appInfo).toBe('function');
  });

  it('connects first with the launch code, then with the token the host answered it with', async () => {
    history.replaceState(null, '', '/#code=once');
    const urls: string[] = [];
    const sockets: { open(): void; message(d: unknown): void; close(): void }[] = [];
    const socket: SocketFactory = (url, on) => {
      urls.push(url);
      sockets.push(on);
      return { send: () => undefined, close: () => undefined };
    };
    installBrowserBridge(window, socket);
    kiosk();
    expect(urls).toHaveLength(1);
    const page = /&page=([0-9a-f-]{36})$/.exec(urls[0] ?? '')?.[1];
    expect(urls[0]).toBe(`ws://${location.host}/bridge?code=once&page=${page ?? 'none'}`);
    sockets[0]?.open();
    sockets[0]?.message(JSON.stringify({ type: 'session', token: 'the-token' }));
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe('the-token');
    // the connection drops: the reconnect carries the token, never the spent code
    sockets[0]?.close();
    await new Promise((r) => setTimeout(r, 400));
    // the same page: its reconnect carries the same page id
    expect(urls[1]).toBe(`ws://${location.host}/bridge?token=the-token&page=${page ?? 'none'}`);
    (kiosk() as { dispose?: () => void }).dispose?.();
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
