import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DOCUMENT_LIMITS } from '#shared/documents';
import { err, ok } from '#shared/result';
import { createPisApiFromConfig } from '../ehealth/pis-api';
import { silentLogger } from '../log';
import { folderMedia } from '../session/folder-media';
import type { PatientPort } from '../session/patient-port';
import { DocumentService, type CameraPort } from './document-service';
import { ehealthDomain, uploadUrlAllowed } from './upload-url';

/** A JPEG's marker structure of the given picture size and total length. */
function jpeg(width: number, height: number, length = 4096): Buffer {
  const seg = (m: number, p: number[]) => [0xff, m, (p.length + 2) >> 8, (p.length + 2) & 0xff, ...p];
  const head = Buffer.from([
    0xff,
    0xd8,
    ...seg(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]),
    ...seg(0xda, [1, 1, 0, 0, 63, 0]),
  ]);
  const body = Buffer.alloc(length - head.length - 2, 0x55);
  return Buffer.concat([head, body, Buffer.from([0xff, 0xd9])]);
}

interface Put {
  path: string;
  bytes: Buffer;
  headers: Record<string, string | string[] | undefined>;
}

// eHealth and its document storage on loopback: the documents endpoints and the PUT targets
let server: Server;
let base = '';
const puts: Put[] = [];
let missing: string[] = [];
let putStatus: (path: string) => number = () => 200;
let urlFor: (type: string, round: number) => string = (type, round) => `${base}/upload/${type}/${round}`;
let round = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const json = (status: number, data: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ meta: { code: status }, data }));
      };
      if (req.method === 'PUT' && path.startsWith('/upload/')) {
        const status = putStatus(path);
        if (status === 302) {
          res.writeHead(302, { location: `${base}/elsewhere` });
          res.end();
          return;
        }
        if (status === 200) {
          puts.push({ path, bytes: Buffer.concat(chunks), headers: req.headers });
          const type = path.split('/')[2]!;
          missing = missing.filter((t) => t !== type);
        }
        res.writeHead(status);
        res.end();
        return;
      }
      const links = () => missing.map((type) => ({ type, url: urlFor(type, round) }));
      if (req.method === 'POST' && path === '/api/pis/documents') {
        round++;
        return json(201, links());
      }
      if (req.method === 'PATCH' && path === '/api/pis/documents/actions/complete') return json(200, links());
      json(404, null);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

let signedIn: { sessionId: string } | null;
const ends: (() => void)[] = [];
let camera: CameraPort & { state: boolean; opened: number };
let service: DocumentService;

function patientPort(): PatientPort {
  const pis = createPisApiFromConfig({ baseUrl: base, apiKey: 'k', timeoutMs: 5_000 });
  const tokens = pis.patientTokens({ accessToken: 'token', refreshToken: null, expiresAt: null });
  const ctx = () =>
    signedIn
      ? ok({ ...signedIn, personId: 'p', patientKey: 'k', ageYears: 30, access: 'full' as const })
      : err('NO_SESSION', 'nobody');
  return {
    current: () =>
      signedIn ? { ...signedIn, personId: 'p', patientKey: 'k', ageYears: 30, access: 'full' } : null,
    requireView: ctx,
    requireAct: ctx,
    pis: () => pis,
    tokens: () => (signedIn ? tokens : null),
    sign: () => Promise.resolve(err('SIGNER_FAILED', 'not here')),
  };
}

beforeEach(() => {
  puts.length = 0;
  missing = ['PASSPORT'];
  round = 0;
  putStatus = () => 200;
  urlFor = (type, r) => `${base}/upload/${type}/${r}`;
  signedIn = { sessionId: 's1' };
  ends.length = 0;
  camera = {
    state: false,
    opened: 0,
    open() {
      this.state = true;
      this.opened++;
    },
    close() {
      this.state = false;
    },
  };
  service = new DocumentService({
    patient: patientPort(),
    sessions: {
      onEnd: (f) => {
        ends.push(() => void f({ id: 's1' }));
        return () => undefined;
      },
    },
    log: silentLogger(),
    camera,
    uploadTimeoutMs: 5_000,
  });
});

afterEach(() => {
  signedIn = null;
});

/** Sends an image to the service in bridge-sized parts, as the page does. */
function send(type: string, bytes: Buffer) {
  const parts = Math.max(1, Math.ceil(bytes.length / DOCUMENT_LIMITS.partBytes));
  for (let i = 0; i < parts; i++) {
    const data = bytes.subarray(i * DOCUMENT_LIMITS.partBytes, (i + 1) * DOCUMENT_LIMITS.partBytes);
    const r = service.receivePart({ type, part: i, parts, data: data.toString('base64') });
    if (!r.ok) return r;
  }
  return ok(null);
}

