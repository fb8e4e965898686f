/**
 * OCSP messages (RFC 6960) as Ukrainian QTSPs use them: CertID hashed with GOST 34.311, responses
 * signed with DSTU 4145 (r‖s as an OCTET STRING inside the signature BIT STRING, like certificates),
 * a nonce extension (RFC 8954). Everything is read through the strict DER reader: a malformed
 * message is a DerError, never a crash deeper down.
 */
import { randomBytes } from 'node:crypto';
import {
  DerError,
  TAG,
  bitString,
  bytesEqual,
  children,
  decodeOid,
  decodeTime,
  expect,
  explicit,
  genTime,
  isContext,
  octets,
  oid,
  readTlv,
  readWhole,
  seq,
  seqChildren,
  tlv,
  value,
  whole,
  type Tlv,
} from '../der';
import { OID } from '../oids';
import { algorithm } from '../cms/build';
import { parseCertificate, type ParsedCertificate } from '../pki/certificate';
import { gostHash } from '../vendor/jk';

/** Which certificate a request or response is about (the issuer's name and key hashes, and the serial). */
export interface CertId {
  hashAlgorithm: string;
  issuerNameHash: Uint8Array;
  issuerKeyHash: Uint8Array;
  /** INTEGER contents (magnitude, maybe with a sign pad). */
  serial: Uint8Array;
}

export const RESPONSE_STATUS = [
  'successful',
  'malformedRequest',
  'internalError',
  'tryLater',
  '(unused)',
  'sigRequired',
  'unauthorized',
] as const;

/** CRLReason names (RFC 5280), as shown to the registrar. */
export const CRL_REASONS = [
  'unspecified',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  '(unused)',
  'removeFromCRL',
  'privilegeWithdrawn',
  'aACompromise',
] as const;

export type SingleStatus =
  { kind: 'good' } | { kind: 'revoked'; revokedAt: Date; reason: string | null } | { kind: 'unknown' };

export interface SingleResponse {
  certId: CertId;
  status: SingleStatus;
  thisUpdate: Date;
  nextUpdate: Date | null;
}

export interface BasicResponse {
  /** The exact DER of tbsResponseData: what the responder signed. */
  tbsDer: Uint8Array;
  producedAt: Date;
  responses: SingleResponse[];
  nonce: Uint8Array | null;
  signatureAlgorithm: string;
  /** Content of the signature BIT STRING. */
  signature: Uint8Array;
  certificates: ParsedCertificate[];
}

export type OcspResponse =
  | { status: 'successful'; basic: BasicResponse }
  | { status: Exclude<(typeof RESPONSE_STATUS)[number], 'successful'> };

const enumerated = (n: number): Uint8Array => tlv(0x0a, Uint8Array.of(n));

/** The CertID of `cert` issued by `issuer`, with GOST 34.311 hashes. */
export function certIdFor(cert: ParsedCertificate, issuer: ParsedCertificate): CertId {
  return {
    hashAlgorithm: OID.gost34311,
    issuerNameHash: gostHash(cert.issuerDer),
    issuerKeyHash: gostHash(issuer.publicKeyBits),
    serial: value(readWhole(cert.serialTlv)),
  };
}

export function encodeCertId(id: CertId): Uint8Array {
  return seq(
    algorithm(id.hashAlgorithm),
    octets(id.issuerNameHash),
    octets(id.issuerKeyHash),
    tlv(TAG.INTEGER, id.serial),
  );
}

function parseCertId(t: Tlv | undefined): CertId {
  const [alg, nameHash, keyHash, serial] = seqChildren(t, 'CertID');
  return {
    hashAlgorithm: decodeOid(expect(seqChildren(alg, 'hashAlgorithm')[0], TAG.OID, 'hashAlgorithm')),
    issuerNameHash: value(expect(nameHash, TAG.OCTET_STRING, 'issuerNameHash')),
    issuerKeyHash: value(expect(keyHash, TAG.OCTET_STRING, 'issuerKeyHash')),
    serial: value(expect(serial, TAG.INTEGER, 'serialNumber')),
  };
}

/** INTEGER contents equal as numbers (ignores a DER sign pad on either side). */
export function sameSerial(a: Uint8Array, b: Uint8Array): boolean {
  const strip = (x: Uint8Array): Uint8Array => {
    let i = 0;
    while (i < x.length - 1 && x[i] === 0) i++;
    return x.subarray(i);
  };
  return bytesEqual(strip(a), strip(b));
}

