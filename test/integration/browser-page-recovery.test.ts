/**
 * The browser host recovers as Electron does when the page goes: a reload (a new page on the
 * bridge) ends the patient session the old page showed — audited, before the new page is served —
 * while a page that merely reconnects keeps its session. Real host, real WebSocket, real services.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { BRIDGE_PAGE_PARAM, BRIDGE_PATH, BRIDGE_TOKEN_PARAM } from '#shared/bridge-wire';
import { silentLogger } from '../../electron/core/log';
import { startBrowserHost, type BrowserHost } from '../../electron/hosts/browser-host';
import { createWsBridge, type SocketFactory, type WsBridge } from '../../renderer/src/api/ws-bridge';

let base: string;
let host: BrowserHost;
const bridges: WsBridge[] = [];
const sockets: WebSocket[] = [];

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'kiosk-page-recovery-'));
  const site = join(base, 'renderer');
  mkdirSync(site, { recursive: true });
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Кабінет пацієнта</title>');
  mkdirSync(join(base, 'data'));
  host = await startBrowserHost({
    port: 0,
    dataDir: join(base, 'data'),
    rendererDir: site,
    log: silentLogger(),
    version: '9.9.9',
  });
});
afterAll(async () => {
  for (const b of bridges) b.dispose();
  await host.close();
  rmSync(base, { recursive: true, force: true });
});

const socket: SocketFactory = (url, on) => {
  const ws = new WebSocket(url, { headers: { Origin: host.origin } });
  sockets.push(ws);
  ws.on('open', () => on.open());
  ws.on('message', (data) => on.message(data.toString()));
  ws.on('close', () => on.close());
  ws.on('error', () => undefined);
  return { send: (d) => ws.send(d), close: () => ws.close() };
};

/** A page load: its own page id on the bridge URL, as the renderer's browser-bridge.ts sends it. */
function page(pageId: string) {
  const b = createWsBridge({
    // as the renderer's browser-bridge.ts builds it
    url: `ws://127.0.0.1:${host.port}${BRIDGE_PATH}?${BRIDGE_TOKEN_PARAM}=${host.token}&${BRIDGE_PAGE_PARAM}=${pageId}`,
    createSocket: socket,
    reconnectMs: 20,
    onProblem: () => undefined,
  });
  bridges.push(b);
  const ended: unknown[] = [];
  b.events.sessionEnded((p) => ended.push(p));
  return { b, ended };
}

describe('browser host: the page goes, the session goes', () => {
  it('a page that reconnects keeps its session; a reload ends it, audited, unseen by the new page', async () => {
    const first = page('0f8fad5b-d9cb-469f-a165-70867728950e');
    await first.b.api.appInfo({});
    const session = host.services.session.start();

    // the socket drops; the same page reconnects on its own
    sockets.at(-1)?.terminate();
    await vi.waitFor(async () => expect(await first.b.api.sessionActivity({})).toMatchObject({ ok: true }));
    expect(host.services.session.active?.id).toBe(session.id);

    // the page is reloaded: a new page id arrives
    first.b.dispose();
    const second = page('7c9e6679-7425-40de-944b-e07fc1f90ae7');
    expect(await second.b.api.sessionActivity({})).toEqual({ ok: true, value: { active: false } });
    expect(host.services.session.active).toBeNull();
    expect(second.ended).toEqual([]);
    const entries = host.services.audit.list(5).map((e) => [e.action, e.subject, e.detail]);
    expect(entries).toEqual(
      expect.arrayContaining([
        ['kiosk.page-lost', session.id, JSON.stringify({ cause: 'page-reloaded' })],
        ['session.end', session.id, JSON.stringify({ reason: 'error', cause: 'page-reloaded' })],
      ]),
    );
  });
});
