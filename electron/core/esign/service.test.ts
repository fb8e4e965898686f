import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKioskDatabase } from '../db/kiosk-db';
import { KeyDiscovery } from './discovery/discovery';
import type { Medium } from './discovery/media';
import { createTestCa, issueTestIdentity, loadTrustList, trustListOf, verifySignedContent } from './index';
import { KeyLockout } from './lockout';
import { EsignService } from './service';
import { nodeSignerLauncher } from './signer/launcher';
import { makeTestPki, person, type TestPki } from './test-support';

let pki: TestPki;
let root: string;
let mounted: Medium[];

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  pki = await makeTestPki();
  root = mkdtempSync(join(tmpdir(), 'esign-service-'));
  const usb = join(root, 'usb');
  mkdirSync(usb);
  const id = await issueTestIdentity(pki.ca, person(pki.now), { format: 'jks', password: 'пароль' });
  writeFileSync(join(usb, 'key.jks'), id.file);
  mounted = [{ id: usb, root: usb, label: 'USB' }];
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('EsignService', () => {
  it('opens a listed key in a signer, signs, and ends everything when the medium is pulled', async () => {
    let removed = 0;
    const service = new EsignService({
      launcher: nodeSignerLauncher(),
      discovery: new KeyDiscovery({ media: { list: async () => mounted } }),
      lockout: new KeyLockout(openKioskDatabase(':memory:'), new Uint8Array(32)),
      tsa: () => ({ kind: 'none' }),
      onKeyRemoved: () => removed++,
    });
    const [key] = await service.listKeys();
    if (!key) throw new Error('no key listed');
    expect(await service.openKey('not-an-id', new Uint8Array(1))).toMatchObject({
      ok: false,
      error: { code: 'KEY_NOT_FOUND' },
    });
    const opened = await service.openKey(key.id, new Uint8Array(Buffer.from('пароль')), '3012345678');
    expect(opened).toMatchObject({ ok: true, value: { drfo: '3012345678' } });
    const signed = await service.sign('{"ok":1}', '3012345678');
    if (!signed.ok) throw new Error(signed.error.message);
    expect(
      (
        await verifySignedContent(new Uint8Array(Buffer.from(signed.value.signedContent, 'base64')), {
          trust: pki.trust,
        })
      ).error,
    ).toBeNull();

    const pid = service.signerPid as number;
    expect(isRunning(pid)).toBe(true);
    mounted = [];
    expect(await service.checkMedium()).toBe(false);
    await service.endSession(); // idempotent
    expect(removed).toBe(1);
    expect(isRunning(pid)).toBe(false);
    expect(await service.sign('{}')).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
  });

  it('uses the time-stamp service named in a certificate only after the certificate chains to the trust list', async () => {
    const hits: string[] = [];
    const tsaServer = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        hits.push(req.url ?? '');
        res.writeHead(200, { 'content-type': 'application/timestamp-reply' });
        res.end(pki.tsa.respond(new Uint8Array(Buffer.concat(chunks))));
      });
    });
    await new Promise<void>((ok) => tsaServer.listen(0, '127.0.0.1', ok));
    const tsaUrl = `http://127.0.0.1:${(tsaServer.address() as AddressInfo).port}/tsp`;
    const dir = join(root, 'tsa-usb');
    mkdirSync(dir);
    const id = await issueTestIdentity(pki.ca, person(pki.now, { tsaUrl }), {
      format: 'jks',
      password: 'p-1',
    });
    writeFileSync(join(dir, 'key.jks'), id.file);
    const otherCa = await createTestCa({ commonName: 'A CA this kiosk does not trust' });
    let trust: ReturnType<typeof loadTrustList> | null = null;
    const service = new EsignService({
      launcher: nodeSignerLauncher(),
      discovery: new KeyDiscovery({ media: { list: async () => [{ id: dir, root: dir, label: 'USB' }] } }),
      lockout: new KeyLockout(openKioskDatabase(':memory:'), new Uint8Array(32)),
      tsa: () => ({ kind: 'certificate' }),
      trust: () => trust,
      onKeyRemoved: () => undefined,
    });
    try {
      const [key] = await service.listKeys();
      if (!key) throw new Error('no key listed');
      expect(await service.openKey(key.id, new Uint8Array(Buffer.from('p-1')))).toMatchObject({ ok: true });
      // no trust list, or one without the issuer: the certificate's URL is not contacted
      expect(await service.sign('{"a":1}')).toMatchObject({ ok: false, error: { code: 'CERT_UNTRUSTED' } });
      trust = loadTrustList(trustListOf(otherCa));
      await service.endSession();
      expect(await service.openKey(key.id, new Uint8Array(Buffer.from('p-1')))).toMatchObject({ ok: true });
      expect(await service.sign('{"a":2}')).toMatchObject({ ok: false, error: { code: 'CERT_UNTRUSTED' } });
      expect(hits).toEqual([]);
      // the issuer in the trust list: the certificate's time-stamp service is used
      trust = pki.trust;
      await service.endSession();
      expect(await service.openKey(key.id, new Uint8Array(Buffer.from('p-1')))).toMatchObject({ ok: true });
      expect(await service.sign('{"a":3}')).toMatchObject({ ok: true });
      expect(hits).toEqual(['/tsp']);
    } finally {
      await service.endSession();
      await new Promise<void>((ok) => tsaServer.close(() => ok()));
    }
  });
});
