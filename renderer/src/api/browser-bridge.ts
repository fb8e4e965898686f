/**
 * In the browser host there is no preload: the page finds its per-launch token in the URL fragment
 * (`#token=…`), removes it from the address bar at once, and talks to the host over the WebSocket
 * bridge. The token is kept in sessionStorage (this tab only) so a reload still reaches the host.
 */
import { BRIDGE_PATH, BRIDGE_TOKEN_PARAM } from '#shared/bridge-wire';
import { setBridgeFactory } from './index';
import { createUnavailableBridge, createWsBridge, type SocketFactory } from './ws-bridge';

export const TOKEN_STORAGE_KEY = 'kiosk.bridge-token';

type PageWindow = Pick<Window, 'location' | 'history' | 'sessionStorage' | 'kiosk'>;

/** Reads the token from the fragment (removing it from the address bar) or from this tab's storage. */
export function takeBridgeToken(win: PageWindow): string | null {
  const fragment = new URLSearchParams(win.location.hash.replace(/^#/, ''));
  const fromUrl = fragment.get(BRIDGE_TOKEN_PARAM);
  if (fromUrl !== null) {
    fragment.delete(BRIDGE_TOKEN_PARAM);
    const rest = fragment.toString();
    win.history.replaceState(
      win.history.state,
      '',
      `${win.location.pathname}${win.location.search}${rest ? `#${rest}` : ''}`,
    );
    try {
      win.sessionStorage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    } catch (e) {
      console.warn('kiosk bridge: the token cannot be kept for reloads', e);
    }
    return fromUrl || null;
  }
  try {
    return win.sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The browser's WebSocket behind the bridge's small socket interface. */
export const browserSocket: SocketFactory = (url, on) => {
  const ws = new WebSocket(url);
  ws.onopen = () => on.open();
  ws.onmessage = (ev: MessageEvent) => on.message(ev.data);
  ws.onclose = () => on.close();
  ws.onerror = () => undefined; // always followed by close, which carries the handling
  return { send: (data) => ws.send(data), close: () => ws.close() };
};

export function bridgeUrl(location: Pick<Location, 'protocol' | 'host'>, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${BRIDGE_PATH}?${BRIDGE_TOKEN_PARAM}=${encodeURIComponent(token)}`;
}

/** Registers the WebSocket bridge unless the Electron preload already provides `window.kiosk`. */
export function installBrowserBridge(
  win: PageWindow = window,
  createSocket: SocketFactory = browserSocket,
): boolean {
  if (win.kiosk) return false;
  const token = takeBridgeToken(win);
  setBridgeFactory(() =>
    token
      ? createWsBridge({ url: bridgeUrl(win.location, token), createSocket })
      : createUnavailableBridge('no browser-host token: open the URL the browser host printed'),
  );
  return true;
}
