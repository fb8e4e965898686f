/**
 * Certificate issuing for the test PKI: TBS built with our DER writer, signed with DSTU 4145 over
 * GOST 34.311 and wrapped like real Ukrainian QTSP certificates (r‖s as an OCTET STRING inside the
 * signature BIT STRING).
 */
import { randomBytes } from 'node:crypto';
import { bitString, bool, explicit, octets, oid, printable, seq, setOf, time, tlv, uint, utf8 } from '../der';
import { OID } from '../oids';
import { gostHash, type CurveName, type JkPriv, type JkPub } from '../vendor/jk';
import type { KeyUsageName } from './certificate';

export interface NameInput {
  commonName: string;
  surname?: string;
  givenName?: string;
  organization?: string;
  organizationalUnit?: string;
  title?: string;
  serialNumber?: string;
  locality?: string;
  country?: string;
}

const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;
const dirString = (s: string): Uint8Array => (PRINTABLE.test(s) ? printable(s) : utf8(s));

export function encodeName(n: NameInput): Uint8Array {
  const rdn = (type: string, v: Uint8Array): Uint8Array => setOf(seq(oid(type), v));
  const parts: Uint8Array[] = [];
  if (n.organization) parts.push(rdn(OID.organizationName, utf8(n.organization)));
  if (n.organizationalUnit) parts.push(rdn(OID.organizationalUnitName, utf8(n.organizationalUnit)));
  if (n.title) parts.push(rdn(OID.title, utf8(n.title)));
  parts.push(rdn(OID.commonName, utf8(n.commonName)));
  if (n.surname) parts.push(rdn(OID.surname, utf8(n.surname)));
  if (n.givenName) parts.push(rdn(OID.givenName, utf8(n.givenName)));
  if (n.serialNumber) parts.push(rdn(OID.serialNumber, printable(n.serialNumber)));
  parts.push(rdn(OID.countryName, printable(n.country ?? 'UA')));
  if (n.locality) parts.push(rdn(OID.localityName, utf8(n.locality)));
  return seq(...parts);
}

const KEY_USAGE_ORDER: KeyUsageName[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
];

function keyUsageBits(usages: readonly KeyUsageName[]): Uint8Array {
  let bits = 0;
  let highest = 0;
  for (const u of usages) {
    const i = KEY_USAGE_ORDER.indexOf(u);
    bits |= 0x80 >> i;
    highest = Math.max(highest, i);
  }
  return bitString(Uint8Array.of(bits), 7 - highest);
}

const extension = (id: string, critical: boolean, der: Uint8Array): Uint8Array =>
  critical ? seq(oid(id), bool(true), octets(der)) : seq(oid(id), octets(der));

export interface IssueInput {
  curve: CurveName;
  subject: NameInput;
  subjectPub: JkPub;
  issuer: { name: Uint8Array; priv: JkPriv; keyId: Uint8Array } | 'self';
  subjectPriv?: JkPriv;
  validFrom: Date;
  validTo: Date;
  keyUsage: KeyUsageName[];
  isCa?: boolean;
  extKeyUsage?: string[];
  drfo?: string;
  edrpou?: string;
  tsaUrl?: string;
  /** The OCSP responder for this certificate (authorityInfoAccess), as QTSPs put it in every certificate. */
  ocspUrl?: string;
}

export const keyIdOf = (pub: JkPub): Uint8Array => gostHash(pub.serialize());

const curveOid = (c: CurveName): string => (c === 'DSTU_PB_431' ? OID.curvePb431 : OID.curvePb257);

/** Returns the certificate DER. */
export function issueCertificate(input: IssueInput): Uint8Array {
  const subjectName = encodeName(input.subject);
  const subjectKeyId = keyIdOf(input.subjectPub);
  const self = input.issuer === 'self';
  const issuerName = self ? subjectName : (input.issuer as Exclude<IssueInput['issuer'], 'self'>).name;
  const issuerKeyId = self ? subjectKeyId : (input.issuer as Exclude<IssueInput['issuer'], 'self'>).keyId;
  const signer = self ? input.subjectPriv : (input.issuer as Exclude<IssueInput['issuer'], 'self'>).priv;
  if (!signer) throw new Error('a self-signed certificate needs its private key');

  const serial = randomBytes(16);
  serial[0] = ((serial[0] as number) & 0x7f) | 0x10;
  const exts: Uint8Array[] = [
    extension(OID.subjectKeyIdentifier, false, octets(subjectKeyId)),
    extension(OID.authorityKeyIdentifier, false, seq(tlv(0x80, issuerKeyId))),
    extension(OID.keyUsage, true, keyUsageBits(input.keyUsage)),
    extension(OID.basicConstraints, true, input.isCa ? seq(bool(true)) : seq()),
  ];
  if (input.extKeyUsage?.length)
    exts.push(extension(OID.extKeyUsage, false, seq(...input.extKeyUsage.map(oid))));
  const codes: Uint8Array[] = [];
  if (input.drfo) codes.push(seq(oid(OID.drfo), setOf(dirString(input.drfo))));
  if (input.edrpou) codes.push(seq(oid(OID.edrpou), setOf(dirString(input.edrpou))));
  if (codes.length) exts.push(extension(OID.subjectDirectoryAttributes, false, seq(...codes)));
  if (input.tsaUrl)
    exts.push(
      extension(
        OID.subjectInfoAccess,
        false,
        seq(seq(oid(OID.adTimeStamping), tlv(0x86, Buffer.from(input.tsaUrl, 'latin1')))),
      ),
    );

  if (input.ocspUrl)
    exts.push(
      extension(
        OID.authorityInfoAccess,
        false,
        seq(seq(oid(OID.adOcsp), tlv(0x86, Buffer.from(input.ocspUrl, 'latin1')))),
      ),
    );

  const spki = seq(
    seq(oid(OID.dstu4145le), seq(oid(curveOid(input.curve)))),
    bitString(input.subjectPub.serialize()),
  );
  const tbs = seq(
    explicit(0, uint(2)),
    uint(serial),
    seq(oid(OID.dstu4145le)),
    issuerName,
    seq(time(input.validFrom), time(input.validTo)),
    subjectName,
    spki,
    explicit(3, seq(...exts)),
  );
  const signature = signer.sign(gostHash(tbs), 'le');
  return seq(tbs, seq(oid(OID.dstu4145le)), bitString(octets(signature)));
}
