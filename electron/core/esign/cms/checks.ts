/**
 * The per-signer checks behind verifySignedContent: finding the signer certificate, digest and
 * DSTU 4145 signature of a SignerInfo, signingCertificateV2, and RFC 3161 time-stamp tokens.
 */
import { DerError, TAG, bytesEqual, decodeOid, readWhole, seqChildren, value, whole, type Tlv } from '../der';
import { OID } from '../oids';
import {
  formatName,
  isTimeStampingCertificate,
  parseCertificate,
  parseName,
  publicKeyOf,
  validAt,
  verifyDstu,
  type ParsedCertificate,
} from '../pki/certificate';
import type { TrustList } from '../pki/trust';
import type { VerifyErrorCode } from '../types';
import { gostHash } from '../vendor/jk';
import {
  firstValue,
  parseSignedData,
  parseTstInfo,
  type ParsedSignedData,
  type ParsedSignerInfo,
  type SignerId,
} from './parse';

export function findCertificate(
  sid: SignerId,
  pools: readonly (readonly ParsedCertificate[])[],
): ParsedCertificate | null {
  for (const pool of pools)
    for (const c of pool) {
      if (
        sid.kind === 'keyId'
          ? c.subjectKeyId !== null && bytesEqual(c.subjectKeyId, sid.keyId)
          : bytesEqual(c.serialTlv, sid.serialTlv) && sameName(c.issuerDer, sid.issuerDer)
      )
        return c;
    }
  return null;
}

function sameName(a: Uint8Array, b: Uint8Array): boolean {
  if (bytesEqual(a, b)) return true;
  try {
    const fa = formatName(parseName(readWhole(a)));
    return fa === formatName(parseName(readWhole(b)));
  } catch {
    return false;
  }
}

/** Certificates a CAdES-X-L signer carries in its certificateValues attribute (chain, TSA). */
export function certificateValuesOf(si: ParsedSignerInfo): ParsedCertificate[] {
  const v = si.unsignedAttrs.get(OID.certificateValues)?.[0];
  if (!v) return [];
  const out: ParsedCertificate[] = [];
  try {
    for (const c of seqChildren(v, 'CertificateValues')) {
      try {
        out.push(parseCertificate(whole(c)));
      } catch {
        // an unreadable extra certificate only means less material for path building
      }
    }
  } catch {
    return out;
  }
  return out;
}

/** The certificate hash in signingCertificateV2 (GOST only; null when absent or another algorithm). */
export function signingCertHash(si: ParsedSignerInfo): Uint8Array | null {
  const attr = firstValue(si.signedAttrs, OID.signingCertificateV2);
  if (!attr) return null;
  const [certs] = seqChildren(attr, 'SigningCertificateV2');
  const [first] = seqChildren(certs, 'certs');
  if (!first) return null;
  const parts = seqChildren(first, 'ESSCertIDv2');
  if (parts[0]?.tag === TAG.SEQUENCE) {
    const alg = decodeOid(seqChildren(parts[0], 'hashAlgorithm')[0] as Tlv);
    if (alg !== OID.gost34311) return null;
    return value(parts[1] as Tlv);
  }
  return null; // default SHA-256: not something a DSTU signer produces
}

export type SignerCheck = { ok: true } | { ok: false; code: VerifyErrorCode; message: string };

