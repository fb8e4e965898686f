/**
 * RFC 3161 time-stamp protocol messages with GOST 34.311 imprints: the request we send, the
 * response we accept (status granted + token whose TSTInfo covers our imprint and nonce).
 */
import { randomBytes } from 'node:crypto';
import {
  DerError,
  TAG,
  bool,
  bytesEqual,
  decodeOid,
  expect,
  octets,
  readWhole,
  seq,
  seqChildren,
  uint,
  value,
  whole,
  type Tlv,
} from '../der';
import { OID } from '../oids';
import { algorithm } from '../cms/build';
import { parseSignedData, parseTstInfo, type TstInfo } from '../cms/parse';

export interface TimeStampRequest {
  imprint: Uint8Array;
  nonce: Uint8Array | null;
  certReq: boolean;
}

export function encodeTimeStampRequest(
  imprint: Uint8Array,
  nonce: Uint8Array | null = randomBytes(8),
): Uint8Array {
  const parts = [uint(1), seq(algorithm(OID.gost34311), octets(imprint))];
  if (nonce) parts.push(uint(nonce));
  parts.push(bool(true));
  return seq(...parts);
}

export function parseTimeStampRequest(der: Uint8Array): TimeStampRequest {
  const f = seqChildren(readWhole(der), 'TimeStampReq');
  const version = value(expect(f[0], TAG.INTEGER, 'version'));
  if (version.length !== 1 || version[0] !== 1) throw new DerError('unsupported TimeStampReq version');
  const [alg, hashed] = seqChildren(f[1], 'messageImprint');
  if (decodeOid(seqChildren(alg, 'hashAlgorithm')[0] as Tlv) !== OID.gost34311)
    throw new DerError('imprint is not GOST 34.311');
  const imprint = value(expect(hashed, TAG.OCTET_STRING, 'hashedMessage'));
  if (imprint.length !== 32) throw new DerError('GOST 34.311 imprint must be 32 bytes');
  let nonce: Uint8Array | null = null;
  let certReq = false;
  for (const t of f.slice(2)) {
    if (t.tag === TAG.INTEGER) nonce = value(t);
    if (t.tag === TAG.BOOLEAN) certReq = value(t)[0] !== 0;
  }
  return { imprint, nonce, certReq };
}

export type TokenResult = { ok: true; token: Uint8Array; info: TstInfo } | { ok: false; message: string };

const STATUS_TEXT = [
  'granted',
  'grantedWithMods',
  'rejection',
  'waiting',
  'revocationWarning',
  'revocationNotification',
];

/** Checks a TimeStampResp against our request and returns the token (ContentInfo DER). */
export function parseTimeStampResponse(
  der: Uint8Array,
  expected: { imprint: Uint8Array; nonce: Uint8Array | null },
): TokenResult {
  try {
    const [statusInfo, tokenT] = seqChildren(readWhole(der), 'TimeStampResp');
    const status = value(expect(seqChildren(statusInfo, 'PKIStatusInfo')[0], TAG.INTEGER, 'status'));
    const code = status.length === 1 ? (status[0] as number) : -1;
    if (code !== 0 && code !== 1)
      return { ok: false, message: `the time-stamp service refused: ${STATUS_TEXT[code] ?? code}` };
    if (!tokenT) return { ok: false, message: 'the time-stamp response has no token' };
    const token = Uint8Array.from(whole(tokenT));
    const sd = parseSignedData(token);
    if (sd.eContentType !== OID.tstInfo || !sd.content)
      return { ok: false, message: 'the token is not a TSTInfo' };
    const info = parseTstInfo(sd.content);
    if (info.imprintAlgorithm !== OID.gost34311 || !bytesEqual(info.imprint, expected.imprint))
      return { ok: false, message: 'the time-stamp covers other data' };
    if (expected.nonce && (!info.nonce || !sameInteger(info.nonce, expected.nonce)))
      return { ok: false, message: 'the time-stamp nonce does not match the request' };
    return { ok: true, token, info };
  } catch (e) {
    return { ok: false, message: `unreadable time-stamp response: ${(e as Error).message}` };
  }
}

/** INTEGER contents equal as numbers (ignores a DER sign pad on either side). */
function sameInteger(a: Uint8Array, b: Uint8Array): boolean {
  const strip = (x: Uint8Array): Uint8Array => {
    let i = 0;
    while (i < x.length - 1 && x[i] === 0) i++;
    return x.subarray(i);
  };
  return bytesEqual(strip(a), strip(b));
}
