/**
 * X.509 certificates as the esign module sees them: parsed with our strict DER reader (names in
 * any directory-string type, DRFO/EDRPOU from subjectDirectoryAttributes, key usage, stamps by
 * extended key usage) and, lazily, the DSTU 4145 public key through the vendor wrapper.
 */
import {
  DerError,
  TAG,
  bytesEqual,
  children,
  decodeOid,
  decodeString,
  decodeTime,
  expect,
  isContext,
  readTlv,
  readWhole,
  seqChildren,
  toHex,
  value,
  whole,
  type Tlv,
} from '../der';
import { OID } from '../oids';
import { gostHash, publicKeyFromSpki, type JkPub } from '../vendor/jk';

export type KeyUsageName =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign';
const KEY_USAGE_BITS: KeyUsageName[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
];

export interface NameAttribute {
  oid: string;
  value: string;
}

export interface ParsedCertificate {
  der: Uint8Array;
  tbs: Uint8Array;
  signatureAlgorithm: string;
  /** Content of the signature BIT STRING. */
  signatureValue: Uint8Array;
  /** The serialNumber INTEGER as encoded (TLV), reused verbatim in issuerAndSerialNumber. */
  serialTlv: Uint8Array;
  serialHex: string;
  issuerDer: Uint8Array;
  subjectDer: Uint8Array;
  issuer: NameAttribute[];
  subject: NameAttribute[];
  notBefore: Date;
  notAfter: Date;
  publicKeyAlgorithm: string;
  /** subjectPublicKey BIT STRING content (DER OCTET STRING of the compressed point for DSTU). */
  publicKeyBits: Uint8Array;
  spkiDer: Uint8Array;
  subjectKeyId: Uint8Array | null;
  authorityKeyId: Uint8Array | null;
  /** null when the certificate has no keyUsage extension. */
  keyUsage: Set<KeyUsageName> | null;
  extKeyUsage: string[] | null;
  /** null when basicConstraints is absent. */
  isCa: boolean | null;
  drfo: string | null;
  edrpou: string | null;
  tspUrl: string | null;
  ocspUrl: string | null;
  unknownCriticalExtensions: string[];
}

const KNOWN_EXTENSIONS = new Set<string>([
  OID.subjectDirectoryAttributes,
  OID.subjectKeyIdentifier,
  OID.keyUsage,
  OID.basicConstraints,
  OID.certificatePolicies,
  OID.authorityKeyIdentifier,
  OID.extKeyUsage,
  OID.authorityInfoAccess,
  OID.subjectInfoAccess,
  OID.qcStatements,
  '2.5.29.31', // CRL distribution points
  '2.5.29.46', // freshest CRL
  '2.5.29.16', // private key usage period
  '2.5.29.17', // subject alt name
]);

/** Hex of an INTEGER's magnitude: the DER sign pad (a leading 00 before a high bit) dropped. */
function serialHexOf(content: Uint8Array): string {
  const c =
    content.length > 1 && content[0] === 0 && ((content[1] as number) & 0x80) !== 0
      ? content.subarray(1)
      : content;
  return toHex(c);
}

export function parseName(t: Tlv): NameAttribute[] {
  const out: NameAttribute[] = [];
  for (const rdn of seqChildren(t, 'Name')) {
    for (const atv of children(expect(rdn, TAG.SET, 'RelativeDistinguishedName'))) {
      const [type, val] = seqChildren(atv, 'AttributeTypeAndValue');
      if (!type || !val) throw new DerError('AttributeTypeAndValue: incomplete');
      let v: string;
      try {
        v = decodeString(val);
      } catch {
        v = toHex(value(val));
      }
      out.push({ oid: decodeOid(type), value: v });
    }
  }
  return out;
}

const SHORT_NAMES: Record<string, string> = {
  [OID.commonName]: 'CN',
  [OID.surname]: 'SN',
  [OID.givenName]: 'GN',
  [OID.serialNumber]: 'serialNumber',
  [OID.countryName]: 'C',
  [OID.localityName]: 'L',
  [OID.stateOrProvinceName]: 'ST',
  [OID.organizationName]: 'O',
  [OID.organizationalUnitName]: 'OU',
  [OID.title]: 'title',
};

/** "O=…, CN=…, C=UA" in certificate order (display only; never compared). */
export function formatName(name: readonly NameAttribute[]): string {
  return name.map((a) => `${SHORT_NAMES[a.oid] ?? a.oid}=${a.value}`).join(', ');
}

export function nameValue(name: readonly NameAttribute[], oid: string): string | null {
  const a = name.find((x) => x.oid === oid);
  return a ? a.value.trim() : null;
}

