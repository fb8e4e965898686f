import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCertificate } from '../pki/certificate';
import { loadTrustList } from '../pki/trust';
import { createTestCa, issueIdentity, trustListOf, type TestCa } from '../pki/test-pki';
import { DAY_MS, person } from '../test-support';
import { checkRevocation, httpOcspPost, type OcspPost } from './check';
import { createOcspResponder, TEST_OCSP_VALIDITY_MS, type OcspResponder } from './responder';
import { certIdFor, encodeOcspRequest, parseOcspRequest, parseOcspResponse, type CertId } from './protocol';

const NOW = new Date('2026-04-01T10:00:00Z');
const OCSP_URL = 'http://ocsp.test.invalid/ocsp';

let ca: TestCa;
let otherCa: TestCa;
let responder: OcspResponder;
let goodDer: Uint8Array;
let revokedDer: Uint8Array;
let revokedSerial: string;

const trust = () => loadTrustList(trustListOf(ca));
const inProcess =
  (r: { respond(der: Uint8Array): Uint8Array }): OcspPost =>
  async (_url, der) =>
    r.respond(der);

beforeAll(async () => {
  ca = await createTestCa({ now: NOW });
  otherCa = await createTestCa({ now: NOW, commonName: 'Інший ЦСК' });
  goodDer = issueIdentity(ca, person(NOW, { ocspUrl: OCSP_URL })).certificateDer;
  revokedDer = issueIdentity(ca, person(NOW, { drfo: '3012345679', ocspUrl: OCSP_URL })).certificateDer;
  revokedSerial = parseCertificate(revokedDer).serialHex;
  responder = createOcspResponder(ca, {
    now: () => NOW,
    statusOf: (serial) =>
      serial === revokedSerial
        ? { kind: 'revoked', revokedAt: new Date(NOW.getTime() - DAY_MS), reason: 'keyCompromise' }
        : { kind: 'good' },
  });
});

