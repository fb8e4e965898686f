/**
 * A bulk dump streams through the kiosk's own transport (fetch): rows reach the caller while the
 * body is still arriving, a national-size dump (over the 16 MiB ceiling of ordinary eHealth answers)
 * goes through whole, and a body past the dump's own ceiling stops with a clear failure.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BODY_BYTES, fetchTransport } from '../transport';
import { streamBulk } from './bulk-stream';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

async function serve(handler: (res: ServerResponse) => void | Promise<void>): Promise<string> {
  const server = createServer((req, res) => {
    req.resume();
    void handler(res);
  });
  servers.push(server);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const party = (i: number) =>
  JSON.stringify({
    id: `p-${i}`,
    first_name: 'Ірина',
    last_name: `Ґалаґан-${i}`,
    second_name: 'Петрівна',
    year_of_birth: 1980,
    gender: 'FEMALE',
    inserted_at: '2020-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    about_myself: 'x'.repeat(200),
  });

/** Writes `rows` parties as one eHealth envelope, in parts of `per` rows; `between` runs after each. */
async function envelope(
  res: ServerResponse,
  rows: number,
  per: number,
  between: (sent: number) => Promise<void> = async () => undefined,
): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"meta":{"code":200,"date":"2026-03-01T00:00:00Z"},"data":[');
  for (let i = 0; i < rows; i += per) {
    const part: string[] = [];
    for (let j = i; j < Math.min(rows, i + per); j++) part.push(party(j));
    const chunk = (i === 0 ? '' : ',') + part.join(',');
    if (!res.write(chunk)) await new Promise((r) => res.once('drain', r));
    await between(Math.min(rows, i + per));
  }
  res.end(']}');
}

const config = (baseUrl: string) => ({ baseUrl, apiKey: 'k', timeoutMs: 60_000 });

describe('bulk dumps over fetch', () => {
  it('hands rows over while the body is still arriving', async () => {
    let seen = 0;
    let release: () => void = () => undefined;
    const halfway = new Promise<void>((r) => (release = r));
    const base = await serve((res) =>
      envelope(res, 2_000, 100, async (sent) => {
        // the second half is sent only once the kiosk has read rows of the first
        if (sent === 1_000) await halfway;
      }),
    );
    const r = await streamBulk(config(base), fetchTransport, 'parties', () => {
      seen++;
      if (seen === 500) release();
    });
    expect(r).toMatchObject({ ok: true, value: { rows: 2_000, rejected: 0, date: '2026-03-01T00:00:00Z' } });
  }, 30_000);

  it('takes a national-size dump, larger than the ceiling of ordinary answers', async () => {
    const rows = 70_000; // ~28 MiB of JSON
    const base = await serve((res) => envelope(res, rows, 1_000));
    let bytes = 0;
    const r = await streamBulk(config(base), fetchTransport, 'parties', (row) => {
      bytes += row.last_name?.length ?? 0;
    });
    expect(r).toMatchObject({ ok: true, value: { rows, rejected: 0 } });
    expect(bytes).toBeGreaterThan(0);
    expect(rows * party(0).length).toBeGreaterThan(DEFAULT_MAX_BODY_BYTES);
  }, 60_000);

  it('stops a body past the dump’s own ceiling', async () => {
    const base = await serve((res) => envelope(res, 5_000, 100));
    await expect(
      streamBulk(config(base), fetchTransport, 'parties', () => undefined, { maxBodyBytes: 64 * 1024 }),
    ).rejects.toThrow(/larger than 65536 bytes/);
  }, 30_000);
});
