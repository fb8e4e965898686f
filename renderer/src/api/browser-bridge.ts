/**
 * In the browser host there is no preload: the page finds its one-time launch code in the URL
 * fragment (`#code=…`; `#token=…` works too), removes it from the address bar at once, and talks to
 * the host over the WebSocket bridge. The host answers the code with the session token, which is kept
 * in sessionStorage (this tab only) so that reconnects and a reload still reach the host.
 */
import { BRIDGE_CODE_PARAM, BRIDGE_PAGE_PARAM, BRIDGE_PATH, BRIDGE_TOKEN_PARAM } from '#shared/bridge-wire';
import { setBridgeFactory } from './index';
import { createUnavailableBridge, createWsBridge, type SocketFactory } from './ws-bridge';

export const TOKEN_STORAGE_KEY = 'kiosk.bridge-token';

type PageWindow = Pick<Window, 'location' | 'history' | 'sessionStorage' | 'kiosk'>;

export type BridgeCredential = { kind: 'token' | 'code'; value: string };

const keepToken = (win: PageWindow, token: string): void => {
  try {
    win.sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
  } catch (e) {
    console.warn('kiosk bridge: the token cannot be kept for reloads', e);
  }
};

/**
 * Reads the launch code or token from the fragment (removing it from the address bar), else the
 * token this tab kept; null when there is neither.
 */
export function takeBridgeCredential(win: PageWindow): BridgeCredential | null {
  const fragment = new URLSearchParams(win.location.hash.replace(/^#/, ''));
  const code = fragment.get(BRIDGE_CODE_PARAM);
  const token = fragment.get(BRIDGE_TOKEN_PARAM);
  if (code !== null || token !== null) {
    fragment.delete(BRIDGE_CODE_PARAM);
    fragment.delete(BRIDGE_TOKEN_PARAM);
    const rest = fragment.toString();
    win.history.replaceState(
      win.history.state,
      '',
      `${win.location.pathname}${win.location.search}${rest ? `#${rest}` : ''}`,
    );
    if (token) {
      keepToken(win, token);
      return { kind: 'token', value: token };
    }
    if (code) return { kind: 'code', value: code };
    return null;
  }
  try {
    const kept = win.sessionStorage.getItem(TOKEN_STORAGE_KEY);
    return kept ? { kind: 'token', value: kept } : null;
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

/**
 * The bridge's URL. `pageId` is this page load's own (a reload gets a new one), so the host tells a
 * page that reconnects from a new page, which ends the old page's patient session.
 */
export function bridgeUrl(
  location: Pick<Location, 'protocol' | 'host'>,
  credential: BridgeCredential,
  pageId?: string,
): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const param = credential.kind === 'code' ? BRIDGE_CODE_PARAM : BRIDGE_TOKEN_PARAM;
  const page = pageId ? `&${BRIDGE_PAGE_PARAM}=${encodeURIComponent(pageId)}` : '';
  return `${scheme}://${location.host}${BRIDGE_PATH}?${param}=${encodeURIComponent(credential.value)}${page}`;
}

/** Registers the WebSocket bridge unless the Electron preload already provides `window.kiosk`. */
export function installBrowserBridge(
  win: PageWindow = window,
  createSocket: SocketFactory = browserSocket,
): boolean {
  if (win.kiosk) return false;
  let credential = takeBridgeCredential(win);
  const pageId = crypto.randomUUID();
  setBridgeFactory(() =>
    credential
      ? createWsBridge({
          // a code works once: every later connection (a reconnect) uses the token it was answered with
          url: () => bridgeUrl(win.location, credential as BridgeCredential, pageId),
          onSession: (token) => {
            credential = { kind: 'token', value: token };
            keepToken(win, token);
          },
          createSocket,
        })
      : createUnavailableBridge('no browser-host token: open the URL the browser host printed'),
  );
  return true;
}