function parseKeyUsage(ext: Uint8Array): Set<KeyUsageName> {
  const t = expect(readWhole(ext), TAG.BIT_STRING, 'keyUsage');
  const v = value(t);
  const set = new Set<KeyUsageName>();
  for (let i = 0; i < KEY_USAGE_BITS.length; i++) {
    const byte = v[1 + (i >> 3)];
    if (byte !== undefined && (byte & (0x80 >> (i & 7))) !== 0) set.add(KEY_USAGE_BITS[i] as KeyUsageName);
  }
  return set;
}

function parseKeyId(ext: Uint8Array, isAuthority: boolean): Uint8Array | null {
  const t = readWhole(ext);
  if (!isAuthority) return value(expect(t, TAG.OCTET_STRING, 'subjectKeyIdentifier'));
  for (const c of seqChildren(t, 'authorityKeyIdentifier')) if (isContext(c, 0)) return value(c);
  return null;
}

function parseRegistryCodes(ext: Uint8Array): { drfo: string | null; edrpou: string | null } {
  let drfo: string | null = null;
  let edrpou: string | null = null;
  for (const attr of seqChildren(readWhole(ext), 'subjectDirectoryAttributes')) {
    const [type, values] = seqChildren(attr, 'Attribute');
    if (!type || !values) continue;
    const id = decodeOid(type);
    const first = children(expect(values, TAG.SET, 'Attribute values'))[0];
    if (!first) continue;
    let v: string;
    try {
      v = decodeString(first).trim();
    } catch {
      continue;
    }
    if ((id === OID.drfo || id === OID.drfoAlt) && drfo === null) drfo = v;
    if (id === OID.edrpou && edrpou === null) edrpou = v;
  }
  return { drfo: drfo || null, edrpou: edrpou || null };
}

function parseAccess(ext: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  for (const ad of seqChildren(readWhole(ext), 'AccessDescription list')) {
    const [method, location] = seqChildren(ad, 'AccessDescription');
    if (!method || !location) continue;
    // uniformResourceIdentifier [6] IMPLICIT IA5String
    if (location.tag === 0x86 && !out.has(decodeOid(method)))
      out.set(decodeOid(method), Buffer.from(value(location)).toString('latin1'));
  }
  return out;
}

export function parseCertificate(der: Uint8Array): ParsedCertificate {
  const top = readWhole(der);
  const [tbsT, algT, sigT] = seqChildren(top, 'Certificate');
  const tbsParts = seqChildren(tbsT, 'TBSCertificate');
  let i = 0;
  if (tbsParts[0] && isContext(tbsParts[0], 0)) i++; // version
  const serialT = expect(tbsParts[i++], TAG.INTEGER, 'serialNumber');
  i++; // signature algorithm (repeated)
  const issuerT = expect(tbsParts[i++], TAG.SEQUENCE, 'issuer');
  const validity = seqChildren(tbsParts[i++], 'validity');
  const subjectT = expect(tbsParts[i++], TAG.SEQUENCE, 'subject');
  const spkiT = tbsParts[i++];
  const [spkiAlg, spkiKey] = seqChildren(spkiT, 'subjectPublicKeyInfo');
  const spkiAlgOid = decodeOid(expect(seqChildren(spkiAlg, 'algorithm')[0], TAG.OID, 'algorithm'));
  const keyBits = value(expect(spkiKey, TAG.BIT_STRING, 'subjectPublicKey')).subarray(1);

  const cert: ParsedCertificate = {
    der: whole(top),
    tbs: whole(tbsT as Tlv),
    signatureAlgorithm: decodeOid(expect(seqChildren(algT, 'signatureAlgorithm')[0], TAG.OID, 'algorithm')),
    signatureValue: value(expect(sigT, TAG.BIT_STRING, 'signature')).subarray(1),
    serialTlv: whole(serialT),
    serialHex: serialHexOf(value(serialT)),
    issuerDer: whole(issuerT),
    subjectDer: whole(subjectT),
    issuer: parseName(issuerT),
    subject: parseName(subjectT),
    notBefore: decodeTime(validity[0] as Tlv),
    notAfter: decodeTime(validity[1] as Tlv),
    publicKeyAlgorithm: spkiAlgOid,
    publicKeyBits: keyBits,
    spkiDer: whole(spkiT as Tlv),
    subjectKeyId: null,
    authorityKeyId: null,
    keyUsage: null,
    extKeyUsage: null,
    isCa: null,
    drfo: null,
    edrpou: null,
    tspUrl: null,
    ocspUrl: null,
    unknownCriticalExtensions: [],
  };
  for (; i < tbsParts.length; i++) {
    const t = tbsParts[i] as Tlv;
    if (!isContext(t, 3)) continue;
    const list = readTlv(t.buf, t.valueStart, t.end);
    for (const ext of seqChildren(list, 'extensions')) {
      const parts = seqChildren(ext, 'Extension');
      const id = decodeOid(parts[0] as Tlv);
      const critical = parts.length === 3 && parts[1]?.tag === TAG.BOOLEAN && value(parts[1])[0] !== 0;
      const v = value(expect(parts[parts.length - 1], TAG.OCTET_STRING, 'extnValue'));
      try {
        applyExtension(cert, id, v);
      } catch (e) {
        if (critical) throw e;
        // a malformed non-critical extension counts as absent (verifiers may ignore non-critical ones)
      }
      if (critical && !KNOWN_EXTENSIONS.has(id) && !id.startsWith('1.2.804.'))
        cert.unknownCriticalExtensions.push(id);
    }
  }
  return cert;
}

