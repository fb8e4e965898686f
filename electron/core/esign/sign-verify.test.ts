import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTestCa,
  issueTestIdentity,
  loadTrustList,
  openKeyContainer,
  signJson,
  trustListOf,
  verifySignedContent,
  type OpenedKey,
} from './index';
import { algorithm, attribute, signedAttributes } from './cms/build';
import { parseSignedData } from './cms/parse';
import { explicit, implicit, octets, oid, seq, setOf, uint } from './der';
import { hashSignerOf } from './key';
import { gostHash } from './vendor/jk';
import { OID } from './oids';
import { DAY_MS, makeTestPki, mergeSigners, person, stamp, type TestPki } from './test-support';

const pw = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));
const der = (b64: string): Uint8Array => new Uint8Array(Buffer.from(b64, 'base64'));

let pki: TestPki;
let doctor: OpenedKey;
let doctorCert: Uint8Array;
let clinicStamp: OpenedKey;

beforeAll(async () => {
  pki = await makeTestPki();
  const id = await issueTestIdentity(pki.ca, person(pki.now), { format: 'pk8', password: 'x' });
  doctorCert = id.certificateDer;
  const opened = await openKeyContainer(id.file, pw('x'), { certificates: [id.certificateDer] });
  if (!opened.ok) throw new Error(opened.error.message);
  doctor = opened.value;
  const st = await issueTestIdentity(pki.ca, stamp(pki.now), { format: 'pk8', password: 'x' });
  const os = await openKeyContainer(st.file, pw('x'), { certificates: [st.certificateDer], role: 'stamp' });
  if (!os.ok) throw new Error(os.error.message);
  clinicStamp = os.value;
});

