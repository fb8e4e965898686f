/**
 * The browser host for real: HTTP on loopback, the WebSocket bridge with its token and Origin checks,
 * and the renderer's ws-bridge talking to it through the `ws` client — real services, real SQLite.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { BRIDGE_PATH } from '#shared/bridge-wire';
import { CHANNEL_NAMES } from '#shared/contract';
import { silentLogger } from '../../electron/core/log';
import { startBrowserHost, type BrowserHost } from '../../electron/hosts/browser-host';
import { createWsBridge, type SocketFactory, type WsBridge } from '../../renderer/src/api/ws-bridge';

let base: string;
let host: BrowserHost;
const bridges: WsBridge[] = [];

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'kiosk-bridge-'));
  const site = join(base, 'renderer');
  mkdirSync(join(site, 'assets'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Кабінет пацієнта</title>');
  writeFileSync(join(site, 'assets', 'main.js'), 'export {}');
  writeFileSync(join(base, 'secret.txt'), 'TOP-SECRET');
  mkdirSync(join(base, 'data'));
  host = await startBrowserHost({
    port: 0,
    dataDir: join(base, 'data'),
    rendererDir: site,
    log: silentLogger(),
    version: '9.9.9',
  });
});
afterEach(() => {
  for (const b of bridges.splice(0)) b.dispose();
  clientSockets.clear();
});
afterAll(async () => {
  await host.close();
  rmSync(base, { recursive: true, force: true });
});

/** A raw HTTP request (path sent exactly as given, no normalisation). */
function raw(
  path: string,
  opts: { method?: string; host?: string } = {},
): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(host.port, '127.0.0.1', () => {
      socket.write(
        `${opts.method ?? 'GET'} ${path} HTTP/1.1\r\nHost: ${opts.host ?? `127.0.0.1:${host.port}`}\r\nConnection: close\r\n\r\n`,
      );
    });
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (c) => (data += c));
    socket.on('error', reject);
    socket.on('end', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
  });
}

/** Opens a WebSocket with chosen Origin/Host and reports whether it opened or the refusal status. */
function tryUpgrade(opts: {
  token?: string | null;
  origin?: string | null;
  path?: string;
  host?: string;
}): Promise<number> {
  const token = opts.token === undefined ? host.token : opts.token;
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  const headers: Record<string, string> = {};
  if (opts.origin !== null) headers.Origin = opts.origin ?? host.origin;
  if (opts.host) headers.Host = opts.host;
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}${opts.path ?? BRIDGE_PATH}${query}`, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    ws.on('error', () => resolve(-1));
  });
}

const clientSockets = new Set<WebSocket>();
const nodeSocket =
  (origin: string): SocketFactory =>
  (url, on) => {
    const ws = new WebSocket(url, { headers: { Origin: origin } });
    clientSockets.add(ws);
    ws.on('open', () => on.open());
    ws.on('message', (data) => on.message(data.toString()));
    ws.on('close', () => on.close());
    ws.on('error', () => undefined); // followed by 'close'
    return { send: (d) => ws.send(d), close: () => ws.close() };
  };

const bridge = (origin = host.origin, token = host.token) => {
  const b = createWsBridge({
    url: `ws://127.0.0.1:${host.port}${BRIDGE_PATH}?token=${encodeURIComponent(token)}`,
    createSocket: nodeSocket(origin),
    connectWaitMs: 1_500,
    reconnectMs: 50,
    onProblem: () => undefined,
  });
  bridges.push(b);
  return b;
};

describe('browser host: HTTP', () => {
  it('gives out a loopback URL carrying a one-time launch code in the fragment, never the token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#code=[A-Za-z0-9_-]{22}$`));
    expect(host.url).not.toContain(host.token);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('serves the renderer with the Electron CSP, except connect-src is exactly its own WebSocket', async () => {
    const r = await raw('/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('Кабінет пацієнта');
    const csp = r.headers['content-security-policy'] ?? '';
    expect(csp).toContain(`connect-src ws://127.0.0.1:${host.port};`);
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("default-src 'none'");
  });

  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '//secret.txt',
    '/index.html%00',
    '/%2e%2e/secret.txt',
  ])('refuses traversal %s', async (path) => {
    const r = await raw(path);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.body).not.toContain('TOP-SECRET');
  });

  it('answers GET/HEAD only and refuses foreign Host headers', async () => {
    expect((await raw('/', { method: 'POST' })).status).toBe(405);
    expect((await raw('/', { method: 'HEAD' })).status).toBe(200);
    expect((await raw('/', { host: 'evil.example' })).status).toBe(421);
    expect((await raw('/', { host: `localhost:${host.port}` })).status).toBe(421);
  });

  it('listens on loopback only', async () => {
    const status = await new Promise<number>((resolve) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: host.port, path: '/', headers: { Host: `127.0.0.1:${host.port}` } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', () => resolve(-1));
      req.end();
    });
    expect(status).toBe(200);
  });
});

describe('browser host: WebSocket guard', () => {
  it('accepts its own page with the token', async () => {
    expect(await tryUpgrade({})).toBe(101);
  });

  it.each([
    ['no token', { token: null }, 401],
    ['an empty token', { token: '' }, 401],
    ['a wrong token', { token: 'x'.repeat(43) }, 401],
    ['a token one character short', { token: 'SHORT' }, 401],
    ['no Origin', { origin: null }, 403],
    ['a foreign Origin', { origin: 'http://evil.example' }, 403],
    ['a localhost Origin', { origin: 'http://localhost' }, 403],
    ['the app:// Origin', { origin: 'app://kiosk' }, 403],
    ['a file Origin', { origin: 'file://' }, 403],
    ['the literal null Origin', { origin: 'null' }, 403],
    ['another path', { path: '/other' }, 404],
    ['a foreign Host', { host: 'evil.example' }, 421],
  ] as const)('refuses %s', async (_what, opts, status) => {
    expect(await tryUpgrade(opts as Parameters<typeof tryUpgrade>[0])).toBe(status);
  });
});

