import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpStatusError, RedirectRefusedError, TooLargeError, putBinary } from './bounded';

let server: Server;
let base = '';
const received: { path: string; bytes: number; cookie: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let bytes = 0;
    req.on('data', (c: Buffer) => (bytes += c.length));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, bytes, cookie: req.headers.cookie });
      if (path === '/redirect') {
        res.writeHead(307, { location: '/stored' });
        return res.end();
      }
      if (path === '/expired') {
        res.writeHead(403);
        return res.end('expired');
      }
      if (path === '/chatty') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        return res.end('x'.repeat(100_000));
      }
      res.writeHead(200);
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

const opts = { contentType: 'image/jpeg', timeoutMs: 5_000, maxAnswerBytes: 1024, what: 'the upload' };

describe('putBinary', () => {
  it('PUTs the bytes and reads the answer within its bound', async () => {
    received.length = 0;
    await putBinary(`${base}/stored`, new Uint8Array(300_000), opts);
    expect(received).toEqual([{ path: '/stored', bytes: 300_000, cookie: undefined }]);
  });

  it('never follows a redirect: the bytes go nowhere else', async () => {
    received.length = 0;
    await expect(putBinary(`${base}/redirect`, new Uint8Array(10), opts)).rejects.toBeInstanceOf(
      RedirectRefusedError,
    );
    expect(received.map((r) => r.path)).toEqual(['/redirect']);
  });

  it('reports another status with the status, and an oversized answer as too large', async () => {
    const e = await putBinary(`${base}/expired`, new Uint8Array(10), opts).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HttpStatusError);
    expect((e as HttpStatusError).status).toBe(403);
    await expect(putBinary(`${base}/chatty`, new Uint8Array(10), opts)).rejects.toBeInstanceOf(TooLargeError);
  });

  it('refuses schemes other than http(s)', async () => {
    await expect(putBinary('file:///tmp/x', new Uint8Array(1), opts)).rejects.toThrow(/scheme/);
  });
});