export const sameCertId = (a: CertId, b: CertId): boolean =>
  a.hashAlgorithm === b.hashAlgorithm &&
  bytesEqual(a.issuerNameHash, b.issuerNameHash) &&
  bytesEqual(a.issuerKeyHash, b.issuerKeyHash) &&
  sameSerial(a.serial, b.serial);

const nonceExtension = (nonce: Uint8Array): Uint8Array => seq(oid(OID.ocspNonce), octets(octets(nonce)));

/** An unsigned OCSPRequest for one certificate, with a fresh nonce. */
export function encodeOcspRequest(
  id: CertId,
  nonce: Uint8Array | null = randomBytes(16),
): { der: Uint8Array; nonce: Uint8Array | null } {
  const tbs = seq(seq(seq(encodeCertId(id))), ...(nonce ? [explicit(2, seq(nonceExtension(nonce)))] : []));
  return { der: seq(tbs), nonce };
}

function nonceOf(extensions: Tlv | undefined): Uint8Array | null {
  if (!extensions) return null;
  for (const ext of seqChildren(
    readTlv(extensions.buf, extensions.valueStart, extensions.end),
    'extensions',
  )) {
    const parts = seqChildren(ext, 'Extension');
    if (decodeOid(parts[0] as Tlv) !== OID.ocspNonce) continue;
    const outer = value(expect(parts[parts.length - 1], TAG.OCTET_STRING, 'extnValue'));
    // RFC 8954: the nonce is an OCTET STRING inside extnValue; older responders put the raw bytes
    try {
      return value(expect(readWhole(outer), TAG.OCTET_STRING, 'nonce'));
    } catch {
      return outer;
    }
  }
  return null;
}

export interface ParsedOcspRequest {
  certIds: CertId[];
  nonce: Uint8Array | null;
}

export function parseOcspRequest(der: Uint8Array): ParsedOcspRequest {
  const [tbs] = seqChildren(readWhole(der), 'OCSPRequest');
  const fields = seqChildren(tbs, 'TBSRequest');
  let i = 0;
  if (fields[i] && isContext(fields[i] as Tlv, 0)) i++; // version
  if (fields[i] && isContext(fields[i] as Tlv, 1)) i++; // requestorName
  const list = seqChildren(fields[i++], 'requestList');
  if (list.length === 0 || list.length > 16)
    throw new DerError('OCSP request must name 1 to 16 certificates');
  const certIds = list.map((r) => parseCertId(seqChildren(r, 'Request')[0]));
  const ext = fields[i] && isContext(fields[i] as Tlv, 2) ? fields[i] : undefined;
  return { certIds, nonce: nonceOf(ext) };
}

// ---------------------------------------------------------------- responses

function parseSingle(t: Tlv): SingleResponse {
  const f = seqChildren(t, 'SingleResponse');
  const certId = parseCertId(f[0]);
  const st = f[1];
  if (!st) throw new DerError('SingleResponse: certStatus missing');
  let status: SingleStatus;
  if (st.tag === 0x80) status = { kind: 'good' };
  else if (st.tag === 0x82) status = { kind: 'unknown' };
  else if (st.tag === 0xa1) {
    const parts = children(st);
    const revokedAt = decodeTime(expect(parts[0], TAG.GEN_TIME, 'revocationTime'));
    let reason: string | null = null;
    const r = parts[1];
    if (r && isContext(r, 0)) {
      const code = value(expect(readTlv(r.buf, r.valueStart, r.end), 0x0a, 'CRLReason'))[0] ?? 0;
      reason = CRL_REASONS[code] ?? `reason ${code}`;
    }
    status = { kind: 'revoked', revokedAt, reason };
  } else throw new DerError('SingleResponse: unknown certStatus');
  const thisUpdate = decodeTime(expect(f[2], TAG.GEN_TIME, 'thisUpdate'));
  let nextUpdate: Date | null = null;
  for (const x of f.slice(3)) {
    if (isContext(x, 0)) nextUpdate = decodeTime(readTlv(x.buf, x.valueStart, x.end));
  }
  return { certId, status, thisUpdate, nextUpdate };
}

