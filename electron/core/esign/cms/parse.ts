/**
 * CMS SignedData reader (RFC 5652) on the strict DER reader: keeps the exact bytes that were
 * signed (signed attributes re-tagged as SET OF), the embedded certificates, and the RFC 3161
 * TSTInfo of time-stamp tokens.
 */
import {
  DerError,
  TAG,
  children,
  decodeOid,
  decodeTime,
  expect,
  isContext,
  readTlv,
  readWhole,
  seqChildren,
  value,
  whole,
  type Tlv,
} from '../der';
import { OID } from '../oids';
import { parseCertificate, type ParsedCertificate } from '../pki/certificate';

export type SignerId =
  | { kind: 'issuerSerial'; issuerDer: Uint8Array; serialTlv: Uint8Array }
  | { kind: 'keyId'; keyId: Uint8Array };

export interface ParsedSignerInfo {
  version: number;
  sid: SignerId;
  digestAlgorithm: string;
  /** The signed attributes as a DER SET OF — the bytes whose hash is signed. null if absent. */
  signedAttrsDer: Uint8Array | null;
  signedAttrs: Map<string, Tlv[]>;
  signatureAlgorithm: string;
  signature: Uint8Array;
  unsignedAttrs: Map<string, Tlv[]>;
}

export interface ParsedSignedData {
  eContentType: string;
  /** null for a detached signature. */
  content: Uint8Array | null;
  certificates: ParsedCertificate[];
  /** Embedded certificates that failed to parse (they can still be reported, not used). */
  unreadableCertificates: number;
  signerInfos: ParsedSignerInfo[];
}

function parseAttributes(t: Tlv): Map<string, Tlv[]> {
  const out = new Map<string, Tlv[]>();
  for (const a of children(t)) {
    const [type, values] = seqChildren(a, 'Attribute');
    if (!type || !values) throw new DerError('Attribute: incomplete');
    const id = decodeOid(type);
    if (out.has(id)) throw new DerError(`attribute ${id} appears twice`);
    out.set(id, children(expect(values, TAG.SET, 'Attribute values')));
  }
  return out;
}

function intValue(t: Tlv): number {
  const v = value(expect(t, TAG.INTEGER, 'INTEGER'));
  if (v.length > 4) throw new DerError('INTEGER too large');
  let n = 0;
  for (const b of v) n = n * 256 + b;
  return n;
}

function parseSignerInfo(t: Tlv): ParsedSignerInfo {
  const f = seqChildren(t, 'SignerInfo');
  let i = 0;
  const version = intValue(f[i++] as Tlv);
  const sidT = f[i++];
  let sid: SignerId;
  if (sidT?.tag === TAG.SEQUENCE) {
    const [issuer, serial] = seqChildren(sidT, 'IssuerAndSerialNumber');
    sid = {
      kind: 'issuerSerial',
      issuerDer: whole(expect(issuer, TAG.SEQUENCE, 'issuer')),
      serialTlv: whole(expect(serial, TAG.INTEGER, 'serialNumber')),
    };
  } else if (sidT && isContext(sidT, 0)) {
    // [0] SubjectKeyIdentifier: IMPLICIT in CMS; some producers wrap an OCTET STRING (EXPLICIT)
    const inner =
      sidT.tag === 0xa0
        ? value(expect(readTlv(sidT.buf, sidT.valueStart, sidT.end), TAG.OCTET_STRING, 'keyId'))
        : value(sidT);
    sid = { kind: 'keyId', keyId: inner };
  } else throw new DerError('SignerInfo: bad signer identifier');
  const digestAlgorithm = decodeOid(seqChildren(f[i++], 'digestAlgorithm')[0] as Tlv);
  let signedAttrsDer: Uint8Array | null = null;
  let signedAttrs = new Map<string, Tlv[]>();
  if (f[i] && f[i]?.tag === 0xa0) {
    const a = f[i++] as Tlv;
    signedAttrsDer = Uint8Array.from(whole(a));
    signedAttrsDer[0] = TAG.SET;
    signedAttrs = parseAttributes(a);
  }
  const signatureAlgorithm = decodeOid(seqChildren(f[i++], 'signatureAlgorithm')[0] as Tlv);
  const signature = value(expect(f[i++], TAG.OCTET_STRING, 'signature'));
  const unsignedAttrs = f[i] && f[i]?.tag === 0xa1 ? parseAttributes(f[i] as Tlv) : new Map<string, Tlv[]>();
  return {
    version,
    sid,
    digestAlgorithm,
    signedAttrsDer,
    signedAttrs,
    signatureAlgorithm,
    signature,
    unsignedAttrs,
  };
}

