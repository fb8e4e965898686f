/**
 * A small strict DER reader and writer. Every parser in esign walks input through `readTlv`, which
 * checks lengths against the enclosing buffer before anything is allocated, refuses indefinite
 * lengths and absurd nesting, and throws DerError (never a RangeError from deep inside a library).
 */

export class DerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DerError';
  }
}

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8: 0x0c,
  SEQUENCE: 0x30,
  SET: 0x31,
  PRINTABLE: 0x13,
  T61: 0x14,
  IA5: 0x16,
  UTC_TIME: 0x17,
  GEN_TIME: 0x18,
  BMP: 0x1e,
  UNIVERSAL: 0x1c,
  NUMERIC: 0x12,
  VISIBLE: 0x1a,
} as const;

export interface Tlv {
  /** First identifier octet (class + constructed bit + low tag number). */
  tag: number;
  /** Offset of the identifier octet inside `buf`. */
  start: number;
  /** Offset of the first content octet. */
  valueStart: number;
  /** Offset just past the last content octet. */
  end: number;
  buf: Uint8Array;
}

const MAX_DEPTH = 48;

export const value = (t: Tlv): Uint8Array => t.buf.subarray(t.valueStart, t.end);
export const whole = (t: Tlv): Uint8Array => t.buf.subarray(t.start, t.end);
export const isConstructed = (t: Tlv): boolean => (t.tag & 0x20) !== 0;
/** Context-specific tag number n ([n]), constructed or not. */
export const isContext = (t: Tlv, n: number): boolean => (t.tag & 0xc0) === 0x80 && (t.tag & 0x1f) === n;

/** Reads one TLV at `offset`, which must end at or before `limit`. */
export function readTlv(buf: Uint8Array, offset = 0, limit = buf.length): Tlv {
  if (offset >= limit) throw new DerError('unexpected end of data');
  const tag = buf[offset] as number;
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-octet tags are not supported');
  let p = offset + 1;
  if (p >= limit) throw new DerError('truncated length');
  const first = buf[p++] as number;
  let len: number;
  if (first < 0x80) len = first;
  else if (first === 0x80) throw new DerError('indefinite length is not DER');
  else {
    const n = first & 0x7f;
    if (n > 4) throw new DerError('length too large');
    if (p + n > limit) throw new DerError('truncated length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (buf[p++] as number);
  }
  if (p + len > limit) throw new DerError('content runs past the end of its container');
  return { tag, start: offset, valueStart: p, end: p + len, buf };
}

/** Reads a TLV that must span the whole buffer (no trailing bytes). */
export function readWhole(buf: Uint8Array): Tlv {
  const t = readTlv(buf, 0, buf.length);
  if (t.end !== buf.length) throw new DerError('trailing data after the structure');
  return t;
}

export function children(t: Tlv, depth = 0): Tlv[] {
  if (depth > MAX_DEPTH) throw new DerError('nesting too deep');
  if (!isConstructed(t)) throw new DerError('expected a constructed value');
  const out: Tlv[] = [];
  let p = t.valueStart;
  while (p < t.end) {
    const c = readTlv(t.buf, p, t.end);
    out.push(c);
    p = c.end;
    if (out.length > 100_000) throw new DerError('too many elements');
  }
  return out;
}

export function expect(t: Tlv | undefined, tag: number, what: string): Tlv {
  if (!t) throw new DerError(`${what}: missing`);
  if (t.tag !== tag) throw new DerError(`${what}: unexpected tag 0x${t.tag.toString(16)}`);
  return t;
}

export function seqChildren(t: Tlv | undefined, what: string): Tlv[] {
  return children(expect(t, TAG.SEQUENCE, what));
}

export function decodeOid(t: Tlv): string {
  if (t.tag !== TAG.OID) throw new DerError('expected an OBJECT IDENTIFIER');
  const v = value(t);
  if (v.length === 0 || v.length > 64) throw new DerError('bad OBJECT IDENTIFIER');
  const parts: string[] = [];
  let acc = 0n;
  for (let i = 0; i < v.length; i++) {
    const b = v[i] as number;
    acc = (acc << 7n) | BigInt(b & 0x7f);
    if ((b & 0x80) === 0) {
      if (parts.length === 0) {
        const a = acc < 80n ? acc / 40n : 2n;
        parts.push(String(a), String(acc - a * 40n));
      } else parts.push(String(acc));
      acc = 0n;
    } else if (i === v.length - 1) throw new DerError('truncated OBJECT IDENTIFIER');
  }
  return parts.join('.');
}

export function decodeTime(t: Tlv): Date {
  const s = latin1(value(t));
  let m: RegExpExecArray | null;
  if (t.tag === TAG.UTC_TIME) {
    m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(s);
    if (!m) throw new DerError('bad UTCTime');
    const yy = Number(m[1]);
    return new Date(
      Date.UTC(
        yy < 50 ? 2000 + yy : 1900 + yy,
        Number(m[2]) - 1,
        Number(m[3]),
        Number(m[4]),
        Number(m[5]),
        Number(m[6] ?? 0),
      ),
    );
  }
  if (t.tag === TAG.GEN_TIME) {
    m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:[.,](\d{1,9}))?Z$/.exec(s);
    if (!m) throw new DerError('bad GeneralizedTime');
    const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
    return new Date(
      Date.UTC(
        Number(m[1]),
        Number(m[2]) - 1,
        Number(m[3]),
        Number(m[4]),
        Number(m[5]),
        Number(m[6] ?? 0),
        ms,
      ),
    );
  }
  throw new DerError('expected a time value');
}