function parseBasic(der: Uint8Array): BasicResponse {
  const [tbsT, algT, sigT, certsT] = seqChildren(readWhole(der), 'BasicOCSPResponse');
  const f = seqChildren(tbsT, 'ResponseData');
  let i = 0;
  if (f[i] && isContext(f[i] as Tlv, 0)) i++; // version
  const responder = f[i++];
  if (!responder || !(isContext(responder, 1) || isContext(responder, 2)))
    throw new DerError('ResponseData: responderID missing');
  const producedAt = decodeTime(expect(f[i++], TAG.GEN_TIME, 'producedAt'));
  const responses = seqChildren(f[i++], 'responses').map(parseSingle);
  const ext = f[i] && isContext(f[i] as Tlv, 1) ? f[i] : undefined;
  const certificates: ParsedCertificate[] = [];
  if (certsT && isContext(certsT, 0)) {
    for (const c of seqChildren(readTlv(certsT.buf, certsT.valueStart, certsT.end), 'certs').slice(0, 8))
      certificates.push(parseCertificate(whole(c)));
  }
  return {
    tbsDer: whole(tbsT as Tlv),
    producedAt,
    responses,
    nonce: nonceOf(ext),
    signatureAlgorithm: decodeOid(expect(seqChildren(algT, 'signatureAlgorithm')[0], TAG.OID, 'algorithm')),
    signature: value(expect(sigT, TAG.BIT_STRING, 'signature')).subarray(1),
    certificates,
  };
}

export function parseOcspResponse(der: Uint8Array): OcspResponse {
  const [statusT, bytesT] = seqChildren(readWhole(der), 'OCSPResponse');
  const code = value(expect(statusT, 0x0a, 'responseStatus'))[0] ?? 255;
  const status = RESPONSE_STATUS[code];
  if (!status || status === '(unused)') throw new DerError(`unknown OCSP response status ${code}`);
  if (status !== 'successful') return { status };
  if (!bytesT || !isContext(bytesT, 0)) throw new DerError('OCSP response without responseBytes');
  const [type, response] = seqChildren(readTlv(bytesT.buf, bytesT.valueStart, bytesT.end), 'ResponseBytes');
  if (decodeOid(expect(type, TAG.OID, 'responseType')) !== OID.ocspBasic)
    throw new DerError('OCSP response is not a basic response');
  return { status, basic: parseBasic(value(expect(response, TAG.OCTET_STRING, 'response'))) };
}

// ---------------------------------------------------------------- responder side

export interface SingleAnswer {
  certIdDer: Uint8Array;
  status: SingleStatus;
  thisUpdate: Date;
  nextUpdate: Date;
}

/** The DER of tbsResponseData, responder identified by name. */
export function encodeResponseData(input: {
  responderName: Uint8Array;
  producedAt: Date;
  answers: readonly SingleAnswer[];
  nonce: Uint8Array | null;
}): Uint8Array {
  const singles = input.answers.map((a) => {
    const status =
      a.status.kind === 'good'
        ? tlv(0x80, new Uint8Array(0))
        : a.status.kind === 'unknown'
          ? tlv(0x82, new Uint8Array(0))
          : tlv(
              0xa1,
              Buffer.concat([
                genTime(a.status.revokedAt),
                ...(a.status.reason && CRL_REASONS.indexOf(a.status.reason as never) >= 0
                  ? [explicit(0, enumerated(CRL_REASONS.indexOf(a.status.reason as never)))]
                  : []),
              ]),
            );
    return seq(a.certIdDer, status, genTime(a.thisUpdate), explicit(0, genTime(a.nextUpdate)));
  });
  return seq(
    explicit(1, input.responderName),
    genTime(input.producedAt),
    seq(...singles),
    ...(input.nonce ? [explicit(1, seq(nonceExtension(input.nonce)))] : []),
  );
}

export function encodeSuccessfulResponse(
  tbsDer: Uint8Array,
  signature: Uint8Array,
  responderCertificate: Uint8Array,
): Uint8Array {
  const basic = seq(
    tbsDer,
    algorithm(OID.dstu4145le),
    bitString(octets(signature)),
    explicit(0, seq(responderCertificate)),
  );
  return seq(enumerated(0), explicit(0, seq(oid(OID.ocspBasic), octets(basic))));
}

export const encodeErrorResponse = (
  status: 'malformedRequest' | 'internalError' | 'tryLater' | 'unauthorized',
) => seq(enumerated(RESPONSE_STATUS.indexOf(status)));