describe('signJson → verifySignedContent', () => {
  it('signs attached CAdES with a content time-stamp and verifies it against the test trust list', async () => {
    const signed = await signJson(doctor, '{"hello":"світ"}', { tsa: pki.tsaFn, expectedDrfo: '3012345678' });
    expect(signed.ok).toBe(true);
    if (!signed.ok) return;
    expect(signed.value.signer.drfo).toBe('3012345678');
    const report = await verifySignedContent(der(signed.value.signedContent), {
      trust: pki.trust,
      requireTimestamp: true,
    });
    expect(report).toMatchObject({
      integrity: true,
      chain: 'trusted',
      error: null,
      content: '{"hello":"світ"}',
    });
    expect(report.signers).toHaveLength(1);
    expect(report.signers[0]).toMatchObject({
      drfo: '3012345678',
      edrpou: null,
      surname: 'Шевченко',
      givenName: 'Тарас Григорович',
      commonName: 'Шевченко Тарас Григорович',
      isStamp: false,
    });
    expect(report.signers[0]?.contentTimestamp).not.toBeNull();
  });

  it('writes the signed attributes in DER order', async () => {
    const signed = await signJson(doctor, '{}', { tsa: pki.tsaFn });
    if (!signed.ok) throw new Error(signed.error.message);
    const sd = parseSignedData(der(signed.value.signedContent));
    expect([...(sd.signerInfos[0]?.signedAttrs.keys() ?? [])]).toEqual([
      OID.contentType,
      OID.signingTime,
      OID.messageDigest,
      OID.signingCertificateV2,
      OID.contentTimeStamp,
    ]);
  });

  it('refuses to return a signature whose DRFO differs from the expected tax id', async () => {
    const signed = await signJson(doctor, '{}', { tsa: pki.tsaFn, expectedDrfo: '1111111111' });
    expect(signed).toMatchObject({ ok: false, error: { code: 'SIGNER_MISMATCH' } });
  });

  it('fails clearly when the time-stamp service is down', async () => {
    const signed = await signJson(doctor, '{}', {
      tsa: async () => {
        throw new Error('connect ECONNREFUSED');
      },
    });
    expect(signed).toMatchObject({ ok: false, error: { code: 'TSA_UNAVAILABLE' } });
  });

  it('rejects non-JSON input', async () => {
    expect(await signJson(doctor, 'not json', { tsa: null })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });

  it('detects tampered content (digest mismatch)', async () => {
    const signed = await signJson(doctor, '{"amount":100}', { tsa: pki.tsaFn });
    if (!signed.ok) throw new Error(signed.error.message);
    const bytes = der(signed.value.signedContent);
    const at = Buffer.from(bytes).indexOf(Buffer.from('100'));
    bytes[at] = '9'.charCodeAt(0);
    const report = await verifySignedContent(bytes, { trust: pki.trust });
    expect(report.integrity).toBe(false);
    expect(report.error?.code).toBe('DIGEST_MISMATCH');
    expect(report.content).toBe('{"amount":900}');
  });

  it('reports an untrusted CA when the trust list is another CA', async () => {
    const other = await createTestCa();
    const signed = await signJson(doctor, '{}', { tsa: pki.tsaFn });
    if (!signed.ok) throw new Error(signed.error.message);
    const report = await verifySignedContent(der(signed.value.signedContent), {
      trust: loadTrustList(trustListOf(other)),
    });
    expect(report.integrity).toBe(true);
    expect(report.chain).toBe('untrusted');
    expect(report.error?.code).toBe('CERT_UNTRUSTED');
    const unchecked = await verifySignedContent(der(signed.value.signedContent));
    expect(unchecked).toMatchObject({ chain: 'not-checked', error: null });
  });

  it('requires a time-stamp only when asked', async () => {
    const signed = await signJson(doctor, '{}', { tsa: null });
    if (!signed.ok) throw new Error(signed.error.message);
    const input = der(signed.value.signedContent);
    expect((await verifySignedContent(input, { trust: pki.trust })).error).toBeNull();
    const strict = await verifySignedContent(input, { trust: pki.trust, requireTimestamp: true });
    expect(strict).toMatchObject({ integrity: true, error: { code: 'TIMESTAMP_MISSING' } });
  });

  it('rejects two signers in one envelope unless allowed', async () => {
    const a = await signJson(doctor, '{"x":1}', { tsa: pki.tsaFn });
    const b = await signJson(clinicStamp, '{"x":1}', { tsa: pki.tsaFn });
    if (!a.ok || !b.ok) throw new Error('signing failed');
    const merged = mergeSigners([der(a.value.signedContent), der(b.value.signedContent)]);
    const report = await verifySignedContent(merged, { trust: pki.trust });
    expect(report).toMatchObject({ integrity: true, error: { code: 'SIGNER_COUNT' } });
    expect(report.signers).toHaveLength(2);
    const allowed = await verifySignedContent(merged, { trust: pki.trust, allowMultipleSigners: true });
    expect(allowed.error).toBeNull();
  });

  it('reads nested envelopes (signature inside a stamp), outermost first', async () => {
    const inner = await signJson(doctor, '{"declaration":"42"}', { tsa: pki.tsaFn });
    if (!inner.ok) throw new Error(inner.error.message);
    // the stamp signs the inner envelope's DER as its content
    const outer = await signJsonOverBytes(clinicStamp, der(inner.value.signedContent));
    const report = await verifySignedContent(outer, { trust: pki.trust, requireTimestamp: true });
    expect(report.error).toBeNull();
    expect(report.signers.map((s) => s.isStamp)).toEqual([true, false]);
    expect(report.signers[0]?.edrpou).toBe('41294110');
    expect(report.signers[1]?.drfo).toBe('3012345678');
    expect(report.content).toBe('{"declaration":"42"}');
  });
});

describe('CAdES-X-L certificate values', () => {
  it('uses certificates carried in the unsigned certificateValues attribute', async () => {
    const cert = doctor.certificate;
    const content = new Uint8Array(Buffer.from('{"x":1}'));
    const attrs = signedAttributes({
      contentType: OID.data,
      contentDigest: gostHash(content),
      signingTime: new Date(),
      certificate: cert,
    });
    const signer = hashSignerOf(doctor);
    if (!signer) throw new Error('key closed');
    const signature = await signer.signHash(gostHash(attrs));
    const envelope = (unsigned: Uint8Array[]): Uint8Array => {
      const si = seq(
        uint(1),
        seq(cert.issuerDer, cert.serialTlv),
        algorithm(OID.gost34311),
        implicit(0, attrs),
        algorithm(OID.dstu4145le),
        octets(signature),
        ...unsigned,
      );
      const sd = seq(
        uint(1),
        setOf(algorithm(OID.gost34311)),
        seq(oid(OID.data), explicit(0, octets(content))),
        setOf(si),
      );
      return seq(oid(OID.signedData), explicit(0, sd));
    };
    const withValues = envelope([implicit(1, setOf(attribute(OID.certificateValues, seq(cert.der))))]);
    const report = await verifySignedContent(withValues, { trust: pki.trust });
    expect(report).toMatchObject({
      integrity: true,
      chain: 'trusted',
      error: null,
      signers: [{ drfo: '3012345678' }],
    });
    const without = await verifySignedContent(envelope([]), { trust: pki.trust });
    expect(without).toMatchObject({ integrity: false, error: { code: 'SIGNER_CERT_MISSING' } });
  });
});

describe('certificate validity', () => {
  it('an expired certificate verifies at signing time but not now', async () => {
    const past = new Date(pki.now.getTime() - 400 * DAY_MS);
    const id = await issueTestIdentity(
      pki.ca,
      person(past, {
        validFrom: new Date(past.getTime() - DAY_MS),
        validTo: new Date(past.getTime() + 30 * DAY_MS),
      }),
      { format: 'pk8', password: 'x' },
    );
    const opened = await openKeyContainer(id.file, pw('x'), {
      certificates: [id.certificateDer],
      now: () => past,
    });
    if (!opened.ok) throw new Error(opened.error.message);
    const signed = await signJson(opened.value, '{}', { tsa: null, now: () => past });
    if (!signed.ok) throw new Error(signed.error.message);
    const input = der(signed.value.signedContent);
    expect((await verifySignedContent(input, { trust: pki.trust, at: 'signing' })).error).toBeNull();
    const now = await verifySignedContent(input, { trust: pki.trust, at: 'now' });
    expect(now).toMatchObject({ integrity: true, error: { code: 'CERT_EXPIRED' } });
    // and the kiosk refuses to open it for signing today
    const today = await openKeyContainer(id.file, pw('x'), { certificates: [id.certificateDer] });
    expect(today).toMatchObject({ ok: false, error: { code: 'CERT_EXPIRED' } });
  });

  it('a not-yet-valid certificate cannot be opened', async () => {
    const id = await issueTestIdentity(
      pki.ca,
      person(pki.now, {
        validFrom: new Date(pki.now.getTime() + 10 * DAY_MS),
        validTo: new Date(pki.now.getTime() + 400 * DAY_MS),
      }),
      { format: 'pk8', password: 'x' },
    );
    const opened = await openKeyContainer(id.file, pw('x'), { certificates: [id.certificateDer] });
    expect(opened).toMatchObject({ ok: false, error: { code: 'CERT_NOT_YET_VALID' } });
  });
});

it('keeps the certificate the signature was made with', () => {
  expect(doctor.certificate.der).toEqual(doctorCert);
});

/** Signs arbitrary bytes the way signJson signs JSON (for nesting a stamp over an envelope). */
async function signJsonOverBytes(key: OpenedKey, content: Uint8Array): Promise<Uint8Array> {
  const { signBytes } = await import('./cms/sign');
  const r = await signBytes(key, content, { tsa: pki.tsaFn });
  if (!r.ok) throw new Error(r.error.message);
  return der(r.value.signedContent);
}