/** Digest + signature of one SignerInfo against `content` with `cert`. */
export function checkSignature(
  si: ParsedSignerInfo,
  cert: ParsedCertificate,
  content: Uint8Array,
  contentHash: Uint8Array,
  eContentType: string,
): SignerCheck {
  if (si.digestAlgorithm !== OID.gost34311)
    return {
      ok: false,
      code: 'UNSUPPORTED_ALGORITHM',
      message: `digest algorithm ${si.digestAlgorithm} is not GOST 34.311`,
    };
  if (si.signatureAlgorithm !== OID.dstu4145le)
    return {
      ok: false,
      code: 'UNSUPPORTED_ALGORITHM',
      message: `signature algorithm ${si.signatureAlgorithm} is not DSTU 4145`,
    };
  let signedHash: Uint8Array;
  if (si.signedAttrsDer) {
    const md = firstValue(si.signedAttrs, OID.messageDigest);
    if (!md || md.tag !== TAG.OCTET_STRING || !bytesEqual(value(md), contentHash))
      return {
        ok: false,
        code: 'DIGEST_MISMATCH',
        message: 'the content does not match the signed message digest',
      };
    const ct = firstValue(si.signedAttrs, OID.contentType);
    if (ct && decodeOid(ct) !== eContentType)
      return {
        ok: false,
        code: 'SIGNATURE_INVALID',
        message: 'the contentType attribute does not match the content',
      };
    signedHash = gostHash(si.signedAttrsDer);
  } else {
    signedHash = gostHash(content);
  }
  let pub;
  try {
    pub = publicKeyOf(cert);
  } catch (e) {
    return {
      ok: false,
      code: 'UNSUPPORTED_ALGORITHM',
      message: `signer public key unusable: ${(e as Error).message}`,
    };
  }
  if (!verifyDstu(pub, signedHash, si.signature))
    return { ok: false, code: 'SIGNATURE_INVALID', message: 'the DSTU 4145 signature does not verify' };
  return { ok: true };
}

export interface TimestampResult {
  genTime: Date | null;
  /** 'unverifiable': the TSA certificate is neither in the token nor in the trust list. */
  status: 'verified' | 'unverifiable' | 'invalid';
  message?: string;
  tsaCert?: ParsedCertificate;
  pool?: ParsedCertificate[];
}

export function verifyTimestamp(
  tokenDer: Uint8Array,
  imprint: Uint8Array,
  pool: readonly ParsedCertificate[],
  trust: TrustList | undefined,
): TimestampResult {
  let token: ParsedSignedData;
  try {
    token = parseSignedData(tokenDer);
    if (token.eContentType !== OID.tstInfo || !token.content) throw new DerError('not a time-stamp token');
  } catch (e) {
    return {
      genTime: null,
      status: 'invalid',
      message: `time-stamp token unreadable: ${(e as Error).message}`,
    };
  }
  let genTime: Date;
  try {
    const tst = parseTstInfo(token.content);
    genTime = tst.genTime;
    if (tst.imprintAlgorithm !== OID.gost34311 || !bytesEqual(tst.imprint, imprint))
      return { genTime, status: 'invalid', message: 'the time-stamp does not cover this content' };
  } catch (e) {
    return {
      genTime: null,
      status: 'invalid',
      message: `time-stamp info unreadable: ${(e as Error).message}`,
    };
  }
  const si = token.signerInfos[0];
  if (token.signerInfos.length !== 1 || !si)
    return { genTime, status: 'invalid', message: 'time-stamp token must have one signer' };
  const tsaCert = findCertificate(si.sid, [token.certificates, pool, trust?.certificates ?? []]);
  if (!tsaCert)
    return {
      genTime,
      status: 'unverifiable',
      message: 'the time-stamp authority certificate is not available',
    };
  const sig = checkSignature(si, tsaCert, token.content, gostHash(token.content), token.eContentType);
  if (!sig.ok) return { genTime, status: 'invalid', message: `time-stamp token: ${sig.message}` };
  if (tsaCert.extKeyUsage && !isTimeStampingCertificate(tsaCert))
    return {
      genTime,
      status: 'invalid',
      message: 'the time-stamp was not made by a time-stamping certificate',
    };
  if (!validAt(tsaCert, genTime))
    return {
      genTime,
      status: 'invalid',
      message: 'the time-stamp authority certificate was not valid at genTime',
    };
  return { genTime, status: 'verified', tsaCert, pool: token.certificates };
}

/**
 * The certificate of the (outermost) signer of an attached signature, as embedded in it — null when
 * the bytes are not a signature or carry no signer certificate. Used to ask again about the signer's
 * status before a queued signed act is delivered.
 */
export function signerCertificateOf(signed: Uint8Array): ParsedCertificate | null {
  try {
    const sd = parseSignedData(signed);
    const signer = sd.signerInfos[0];
    return signer ? findCertificate(signer.sid, [sd.certificates]) : null;
  } catch {
    return null;
  }
}