const latin1 = (b: Uint8Array): string =>
  Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');

/** Decodes the directory-string types used in certificate names and attributes. */
export function decodeString(t: Tlv): string {
  const v = Buffer.from(value(t));
  switch (t.tag) {
    case TAG.UTF8:
      return v.toString('utf8');
    case TAG.BMP: {
      if (v.length % 2) throw new DerError('bad BMPString');
      const sw = Buffer.from(v);
      sw.swap16();
      return sw.toString('utf16le');
    }
    case TAG.UNIVERSAL: {
      if (v.length % 4) throw new DerError('bad UniversalString');
      let s = '';
      for (let i = 0; i < v.length; i += 4) s += String.fromCodePoint(v.readUInt32BE(i));
      return s;
    }
    case TAG.PRINTABLE:
    case TAG.IA5:
    case TAG.NUMERIC:
    case TAG.VISIBLE:
    case TAG.T61:
    case TAG.OCTET_STRING:
      return v.toString('latin1');
    default:
      throw new DerError(`not a string type (0x${t.tag.toString(16)})`);
  }
}

export const toHex = (b: Uint8Array): string =>
  Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');

// ---------------------------------------------------------------- writer

function encodeLength(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

export function tlv(tag: number, content: Uint8Array): Uint8Array {
  return Buffer.concat([Uint8Array.of(tag), encodeLength(content.length), content]);
}

const cat = (parts: readonly Uint8Array[]): Uint8Array => Buffer.concat(parts);

export const seq = (...parts: Uint8Array[]): Uint8Array => tlv(TAG.SEQUENCE, cat(parts));
/** SET OF in DER order: elements sorted by their encodings. */
export const setOf = (...parts: Uint8Array[]): Uint8Array => tlv(TAG.SET, cat([...parts].sort(compareBytes)));
export const explicit = (n: number, inner: Uint8Array): Uint8Array => tlv(0xa0 | n, inner);
/** Re-tags an encoded value as [n] IMPLICIT, keeping its constructed bit. */
export function implicit(n: number, encoded: Uint8Array): Uint8Array {
  const out = Uint8Array.from(encoded);
  out[0] = 0x80 | ((encoded[0] as number) & 0x20) | n;
  return out;
}
export const octets = (b: Uint8Array): Uint8Array => tlv(TAG.OCTET_STRING, b);
export const bitString = (b: Uint8Array, unused = 0): Uint8Array =>
  tlv(TAG.BIT_STRING, cat([Uint8Array.of(unused), b]));
export const nul = (): Uint8Array => Uint8Array.of(TAG.NULL, 0);
export const bool = (v: boolean): Uint8Array => Uint8Array.of(TAG.BOOLEAN, 1, v ? 0xff : 0);
export const utf8 = (s: string): Uint8Array => tlv(TAG.UTF8, Buffer.from(s, 'utf8'));
export const printable = (s: string): Uint8Array => tlv(TAG.PRINTABLE, Buffer.from(s, 'latin1'));
export const ia5 = (s: string): Uint8Array => tlv(TAG.IA5, Buffer.from(s, 'latin1'));

/** INTEGER from unsigned big-endian magnitude bytes (adds the 00 pad when needed). */
export function uint(magnitude: Uint8Array | number): Uint8Array {
  let b: Uint8Array;
  if (typeof magnitude === 'number') {
    const bytes: number[] = [];
    let v = magnitude;
    do {
      bytes.unshift(v & 0xff);
      v = Math.floor(v / 256);
    } while (v > 0);
    b = Uint8Array.from(bytes);
  } else b = magnitude;
  let i = 0;
  while (i < b.length - 1 && b[i] === 0 && ((b[i + 1] as number) & 0x80) === 0) i++;
  b = b.subarray(i);
  if (b.length === 0) b = Uint8Array.of(0);
  if (((b[0] as number) & 0x80) !== 0) b = cat([Uint8Array.of(0), b]);
  return tlv(TAG.INTEGER, b);
}

export function oid(dotted: string): Uint8Array {
  if (!/^\d+(\.\d+)+$/.test(dotted)) throw new DerError(`bad OID ${dotted}`);
  const arcs = dotted.split('.').map((a) => BigInt(a));
  const out: number[] = [];
  const push = (v: bigint): void => {
    const stack = [Number(v & 0x7fn)];
    for (let x = v >> 7n; x > 0n; x >>= 7n) stack.unshift(0x80 | Number(x & 0x7fn));
    out.push(...stack);
  };
  push((arcs[0] as bigint) * 40n + (arcs[1] as bigint));
  for (const a of arcs.slice(2)) push(a);
  return tlv(TAG.OID, Uint8Array.from(out));
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** UTCTime for 1950–2049 (RFC 5280), GeneralizedTime otherwise. */
export function time(d: Date): Uint8Array {
  const y = d.getUTCFullYear();
  if (y >= 1950 && y < 2050) return utcTime(d);
  return genTime(d);
}
export function utcTime(d: Date): Uint8Array {
  const s = `${pad2(d.getUTCFullYear() % 100)}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}${pad2(d.getUTCSeconds())}Z`;
  return tlv(TAG.UTC_TIME, Buffer.from(s, 'latin1'));
}
export function genTime(d: Date): Uint8Array {
  const s = `${String(d.getUTCFullYear()).padStart(4, '0')}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}${pad2(d.getUTCSeconds())}Z`;
  return tlv(TAG.GEN_TIME, Buffer.from(s, 'latin1'));
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let x = 0;
  for (let i = 0; i < a.length; i++) x |= (a[i] as number) ^ (b[i] as number);
  return x === 0;
}
