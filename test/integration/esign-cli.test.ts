import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli';
import type { CliIO } from '../../electron/cli/types';
import { createTimestampAuthority, loadTestCa, type TimestampAuthority } from '../../electron/core/esign';

interface Run {
  code: number;
  out: string;
  err: string;
}

async function kiosk(args: string[], stdin = ''): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIO = {
    stdout: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    stderr: (t) => (err += t.endsWith('\n') ? t : `${t}\n`),
    readStdin: async () => Buffer.from(stdin, 'utf8'),
  };
  const code = await runCli([...args, '--data-dir', dataDir], io);
  return { code, out, err };
}

interface ManifestEntry {
  file: string;
  password: string;
  drfo: string | null;
  role: 'personal' | 'stamp';
  validFrom: string;
  validTo: string;
}

let dir: string;
let dataDir: string;
let manifest: ManifestEntry[];
let server: Server;
let tsaUrl: string;
let tsa: TimestampAuthority;

const entry = (pred: (e: ManifestEntry) => boolean): ManifestEntry => {
  const e = manifest.find(pred);
  if (!e) throw new Error('manifest entry missing');
  return e;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'esign-cli-'));
  dataDir = join(dir, 'data');
  const r = await kiosk(['esign', 'test-pki', '--out', join(dir, 'pki')]);
  expect(r.code).toBe(0);
  manifest = JSON.parse(readFileSync(join(dir, 'pki', 'manifest.json'), 'utf8')) as ManifestEntry[];
  const ca = loadTestCa(
    readFileSync(join(dir, 'pki', 'ca.cer')),
    readFileSync(join(dir, 'pki', 'ca-key.pk8')),
  );
  tsa = await createTimestampAuthority(ca);
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => res.end(Buffer.from(tsa.respond(new Uint8Array(Buffer.concat(chunks))))));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  tsaUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
  writeFileSync(join(dir, 'in.json'), '{"declaration_request":{"id":"42"}}');
});

afterAll(async () => {
  await new Promise<void>((ok) => server.close(() => ok()));
  rmSync(dir, { recursive: true, force: true });
});

