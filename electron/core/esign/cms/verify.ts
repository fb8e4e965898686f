/**
 * Verification of attached CAdES signatures as eHealth's DS service does it, layer by layer for
 * nested envelopes (signature inside a stamp): message digest, DSTU 4145 signature over the signed
 * attributes, signingCertificateV2, content (and signature) time-stamp tokens, certificate validity
 * at signing time and/or now, key usage, signer count per envelope and — with a trust list — the
 * certificate path to a trusted CA (also for the time-stamp authority).
 */
import { bytesEqual, DerError, TAG, decodeTime, readWhole, value, whole } from '../der';
import { OID } from '../oids';
import {
  canSign,
  formatName,
  isStampCertificate,
  nameValue,
  parseName,
  type ParsedCertificate,
} from '../pki/certificate';
import { buildChain, type TrustList } from '../pki/trust';
import type { SignerInfo, VerifyErrorCode, VerifyOptions, VerifyReport } from '../types';
import { gostHash } from '../vendor/jk';
import {
  checkSignature,
  certificateValuesOf,
  findCertificate,
  signingCertHash,
  verifyTimestamp,
  type TimestampResult,
} from './checks';
import { decodeSignatureInput } from './input';
import {
  firstValue,
  parseContentInfo,
  parseSignedData,
  type ParsedSignedData,
  type ParsedSignerInfo,
  type SignerId,
} from './parse';

const MAX_LAYERS = 8;

class Verdict {
  integrity = true;
  untrusted = false;
  error: { code: VerifyErrorCode; message: string } | null = null;
  fail(code: VerifyErrorCode, message: string, integrity: boolean): void {
    if (!integrity) this.integrity = false;
    if (code === 'CERT_UNTRUSTED') this.untrusted = true;
    if (!this.error) this.error = { code, message };
  }
}

interface Ctx {
  opts: VerifyOptions;
  now: Date;
  verdict: Verdict;
}

export async function verifySignedContent(
  input: Uint8Array,
  opts: VerifyOptions = {},
): Promise<VerifyReport> {
  const now = (opts.now ?? (() => new Date()))();
  try {
    const decoded = decodeSignatureInput(input);
    if (!decoded.ok) return unusable(decoded.error.code, decoded.error.message);
    return verifyDer(decoded.value, { opts, now, verdict: new Verdict() });
  } catch (e) {
    // a bug must not crash the caller; the report says what happened
    return unusable('INPUT_NOT_CMS', `could not read the signature: ${(e as Error).message}`);
  }
}

function unusable(code: VerifyErrorCode, message: string): VerifyReport {
  return { integrity: false, chain: 'not-checked', signers: [], content: null, error: { code, message } };
}

function looksLikeSignedData(bytes: Uint8Array): boolean {
  if (bytes.length < 16 || bytes[0] !== TAG.SEQUENCE) return false;
  try {
    return parseContentInfo(bytes).contentType === OID.signedData;
  } catch {
    return false;
  }
}

function verifyDer(der: Uint8Array, ctx: Ctx): VerifyReport {
  const signers: SignerInfo[] = [];
  let current = der;
  let content: Uint8Array | null = null;
  for (let layer = 0; ; layer++) {
    let sd: ParsedSignedData;
    try {
      sd = parseSignedData(current);
    } catch (e) {
      if (layer === 0) return unusable('INPUT_NOT_CMS', `not a CMS SignedData: ${(e as Error).message}`);
      ctx.verdict.fail(
        'INPUT_NOT_CMS',
        `nested envelope ${layer + 1} is broken: ${(e as Error).message}`,
        false,
      );
      break;
    }
    verifyLayer(sd, layer, signers, ctx);
    content = sd.content;
    if (content === null || layer + 1 >= MAX_LAYERS || !looksLikeSignedData(content)) break;
    current = content;
  }
  const { verdict } = ctx;
  return {
    integrity: verdict.integrity,
    chain: ctx.opts.trust ? (verdict.untrusted ? 'untrusted' : 'trusted') : 'not-checked',
    signers,
    content: content === null ? null : contentText(content),
    error: verdict.error,
  };
}