/** Returns the content type and the [0] EXPLICIT content of a ContentInfo. */
export function parseContentInfo(der: Uint8Array): { contentType: string; content: Tlv | null } {
  const top = readWhole(der);
  const [type, content] = seqChildren(top, 'ContentInfo');
  const contentType = decodeOid(expect(type, TAG.OID, 'contentType'));
  if (!content) return { contentType, content: null };
  if (!isContext(content, 0)) throw new DerError('ContentInfo: content is not [0]');
  return { contentType, content: readTlv(content.buf, content.valueStart, content.end) };
}

export function parseSignedData(der: Uint8Array): ParsedSignedData {
  const { contentType, content } = parseContentInfo(der);
  if (contentType !== OID.signedData) throw new DerError(`not SignedData (${contentType})`);
  if (!content) throw new DerError('SignedData is empty');
  const f = seqChildren(content, 'SignedData');
  let i = 0;
  intValue(f[i++] as Tlv);
  expect(f[i++], TAG.SET, 'digestAlgorithms');
  const [eType, eContent] = seqChildren(f[i++], 'encapContentInfo');
  const eContentType = decodeOid(expect(eType, TAG.OID, 'eContentType'));
  let payload: Uint8Array | null = null;
  if (eContent) {
    if (!isContext(eContent, 0)) throw new DerError('encapContentInfo: content is not [0]');
    const os = readTlv(eContent.buf, eContent.valueStart, eContent.end);
    if (os.tag === TAG.OCTET_STRING) payload = value(os);
    else if (os.tag === 0x24) {
      // constructed OCTET STRING (BER-style chunks) — join them
      payload = Buffer.concat(children(os).map((c) => value(expect(c, TAG.OCTET_STRING, 'content chunk'))));
    } else throw new DerError('encapContentInfo: content is not an OCTET STRING');
  }
  const certificates: ParsedCertificate[] = [];
  let unreadable = 0;
  for (; f[i] && (f[i]?.tag === 0xa0 || f[i]?.tag === 0xa1); i++) {
    const t = f[i] as Tlv;
    if (t.tag !== 0xa0) continue; // crls: not used
    for (const c of children(t)) {
      if (c.tag !== TAG.SEQUENCE) continue; // attribute certificates etc.
      try {
        certificates.push(parseCertificate(whole(c)));
      } catch {
        unreadable++;
      }
    }
  }
  const signerInfos = children(expect(f[i], TAG.SET, 'signerInfos')).map(parseSignerInfo);
  return { eContentType, content: payload, certificates, unreadableCertificates: unreadable, signerInfos };
}

export interface TstInfo {
  imprintAlgorithm: string;
  imprint: Uint8Array;
  genTime: Date;
  serialHex: string;
  nonce: Uint8Array | null;
}

export function parseTstInfo(der: Uint8Array): TstInfo {
  const f = seqChildren(readWhole(der), 'TSTInfo');
  const [alg, hashed] = seqChildren(f[2], 'messageImprint');
  const imprintAlgorithm = decodeOid(seqChildren(alg, 'hashAlgorithm')[0] as Tlv);
  const imprint = value(expect(hashed, TAG.OCTET_STRING, 'hashedMessage'));
  const serial = value(expect(f[3], TAG.INTEGER, 'serialNumber'));
  const genTime = decodeTime(expect(f[4], TAG.GEN_TIME, 'genTime'));
  let nonce: Uint8Array | null = null;
  for (const t of f.slice(5)) if (t.tag === TAG.INTEGER) nonce = value(t);
  return { imprintAlgorithm, imprint, genTime, serialHex: Buffer.from(serial).toString('hex'), nonce };
}

/** The first value of an attribute (or null). */
export const firstValue = (attrs: Map<string, Tlv[]>, id: string): Tlv | null => attrs.get(id)?.[0] ?? null;