describe('documents eHealth asks for', () => {
  it('takes the list from a request’s answer, uploads the page by PUT to eHealth’s URL and completes', async () => {
    expect(
      service.require('s1', { documents: [{ type: 'PASSPORT', url: `${base}/upload/PASSPORT/0` }] }),
    ).toEqual(['PASSPORT']);
    expect(service.view()).toEqual(
      ok({ documents: [{ type: 'PASSPORT', uploaded: false }], complete: false }),
    );
    const page = jpeg(1280, 960, 1_300_000);
    expect(send('PASSPORT', page).ok).toBe(true);
    const up = await service.upload('PASSPORT');
    expect(up).toEqual(ok({ documents: [{ type: 'PASSPORT', uploaded: true }], complete: true }));
    expect(puts).toHaveLength(1);
    expect(puts[0]!.path).toBe('/upload/PASSPORT/0');
    expect(puts[0]!.bytes.equals(page)).toBe(true);
    expect(puts[0]!.headers['content-type']).toBe('image/jpeg');
    // a pre-signed URL carries its own authority: no token, no api-key goes with the page
    expect(puts[0]!.headers.authorization).toBeUndefined();
    expect(puts[0]!.headers['api-key']).toBeUndefined();
    const done = await service.complete();
    expect(done).toEqual(ok({ documents: [{ type: 'PASSPORT', uploaded: true }], complete: true }));
  });

  it('asks eHealth for the documents still needed with fresh URLs, and again when a URL is no longer honoured', async () => {
    const r = await service.refresh();
    expect(r).toEqual(ok({ documents: [{ type: 'PASSPORT', uploaded: false }], complete: false }));
    // the first URL has expired at the storage: the service asks for a fresh one once and uploads there
    putStatus = (path) => (path.endsWith('/1') ? 403 : 200);
    expect(send('PASSPORT', jpeg(1280, 960)).ok).toBe(true);
    const up = await service.upload('PASSPORT');
    expect(up.ok).toBe(true);
    expect(puts.map((p) => p.path)).toEqual(['/upload/PASSPORT/2']);
  });

  it('keeps the image after a failed upload, so the retry needs no new picture', async () => {
    await service.refresh();
    putStatus = () => 503;
    expect(send('PASSPORT', jpeg(1280, 960)).ok).toBe(true);
    const failed = await service.upload('PASSPORT');
    expect(failed.ok).toBe(false);
    if (!failed.ok)
      expect(failed.error).toMatchObject({ code: 'DOCUMENT_UPLOAD_FAILED', details: { retryable: true } });
    putStatus = () => 200;
    const retried = await service.upload('PASSPORT');
    expect(retried.ok).toBe(true);
    expect(puts).toHaveLength(1);
  });

  it('never follows a redirect with the page', async () => {
    await service.refresh();
    putStatus = () => 302;
    expect(send('PASSPORT', jpeg(1280, 960)).ok).toBe(true);
    const r = await service.upload('PASSPORT');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('DOCUMENT_UPLOAD_FAILED');
    expect(puts).toHaveLength(0);
  });

  it('uploads only to eHealth: a URL on another host is refused before a byte leaves', async () => {
    urlFor = (type) => `https://collector.example.net/upload/${type}`;
    await service.refresh();
    let fetched = 0;
    const guarded = new DocumentService({
      patient: patientPort(),
      sessions: { onEnd: () => () => undefined },
      log: silentLogger(),
      put: () => {
        fetched++;
        return Promise.resolve();
      },
    });
    guarded.require('s1', { documents: [{ type: 'PASSPORT', url: 'https://collector.example.net/u' }] });
    const bytes = jpeg(1280, 960);
    expect(
      guarded.receivePart({ type: 'PASSPORT', part: 0, parts: 1, data: bytes.toString('base64') }).ok,
    ).toBe(true);
    const r = await guarded.upload('PASSPORT');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('DOCUMENT_UPLOAD_FAILED');
    expect(fetched).toBe(0);
  });

  it('refuses what is not one JPEG page within the limits, and what was not asked for', async () => {
    await service.refresh();
    expect(send('PASSPORT', Buffer.from('%PDF-1.7 not a picture')).ok).toBe(true);
    const notJpeg = await service.upload('PASSPORT');
    expect(notJpeg.ok).toBe(false);
    if (!notJpeg.ok)
      expect(notJpeg.error).toMatchObject({ code: 'DOCUMENT_INVALID', details: { problem: 'not-jpeg' } });
    expect(send('PASSPORT', jpeg(320, 240)).ok).toBe(true);
    const small = await service.upload('PASSPORT');
    if (!small.ok) expect(small.error).toMatchObject({ details: { problem: 'too-small' } });
    expect(small.ok).toBe(false);
    // over 10 MB: refused as the parts arrive, before the whole is held
    const big = jpeg(1280, 960, DOCUMENT_LIMITS.maxBytes + 1);
    const tooBig = send('PASSPORT', big);
    expect(tooBig.ok).toBe(false);
    if (!tooBig.ok) expect(tooBig.error.code).toBe('DOCUMENT_TOO_LARGE');
    const other = service.receivePart({ type: 'BIRTH_CERTIFICATE', part: 0, parts: 1, data: 'AAAA' });
    expect(other.ok).toBe(false);
    expect(puts).toHaveLength(0);
  });

  it('opens the camera to the page only while a document is waiting, and closes it', async () => {
    expect(service.openCamera().ok).toBe(false);
    expect(camera.state).toBe(false);
    await service.refresh();
    expect(service.openCamera()).toEqual(ok({ open: true }));
    expect(camera.state).toBe(true);
    expect(service.closeCamera()).toEqual(ok({ open: false }));
    expect(camera.state).toBe(false);
    expect(send('PASSPORT', jpeg(1280, 960)).ok).toBe(true);
    expect((await service.upload('PASSPORT')).ok).toBe(true);
    // everything uploaded: nothing to capture, the camera stays closed
    expect(service.openCamera().ok).toBe(false);
    expect(camera.opened).toBe(1);
  });

  it('forgets the image and the list, and closes the camera, when the session ends', async () => {
    await service.refresh();
    service.openCamera();
    const page = jpeg(1280, 960);
    expect(send('PASSPORT', page).ok).toBe(true);
    const held = (service as unknown as { held: { images: Map<string, { parts: Buffer[] }> } }).held;
    const part = held.images.get('PASSPORT')!.parts[0]!;
    expect(part.equals(page)).toBe(true);
    for (const end of ends) end();
    // the bytes are overwritten, not only dropped
    expect(part.every((b) => b === 0)).toBe(true);
    expect(camera.state).toBe(false);
    signedIn = { sessionId: 's2' };
    expect(service.view()).toEqual(ok({ documents: [], complete: true }));
    expect((await service.upload('PASSPORT')).ok).toBe(false);
    expect(puts).toHaveLength(0);
  });

  it('reads pictures from the medium only while a document waits, and forgets them with the session', async () => {
    const media = mkdtempSync(join(tmpdir(), 'kiosk-doc-media-'));
    try {
      mkdirSync(join(media, 'STICK'));
      writeFileSync(join(media, 'STICK', 'scan.jpg'), jpeg(1280, 960));
      const withMedia = new DocumentService({
        patient: patientPort(),
        sessions: {
          onEnd: (f) => {
            ends.push(() => void f({ id: 's1' }));
            return () => undefined;
          },
        },
        log: silentLogger(),
        media: folderMedia(media),
      });
      expect(await withMedia.mediumList()).toMatchObject({ ok: false, error: { code: 'FLOW_EXPIRED' } });
      await withMedia.refresh();
      const listed = await withMedia.mediumList();
      if (!listed.ok) throw new Error(listed.error.code);
      const id = listed.value.images[0]!.id;
      expect(await withMedia.mediumPart(id, 0)).toMatchObject({ ok: true, value: { mime: 'image/jpeg' } });
      for (const end of ends) end();
      expect((await withMedia.mediumPart(id, 0)).ok).toBe(false);
    } finally {
      rmSync(media, { recursive: true, force: true });
    }
  });

  it('needs a signed-in patient', async () => {
    signedIn = null;
    expect(service.view().ok).toBe(false);
    expect((await service.refresh()).ok).toBe(false);
    expect(service.openCamera().ok).toBe(false);
    expect(camera.state).toBe(false);
  });
});

