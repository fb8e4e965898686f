import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { httpTsa } from '../esign/signer/worker';
import { readFileBounded, TooLargeError } from '../io/bounded';
import { EhealthClient, type CallOutcome } from './client';
import { EhealthConfig } from './config';
import { PatientTokens } from './tokens';

/** A loopback server answering each path as the test says, remembering what reached it. */
async function serve(routes: Record<string, (res: ServerResponse) => void>) {
  const seen: { path: string; headers: IncomingHttpHeaders }[] = [];
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      seen.push({ path: req.url ?? '', headers: req.headers });
      const route = routes[req.url?.split('?')[0] ?? ''];
      if (route) route(res);
      else {
        res.writeHead(404);
        res.end();
      }
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    });
  closers.push(close);
  return { base, seen };
}
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

function client(base: string) {
  const outcomes: CallOutcome[] = [];
  const c = new EhealthClient(
    EhealthConfig.parse({ baseUrl: base, apiKey: 'secret-api-key', clientId: 'c', clientSecret: 's' }),
    { onOutcome: (o) => outcomes.push(o) },
  );
  return { c, outcomes };
}

const json = (body: unknown) => (res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

describe('network hygiene of main', () => {
  it('never follows a redirect with the api-key or the patient’s token: it is a network failure', async () => {
    const elsewhere = await serve({ '/api/pis/person': json({ meta: {}, data: { id: 'p' } }) });
    const gateway = await serve({
      '/api/pis/person': (res) => {
        res.writeHead(302, { location: `${elsewhere.base}/api/pis/person` });
        res.end();
      },
      '/api/pis/apps/1': (res) => {
        res.writeHead(307, { location: `${elsewhere.base}/api/pis/person` });
        res.end();
      },
    });
    const { c, outcomes } = client(gateway.base);
    const tokens = new PatientTokens(
      { accessToken: 'patient-token', refreshToken: 'r', expiresAt: null },
      () => Promise.resolve({ ok: false, error: { code: 'EHEALTH_UNAVAILABLE', message: 'x' } }),
    );
    const get = await c.call({ method: 'GET', path: '/api/pis/person', auth: tokens });
    const del = await c.call({
      method: 'DELETE',
      path: '/api/pis/apps/1',
      auth: tokens,
      idempotencyKey: 'k',
    });
    for (const r of [get, del]) {
      expect(r).toMatchObject({
        ok: false,
        error: {
          code: 'EHEALTH_UNAVAILABLE',
          details: { retryable: true, network: true, cause: 'captive-portal' },
        },
      });
    }
    expect(outcomes).toEqual(['not-ehealth', 'not-ehealth']);
    expect(gateway.seen).toHaveLength(2);
    expect(elsewhere.seen).toEqual([]);
  });

  it('reads eHealth bodies only up to a limit (declared or streamed), as a network failure', async () => {
    const srv = await serve({
      '/declared': (res) => {
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-length': String(64 * 1024 * 1024),
        });
        res.write('{"meta":{},"data":[');
        // never finishes: the client must not wait for 64 MiB
      },
      '/streamed': (res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let sent = 0;
        const more = () => {
          while (sent < 4 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', more);
          }
          res.end();
        };
        more();
      },
      '/small': json({ meta: {}, data: { ok: true } }),
    });
    const { c } = client(srv.base);
    for (const path of ['/declared', '/streamed']) {
      expect(await c.call({ method: 'GET', path, maxBodyBytes: 256 * 1024 })).toMatchObject({
        ok: false,
        error: {
          code: 'EHEALTH_UNAVAILABLE',
          details: { network: true, retryable: true, reason: 'ETOOLARGE' },
        },
      });
    }
    expect(await c.call({ method: 'GET', path: '/small', maxBodyBytes: 256 * 1024 })).toMatchObject({
      ok: true,
      value: { data: { ok: true } },
    });
    // the default ceiling applies without a per-call one
    expect(await c.call({ method: 'GET', path: '/declared' })).toMatchObject({
      ok: false,
      error: { details: { reason: 'ETOOLARGE' } },
    });
  });

  it('time-stamp answers: no redirect followed, bounded size', async () => {
    const target = await serve({ '/tsp': (res) => res.end('x') });
    const srv = await serve({
      '/moved': (res) => {
        res.writeHead(301, { location: `${target.base}/tsp` });
        res.end();
      },
      '/huge': (res) => {
        res.writeHead(200, { 'content-type': 'application/timestamp-reply' });
        res.end(Buffer.alloc(2 * 1024 * 1024, 0x30));
      },
    });
    await expect(httpTsa(`${srv.base}/moved`)(new Uint8Array(8))).rejects.toMatchObject({
      code: 'EREDIRECT',
    });
    await expect(httpTsa(`${srv.base}/huge`)(new Uint8Array(8))).rejects.toMatchObject({ code: 'ETOOLARGE' });
    expect(target.seen).toEqual([]);
  });

  it('key and certificate files are read only up to their limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-bounded-'));
    try {
      writeFileSync(join(dir, 'Key-6.dat'), Buffer.alloc(2 * 1024 * 1024, 1));
      writeFileSync(join(dir, 'small.cer'), Buffer.alloc(100, 2));
      await expect(readFileBounded(join(dir, 'Key-6.dat'), 1024 * 1024)).rejects.toBeInstanceOf(
        TooLargeError,
      );
      expect((await readFileBounded(join(dir, 'small.cer'), 1024)).length).toBe(100);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