function contentText(bytes: Uint8Array): string {
  let s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (s.startsWith('\uFEFF')) s = s.slice(1);
  return s.replace(/\0+$/, '');
}

function verifyLayer(sd: ParsedSignedData, layer: number, out: SignerInfo[], ctx: Ctx): void {
  const where = `envelope ${layer + 1}`;
  const n = sd.signerInfos.length;
  if (n === 0) ctx.verdict.fail('SIGNER_COUNT', `${where} contains no signature`, false);
  else if (n > 1 && !ctx.opts.allowMultipleSigners)
    ctx.verdict.fail('SIGNER_COUNT', `${where} contains ${n} signatures instead of 1`, true);
  if (sd.content === null) {
    ctx.verdict.fail(
      'NO_CONTENT',
      `${where} is a detached signature; the signed content is not inside`,
      false,
    );
  }
  const contentHash = sd.content === null ? null : gostHash(sd.content);
  for (const si of sd.signerInfos) {
    try {
      out.push(verifySigner(sd, si, contentHash, where, ctx));
    } catch (e) {
      if (!(e instanceof DerError)) throw e;
      // a structurally broken attribute inside an otherwise readable envelope
      ctx.verdict.fail('SIGNATURE_INVALID', `${where}: malformed signer information: ${e.message}`, false);
      out.push(signerInfoOf(null, si.sid, null, null));
    }
  }
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function signerInfoOf(
  cert: ParsedCertificate | null,
  sid: SignerId,
  signingTime: Date | null,
  contentTime: Date | null,
): SignerInfo {
  if (!cert) {
    let issuer = '';
    try {
      if (sid.kind === 'issuerSerial') issuer = formatName(parseName(readWhole(sid.issuerDer)));
    } catch {
      issuer = '';
    }
    const serial =
      sid.kind === 'issuerSerial' ? Buffer.from(value(readWhole(sid.serialTlv))).toString('hex') : '';
    return {
      drfo: null,
      edrpou: null,
      commonName: null,
      surname: null,
      givenName: null,
      organization: null,
      isStamp: false,
      signingTime: iso(signingTime),
      contentTimestamp: iso(contentTime),
      certificate: { serial, issuer, notBefore: '', notAfter: '' },
    };
  }
  return {
    drfo: cert.drfo,
    edrpou: cert.edrpou,
    commonName: nameValue(cert.subject, OID.commonName),
    surname: nameValue(cert.subject, OID.surname),
    givenName: nameValue(cert.subject, OID.givenName),
    organization: nameValue(cert.subject, OID.organizationName),
    isStamp: isStampCertificate(cert),
    signingTime: iso(signingTime),
    contentTimestamp: iso(contentTime),
    certificate: {
      serial: cert.serialHex,
      issuer: formatName(cert.issuer),
      notBefore: cert.notBefore.toISOString(),
      notAfter: cert.notAfter.toISOString(),
    },
  };
}

function verifySigner(
  sd: ParsedSignedData,
  si: ParsedSignerInfo,
  contentHash: Uint8Array | null,
  where: string,
  ctx: Ctx,
): SignerInfo {
  const { verdict, opts } = ctx;
  const pool = [...sd.certificates, ...certificateValuesOf(si)];
  const cert = findCertificate(si.sid, [pool, opts.trust?.certificates ?? []]);
  let signingTime: Date | null = null;
  try {
    const st = firstValue(si.signedAttrs, OID.signingTime);
    signingTime = st ? decodeTime(st) : null;
  } catch {
    verdict.fail('SIGNATURE_INVALID', `${where}: unreadable signingTime attribute`, false);
  }
  const tokenT = firstValue(si.signedAttrs, OID.contentTimeStamp);
  let ts: TimestampResult | null = null;
  if (tokenT && sd.content !== null && contentHash)
    ts = verifyTimestamp(whole(tokenT), contentHash, pool, opts.trust);
  const info = signerInfoOf(cert, si.sid, signingTime, ts?.genTime ?? null);

  if (!cert) {
    verdict.fail('SIGNER_CERT_MISSING', `${where}: the signer certificate is not in the envelope`, false);
    return info;
  }
  if (sd.content === null || contentHash === null) return info;

  const sig = checkSignature(si, cert, sd.content, contentHash, sd.eContentType);
  if (!sig.ok) verdict.fail(sig.code, `${where}: ${sig.message}`, false);
  const certHash = signingCertHash(si);
  if (certHash && !bytesEqual(certHash, gostHash(cert.der)))
    verdict.fail(
      'SIGNING_CERT_MISMATCH',
      `${where}: signingCertificateV2 names a different certificate`,
      false,
    );

  if (ts?.status === 'invalid') verdict.fail('TIMESTAMP_INVALID', `${where}: ${ts.message}`, false);
  const sigTokenT = si.unsignedAttrs.get(OID.signatureTimeStamp)?.[0];
  if (sigTokenT) {
    const sts = verifyTimestamp(whole(sigTokenT), gostHash(si.signature), pool, opts.trust);
    if (sts.status === 'invalid')
      verdict.fail('TIMESTAMP_INVALID', `${where}: signature ${sts.message}`, false);
  }
  if (!ts && opts.requireTimestamp)
    verdict.fail('TIMESTAMP_MISSING', `${where}: no content time-stamp`, true);

  const signingRef = ts?.genTime ?? signingTime;
  const times = validityTimes(opts.at ?? 'now', signingRef, ctx.now);
  for (const t of times) {
    if (t.at.getTime() < cert.notBefore.getTime()) {
      verdict.fail(
        'CERT_NOT_YET_VALID',
        `${where}: the certificate was not yet valid at ${t.label} (${t.at.toISOString()})`,
        true,
      );
      break;
    }
    if (t.at.getTime() > cert.notAfter.getTime()) {
      verdict.fail(
        'CERT_EXPIRED',
        `${where}: the certificate had expired at ${t.label} (${t.at.toISOString()})`,
        true,
      );
      break;
    }
  }
  if (!canSign(cert))
    verdict.fail('KEY_USAGE', `${where}: the certificate is not meant for signing (key usage)`, true);

  const trust: TrustList | undefined = opts.trust;
  if (trust) {
    const chain = buildChain(
      cert,
      pool,
      trust,
      times.map((t) => t.at),
    );
    if (!chain.trusted) verdict.fail('CERT_UNTRUSTED', `${where}: signer certificate: ${chain.reason}`, true);
    if (ts?.status === 'unverifiable') verdict.fail('CERT_UNTRUSTED', `${where}: ${ts.message}`, true);
    if (ts?.status === 'verified' && ts.tsaCert && ts.genTime) {
      const tsaChain = buildChain(ts.tsaCert, [...(ts.pool ?? []), ...pool], trust, [ts.genTime]);
      if (!tsaChain.trusted)
        verdict.fail('CERT_UNTRUSTED', `${where}: time-stamp authority: ${tsaChain.reason}`, true);
    }
  }
  return info;
}

function validityTimes(
  at: 'signing' | 'now' | Date,
  signingRef: Date | null,
  now: Date,
): { at: Date; label: string }[] {
  if (at instanceof Date) return [{ at, label: 'the requested time' }];
  const signing = signingRef ? [{ at: signingRef, label: 'signing time' }] : [];
  if (at === 'signing')
    return signing.length ? signing : [{ at: now, label: 'now (no signing time in the signature)' }];
  return [...signing, { at: now, label: 'now' }];
}