describe('OCSP (RFC 6960, DSTU 4145)', () => {
  it('learns good and revoked from the responder named in the certificate', async () => {
    const seen: string[] = [];
    const post: OcspPost = async (url, der) => {
      seen.push(url);
      return responder.respond(der);
    };
    expect(await checkRevocation(goodDer, { trust: trust(), now: NOW, post })).toEqual({
      status: 'good',
      thisUpdate: NOW.toISOString(),
    });
    expect(await checkRevocation(revokedDer, { trust: trust(), now: NOW, post })).toEqual({
      status: 'revoked',
      revokedAt: new Date(NOW.getTime() - DAY_MS).toISOString(),
      reason: 'keyCompromise',
    });
    expect(seen).toEqual([OCSP_URL, OCSP_URL]);
  });

  it('uses no URL of a certificate whose issuer is not in the trust list', async () => {
    const foreign = issueIdentity(
      otherCa,
      person(NOW, { ocspUrl: 'http://attacker.invalid/' }),
    ).certificateDer;
    const seen: string[] = [];
    const post: OcspPost = async (url, der) => {
      seen.push(url);
      return responder.respond(der);
    };
    expect(await checkRevocation(foreign, { trust: trust(), now: NOW, post })).toMatchObject({
      status: 'untrusted',
    });
    expect(await checkRevocation(goodDer, { trust: null, now: NOW, post })).toMatchObject({
      status: 'untrusted',
    });
    expect(seen).toEqual([]);
  });

  it('refuses answers it cannot rely on: another CA’s responder, stale, tampered, unreachable', async () => {
    const impostor = createOcspResponder(otherCa, { now: () => NOW, statusOf: () => ({ kind: 'good' }) });
    expect(
      await checkRevocation(goodDer, { trust: trust(), now: NOW, post: inProcess(impostor) }),
    ).toMatchObject({ status: 'unavailable', reason: expect.stringMatching(/not signed/) });
    // a responder that does not echo the nonce: its dates must be current
    const noNonce: OcspPost = async (_url, der) => {
      const asked = parseOcspRequest(der);
      return responder.respond(encodeOcspRequest(asked.certIds[0] as CertId, null).der);
    };
    const later = new Date(NOW.getTime() + TEST_OCSP_VALIDITY_MS + 10 * 60_000);
    expect(await checkRevocation(goodDer, { trust: trust(), now: later, post: noNonce })).toMatchObject({
      status: 'unavailable',
      reason: expect.stringMatching(/out of date/),
    });
    expect(await checkRevocation(goodDer, { trust: trust(), now: NOW, post: noNonce })).toMatchObject({
      status: 'good',
    });
    // an answer made for our nonce is fresh even when the kiosk's clock is hours off
    expect(
      await checkRevocation(goodDer, { trust: trust(), now: later, post: inProcess(responder) }),
    ).toMatchObject({ status: 'good' });
    // an earlier answer replayed for a new request
    let recorded: Uint8Array | null = null;
    const replay: OcspPost = async (_url, der) => {
      recorded ??= responder.respond(der);
      return recorded;
    };
    expect(await checkRevocation(goodDer, { trust: trust(), now: NOW, post: replay })).toMatchObject({
      status: 'good',
    });
    expect(await checkRevocation(goodDer, { trust: trust(), now: NOW, post: replay })).toMatchObject({
      status: 'unavailable',
      reason: expect.stringMatching(/another request/),
    });
    const tampered: OcspPost = async (_url, der) => {
      const answer = Uint8Array.from(responder.respond(der));
      // flip a byte of producedAt inside the signed part
      const at = Buffer.from(answer).indexOf(Buffer.from('20260401', 'latin1'));
      answer[at + 3] = 0x37;
      return answer;
    };
    expect(await checkRevocation(goodDer, { trust: trust(), now: NOW, post: tampered })).toMatchObject({
      status: 'unavailable',
    });
    const down: OcspPost = async () => {
      throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    };
    expect(await checkRevocation(goodDer, { trust: trust(), now: NOW, post: down })).toMatchObject({
      status: 'unavailable',
      reason: expect.stringMatching(/ECONNREFUSED/),
    });
    const noUrl = issueIdentity(ca, person(NOW)).certificateDer;
    expect(
      await checkRevocation(noUrl, { trust: trust(), now: NOW, post: inProcess(responder) }),
    ).toMatchObject({
      status: 'unavailable',
      reason: expect.stringMatching(/names no OCSP responder/),
    });
  });

  it('answers unknown for another CA’s certificates and malformedRequest for garbage', async () => {
    const foreign = parseCertificate(issueIdentity(otherCa, person(NOW)).certificateDer);
    const req = encodeOcspRequest(certIdFor(foreign, parseCertificate(otherCa.certificateDer)));
    const answer = parseOcspResponse(responder.respond(req.der));
    expect(answer.status === 'successful' && answer.basic.responses[0]?.status).toEqual({ kind: 'unknown' });
    expect(parseOcspResponse(responder.respond(Uint8Array.of(0x30, 0x03, 1, 2, 3))).status).toBe(
      'malformedRequest',
    );
  });

  describe('over HTTP', () => {
    let server: Server;
    let base = '';
    const hits: string[] = [];
    beforeAll(async () => {
      server = createServer((req, res) => {
        hits.push(req.url ?? '');
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          if (req.url === '/moved') {
            res.writeHead(302, { location: `${base}/elsewhere` });
            res.end();
          } else if (req.url === '/huge') {
            res.writeHead(200, { 'content-type': 'application/ocsp-response' });
            res.end(Buffer.alloc(400 * 1024, 0x30));
          } else {
            res.writeHead(200, { 'content-type': 'application/ocsp-response' });
            res.end(responder.respond(new Uint8Array(Buffer.concat(chunks))));
          }
        });
      });
      await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

    it('posts the request and reads a bounded answer; a redirect is not followed', async () => {
      const at = (path: string) =>
        issueIdentity(ca, person(NOW, { ocspUrl: `${base}${path}` })).certificateDer;
      const post = httpOcspPost(5_000);
      expect(await checkRevocation(at('/ocsp'), { trust: trust(), now: NOW, post })).toMatchObject({
        status: 'good',
      });
      expect(await checkRevocation(at('/moved'), { trust: trust(), now: NOW, post })).toMatchObject({
        status: 'unavailable',
        reason: expect.stringMatching(/EREDIRECT/),
      });
      expect(await checkRevocation(at('/huge'), { trust: trust(), now: NOW, post })).toMatchObject({
        status: 'unavailable',
        reason: expect.stringMatching(/ETOOLARGE/),
      });
      expect(hits).not.toContain('/elsewhere');
    });
  });
});