describe('the upload’s host check', () => {
  it('allows the eHealth host’s own origin and https hosts of eHealth’s domain only', () => {
    const api = 'https://api.ehealth.gov.ua';
    expect(uploadUrlAllowed('https://api.ehealth.gov.ua/upload/x?sig=1', api)).toBe(true);
    expect(uploadUrlAllowed('https://storage.ehealth.gov.ua/b/x?X-Goog-Signature=1', api)).toBe(true);
    expect(uploadUrlAllowed('http://storage.ehealth.gov.ua/b/x', api)).toBe(false);
    expect(uploadUrlAllowed('https://ehealth.gov.ua.evil.example/x', api)).toBe(false);
    expect(uploadUrlAllowed('https://evilehealth.gov.ua/x', api)).toBe(false);
    expect(uploadUrlAllowed('https://other.gov.ua/x', api)).toBe(false);
    expect(uploadUrlAllowed('https://user:pw@storage.ehealth.gov.ua/x', api)).toBe(false);
    expect(uploadUrlAllowed('file:///etc/passwd', api)).toBe(false);
    expect(uploadUrlAllowed('not a url', api)).toBe(false);
    // the sandbox serves its uploads on its own (loopback, http) origin; another port is another origin
    expect(uploadUrlAllowed('http://127.0.0.1:4100/sandbox/upload/1', 'http://127.0.0.1:4100')).toBe(true);
    expect(uploadUrlAllowed('http://127.0.0.1:4101/sandbox/upload/1', 'http://127.0.0.1:4100')).toBe(false);
  });

  it('never takes a public suffix for eHealth’s domain', () => {
    expect(ehealthDomain('api.ehealth.gov.ua')).toBe('ehealth.gov.ua');
    expect(ehealthDomain('api.gov.ua')).toBeNull();
    expect(ehealthDomain('ehealth.example')).toBeNull();
    expect(ehealthDomain('127.0.0.1')).toBeNull();
    expect(uploadUrlAllowed('https://anything.gov.ua/x', 'https://api.gov.ua')).toBe(false);
  });
});