describe('kiosk esign (CLI)', () => {
  it('test-pki writes the manifest with the documented fields', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(7);
    for (const e of manifest) {
      expect(Object.keys(e)).toEqual(
        expect.arrayContaining(['file', 'password', 'drfo', 'role', 'validFrom', 'validTo']),
      );
    }
    expect(manifest.some((e) => e.role === 'stamp')).toBe(true);
    expect(manifest.some((e) => e.file.endsWith('Key-6.dat'))).toBe(true);
    expect(manifest.some((e) => e.file.endsWith('.jks'))).toBe(true);
    expect(manifest.some((e) => new Date(e.validTo) < new Date())).toBe(true);
    expect(manifest.some((e) => new Date(e.validFrom) > new Date())).toBe(true);
  });

  it('signs with --tsa and verifies its own output (exit 0), trusted by the bundle', async () => {
    const k = entry(
      (e) => e.file.endsWith('.jks') && e.role === 'personal' && new Date(e.validFrom) < new Date(),
    );
    const signed = await kiosk(
      [
        'esign',
        'sign',
        '--key',
        join(dir, 'pki', k.file),
        '--password-stdin',
        '--in',
        join(dir, 'in.json'),
        '--tsa',
        tsaUrl,
      ],
      `${k.password}\n`,
    );
    expect(signed.err).toBe('');
    expect(signed.code).toBe(0);
    writeFileSync(join(dir, 'sig.b64'), signed.out);
    writeFileSync(
      join(dir, 'sig.json'),
      JSON.stringify({ data: { signed_content: signed.out.trim(), signed_content_encoding: 'base64' } }),
    );
    for (const f of ['sig.b64', 'sig.json']) {
      const v = await kiosk([
        'esign',
        'verify',
        join(dir, f),
        '--trust',
        join(dir, 'pki', 'CACertificates.p7b'),
        '--require-timestamp',
        '--json',
      ]);
      expect(v.code).toBe(0);
      const report = JSON.parse(v.out) as Record<string, unknown>;
      expect(Object.keys(report).sort()).toEqual(['chain', 'content', 'error', 'integrity', 'signers']);
      expect(report).toMatchObject({
        integrity: true,
        chain: 'trusted',
        error: null,
        content: '{"declaration_request":{"id":"42"}}',
        signers: [{ drfo: k.drfo, isStamp: false }],
      });
      const signer = (report.signers as Record<string, unknown>[])[0] as Record<string, unknown>;
      expect(Object.keys(signer).sort()).toEqual(
        [
          'certificate',
          'commonName',
          'contentTimestamp',
          'drfo',
          'edrpou',
          'givenName',
          'isStamp',
          'organization',
          'signingTime',
          'surname',
        ].sort(),
      );
    }
  });

  it('exit 1 for a wrong password, a missing time-stamp service, a missing time-stamp and an expired certificate', async () => {
    const k = entry((e) => e.file.endsWith('Key-6.dat') && e.drfo === '3012345678');
    const args = [
      'esign',
      'sign',
      '--key',
      join(dir, 'pki', k.file),
      '--password-stdin',
      '--in',
      join(dir, 'in.json'),
    ];
    const wrong = await kiosk(args, 'nope\n');
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('KEY_WRONG_PASSWORD');
    expect(wrong.err).toContain('4 attempt(s) left');
    const noTsa = await kiosk(args, `${k.password}\n`);
    expect(noTsa.code).toBe(1);
    expect(noTsa.err).toContain('TSA_UNAVAILABLE');
    const plain = await kiosk([...args, '--no-timestamp'], `${k.password}\n`);
    expect(plain.code).toBe(0);
    writeFileSync(join(dir, 'plain.b64'), plain.out);
    const strict = await kiosk(['esign', 'verify', join(dir, 'plain.b64'), '--require-timestamp', '--json']);
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.out)).toMatchObject({ integrity: true, error: { code: 'TIMESTAMP_MISSING' } });
    const future = await kiosk(['esign', 'verify', join(dir, 'plain.b64'), '--at', '2099-01-01', '--json']);
    expect(future.code).toBe(1);
    expect(JSON.parse(future.out)).toMatchObject({ error: { code: 'CERT_EXPIRED' } });
  });

  it('exit 2 for unusable input and bad usage', async () => {
    writeFileSync(join(dir, 'garbage.txt'), 'definitely not a signature');
    writeFileSync(join(dir, 'empty.txt'), '');
    for (const f of ['garbage.txt', 'empty.txt']) {
      const r = await kiosk(['esign', 'verify', join(dir, f), '--json']);
      expect(r.code).toBe(2);
      expect(JSON.parse(r.out)).toMatchObject({
        integrity: false,
        signers: [],
        error: { code: expect.stringMatching(/^INPUT_/) },
      });
    }
    const missing = await kiosk(['esign', 'verify', join(dir, 'missing.p7s'), '--json']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.out)).toMatchObject({ integrity: false, error: { code: 'INPUT_UNREADABLE' } });
    expect(missing.err).toContain('cannot read');
    expect((await kiosk(['esign', 'verify', join(dir, 'missing.p7s')])).code).toBe(2);
    expect((await kiosk(['esign', 'verify', join(dir, 'garbage.txt'), '--at', 'yesterday'])).code).toBe(2);
    expect((await kiosk(['esign', 'frobnicate'])).code).toBe(2);
  });

  it('inspect shows the key certificate with the password, the format without', async () => {
    const k = entry((e) => e.role === 'stamp');
    const bare = await kiosk(['esign', 'inspect', join(dir, 'pki', k.file), '--json']);
    expect(JSON.parse(bare.out)).toEqual({ kind: 'jks' });
    const stampAsPerson = await kiosk(
      ['esign', 'inspect', join(dir, 'pki', k.file), '--password-stdin', '--json'],
      k.password,
    );
    expect(stampAsPerson.code).toBe(1);
    const cert = await kiosk(['esign', 'inspect', join(dir, 'pki', 'ca.cer'), '--json']);
    expect(JSON.parse(cert.out)).toMatchObject({ kind: 'certificate', certificate: { isCa: true } });
  });
});