describe('browser host: the launch code', () => {
  it('is exchanged once for the token on the first connection; a second use is refused', async () => {
    const code = new URL(host.url).hash.slice('#code='.length);
    const open = (query: string) =>
      new Promise<{ session: string | null; status: number }>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${host.port}${BRIDGE_PATH}?${query}`, {
          headers: { Origin: host.origin },
        });
        ws.on('message', (d) => {
          const m = JSON.parse(d.toString()) as { type: string; token?: string };
          resolve({ session: m.type === 'session' ? (m.token ?? null) : null, status: 101 });
          ws.close();
        });
        ws.on('unexpected-response', (_req, res) => {
          resolve({ session: null, status: res.statusCode ?? 0 });
          res.resume();
        });
      });
    expect(await open(`code=x${code.slice(1)}`)).toEqual({ session: null, status: 401 });
    expect(await open(`code=${code}&token=${host.token}`)).toEqual({ session: null, status: 401 });
    expect(await open(`code=${code}`)).toEqual({ session: host.token, status: 101 });
    expect(await open(`code=${code}`)).toEqual({ session: null, status: 401 });
    // the token keeps working
    expect(await tryUpgrade({})).toBe(101);
  });
});

describe('browser host: the contract over the bridge', () => {
  it('round-trips a call through the real router and services', async () => {
    const b = bridge();
    const r = await b.api.appInfo({});
    expect(r).toMatchObject({ ok: true, value: { version: '9.9.9', environment: 'training' } });
    expect(Object.keys(b.api).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('returns contract errors as values', async () => {
    const b = bridge();
    await expect((b.api.appInfo as (r: unknown) => Promise<unknown>)({ extra: true })).resolves.toMatchObject(
      {
        ok: false,
        error: { code: 'BAD_REQUEST' },
      },
    );
    await expect((b.api.sessionEnd as (r: unknown) => Promise<unknown>)('finish')).resolves.toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
  });

  it('pushes events to the page', async () => {
    const b = bridge();
    await b.api.appInfo({}); // connected
    const got: unknown[] = [];
    const off = b.events.sessionEnded((p) => got.push(p));
    host.services.session.start();
    await host.services.session.end('idle');
    await vi.waitFor(() => expect(got).toEqual([{ reason: 'idle' }]));
    off();
  });

  it('gives a refused bridge NOT_AVAILABLE values, never a throw', async () => {
    const wrongToken = bridge(host.origin, 'nope');
    await expect(wrongToken.api.appInfo({})).resolves.toMatchObject({
      ok: false,
      error: { code: 'NOT_AVAILABLE' },
    });
    const wrongOrigin = bridge('http://evil.example');
    await expect(wrongOrigin.api.appInfo({})).resolves.toMatchObject({
      ok: false,
      error: { code: 'NOT_AVAILABLE' },
    });
  });

  it('survives garbage on the socket and answers it with error values', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}${BRIDGE_PATH}?token=${host.token}`, {
      headers: { Origin: host.origin },
    });
    const replies: unknown[] = [];
    ws.on('message', (d) => replies.push(JSON.parse(d.toString())));
    await new Promise((r) => ws.on('open', r));
    ws.send('not json');
    ws.send(Buffer.from([1, 2, 3]), { binary: true });
    ws.send(JSON.stringify({ type: 'call', id: 7, channel: 'appInfo', payload: {}, extra: 1 }));
    ws.send(JSON.stringify({ type: 'call', id: 8, channel: '__proto__', payload: {} }));
    ws.send(
      JSON.stringify({
        type: 'call',
        id: 9,
        channel: 'appInfo',
        payload: JSON.parse('{"__proto__":{"polluted":1}}'),
      }),
    );
    ws.send(JSON.stringify({ type: 'call', id: 10, channel: 'appInfo', payload: {} }));
    await vi.waitFor(() => expect(replies).toHaveLength(6));
    expect(replies).toEqual(
      expect.arrayContaining([
        {
          type: 'result',
          id: null,
          result: expect.objectContaining({
            ok: false,
            error: expect.objectContaining({ code: 'BAD_REQUEST' }),
          }),
        },
        {
          type: 'result',
          id: 7,
          result: expect.objectContaining({
            ok: false,
            error: expect.objectContaining({ code: 'BAD_REQUEST' }),
          }),
        },
        {
          type: 'result',
          id: 8,
          result: expect.objectContaining({
            ok: false,
            error: expect.objectContaining({ code: 'UNKNOWN_CHANNEL' }),
          }),
        },
        {
          type: 'result',
          id: 9,
          result: expect.objectContaining({
            ok: false,
            error: expect.objectContaining({ code: 'BAD_REQUEST' }),
          }),
        },
        { type: 'result', id: 10, result: expect.objectContaining({ ok: true }) },
      ]),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    ws.close();
  });

  it('reconnects on its own after the connection drops', async () => {
    const b = bridge();
    await expect(b.api.appInfo({})).resolves.toMatchObject({ ok: true });
    for (const ws of clientSockets) ws.terminate();
    // A call racing the drop is either answered or fails as a value; it never hangs or throws.
    const during = await b.api.appInfo({});
    if (!during.ok) expect(during.error.code).toBe('NOT_AVAILABLE');
    await vi.waitFor(() =>
      expect([...clientSockets].some((ws) => ws.readyState === WebSocket.OPEN)).toBe(true),
    );
    await expect(b.api.appInfo({})).resolves.toMatchObject({ ok: true });
    expect(clientSockets.size).toBeGreaterThan(1);
  });
});