function applyExtension(cert: ParsedCertificate, id: string, v: Uint8Array): void {
  switch (id) {
    case OID.subjectKeyIdentifier:
      cert.subjectKeyId = parseKeyId(v, false);
      break;
    case OID.authorityKeyIdentifier:
      cert.authorityKeyId = parseKeyId(v, true);
      break;
    case OID.keyUsage:
      cert.keyUsage = parseKeyUsage(v);
      break;
    case OID.extKeyUsage:
      cert.extKeyUsage = seqChildren(readWhole(v), 'extKeyUsage').map(decodeOid);
      break;
    case OID.basicConstraints: {
      const parts = seqChildren(readWhole(v), 'basicConstraints');
      cert.isCa = parts[0]?.tag === TAG.BOOLEAN && value(parts[0])[0] !== 0;
      break;
    }
    case OID.subjectDirectoryAttributes:
      Object.assign(cert, parseRegistryCodes(v));
      break;
    case OID.subjectInfoAccess:
      cert.tspUrl = parseAccess(v).get(OID.adTimeStamping) ?? null;
      break;
    case OID.authorityInfoAccess:
      cert.ocspUrl = parseAccess(v).get(OID.adOcsp) ?? null;
      break;
  }
}

export const isStampCertificate = (c: ParsedCertificate): boolean =>
  c.extKeyUsage !== null && c.extKeyUsage.includes(OID.ekuElectronicStamp);

export const canSign = (c: ParsedCertificate): boolean =>
  c.keyUsage === null || c.keyUsage.has('digitalSignature') || c.keyUsage.has('nonRepudiation');

export const isTimeStampingCertificate = (c: ParsedCertificate): boolean =>
  c.extKeyUsage !== null && c.extKeyUsage.includes(OID.ekuTimeStamping);

export const validAt = (c: ParsedCertificate, at: Date): boolean =>
  at.getTime() >= c.notBefore.getTime() && at.getTime() <= c.notAfter.getTime();

const pubCache = new WeakMap<ParsedCertificate, JkPub>();

/** The DSTU 4145 public key (parsed once per certificate object). */
export function publicKeyOf(c: ParsedCertificate): JkPub {
  let pub = pubCache.get(c);
  if (!pub) {
    if (c.publicKeyAlgorithm !== OID.dstu4145le && c.publicKeyAlgorithm !== OID.dstu4145be)
      throw new DerError(`unsupported public key algorithm ${c.publicKeyAlgorithm}`);
    pub = publicKeyFromSpki(c.spkiDer);
    pubCache.set(c, pub);
  }
  return pub;
}

/** Verifies a raw little-endian DSTU 4145 signature (or its OCTET STRING form) over `hash`. */
export function verifyDstu(pub: JkPub, hash: Uint8Array, signature: Uint8Array): boolean {
  try {
    const sig = Buffer.from(signature);
    const short = sig.length > 2 && sig[0] === 0x04 && sig[1] === sig.length - 2;
    return pub.verify(Buffer.from(hash), sig, short ? 'short' : 'le');
  } catch {
    return false;
  }
}

/** Whether `issuer` signed `cert` (DSTU 4145 over GOST 34.311 of the exact TBS bytes). */
export function isSignedBy(cert: ParsedCertificate, issuer: ParsedCertificate): boolean {
  if (cert.signatureAlgorithm !== OID.dstu4145le) return false;
  let pub: JkPub;
  try {
    pub = publicKeyOf(issuer);
  } catch {
    return false;
  }
  return verifyDstu(pub, gostHash(cert.tbs), cert.signatureValue);
}

export const sameCertificate = (a: ParsedCertificate, b: ParsedCertificate): boolean =>
  bytesEqual(a.der, b.der);
