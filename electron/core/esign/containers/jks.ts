/**
 * Sun JKS key stores (PrivatBank issues keys this way): a bounds-checked reader and, for the test
 * PKI, a writer. Private keys use Sun's key protector (OID 1.3.6.1.4.1.42.2.17.1.1): a SHA-1
 * keystream seeded by a 20-byte salt and a SHA-1 check over password ‖ plaintext; the store ends
 * with SHA-1(password ‖ "Mighty Aphrodite" ‖ store).
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  DerError,
  TAG,
  bytesEqual,
  decodeOid,
  expect,
  nul,
  octets,
  oid,
  readWhole,
  seq,
  seqChildren,
  value,
} from '../der';
import { OID } from '../oids';

export const JKS_MAGIC = 0xfeedfeed;

export interface JksKeyEntry {
  alias: string;
  /** salt(20) ‖ ciphertext ‖ check(20) */
  protectedKey: Uint8Array;
  chain: Uint8Array[];
}
export interface JksStore {
  keys: JksKeyEntry[];
  trusted: Uint8Array[];
}

class Reader {
  private p = 0;
  constructor(private readonly b: Uint8Array) {}
  private need(n: number): void {
    if (n < 0 || this.p + n > this.b.length) throw new DerError('JKS store is truncated');
  }
  u16(): number {
    this.need(2);
    const v = ((this.b[this.p] as number) << 8) | (this.b[this.p + 1] as number);
    this.p += 2;
    return v;
  }
  u32(): number {
    this.need(4);
    const v = Buffer.from(this.b.buffer, this.b.byteOffset + this.p, 4).readUInt32BE(0);
    this.p += 4;
    return v;
  }
  bytes(n: number): Uint8Array {
    this.need(n);
    const v = this.b.subarray(this.p, this.p + n);
    this.p += n;
    return v;
  }
  utf(): string {
    return Buffer.from(this.bytes(this.u16())).toString('utf8');
  }
  get offset(): number {
    return this.p;
  }
}

export const isJks = (file: Uint8Array): boolean =>
  file.length >= 12 && Buffer.from(file.buffer, file.byteOffset, 4).readUInt32BE(0) === JKS_MAGIC;

export function parseJks(file: Uint8Array): JksStore {
  const r = new Reader(file);
  if (r.u32() !== JKS_MAGIC) throw new DerError('not a JKS store');
  const version = r.u32();
  if (version !== 2 && version !== 1) throw new DerError(`unsupported JKS version ${version}`);
  const count = r.u32();
  if (count > 256) throw new DerError('JKS store has too many entries');
  const store: JksStore = { keys: [], trusted: [] };
  const readCert = (): Uint8Array => {
    const type = version === 2 ? r.utf() : 'X.509';
    const der = r.bytes(r.u32());
    if (type !== 'X.509') throw new DerError(`unsupported certificate type ${type}`);
    return der;
  };
  for (let i = 0; i < count; i++) {
    const tag = r.u32();
    const alias = r.utf();
    r.bytes(8); // creation time
    if (tag === 1) {
      const epki = r.bytes(r.u32());
      const chainLength = r.u32();
      if (chainLength > 16) throw new DerError('JKS certificate chain too long');
      const chain: Uint8Array[] = [];
      for (let k = 0; k < chainLength; k++) chain.push(readCert());
      const [alg, data] = seqChildren(readWhole(epki), 'EncryptedPrivateKeyInfo');
      const algId = decodeOid(expect(seqChildren(alg, 'algorithm')[0], TAG.OID, 'algorithm'));
      if (algId !== OID.sunJksKeyProtector) throw new DerError(`unsupported JKS key protection ${algId}`);
      const protectedKey = value(expect(data, TAG.OCTET_STRING, 'encryptedData'));
      if (protectedKey.length < 41) throw new DerError('JKS key entry is too short');
      store.keys.push({ alias, protectedKey, chain });
    } else if (tag === 2) {
      store.trusted.push(readCert());
    } else throw new DerError(`unknown JKS entry tag ${tag}`);
  }
  r.bytes(20); // store digest: checked separately (needs the password)
  return store;
}

function sha1(...parts: Uint8Array[]): Buffer {
  const h = createHash('sha1');
  for (const p of parts) h.update(p);
  return h.digest();
}

/** Decrypts one key entry; null when the password does not match (the check digest differs). */
export function unprotectJksKey(entry: JksKeyEntry, passwordUtf16: Uint8Array): Uint8Array | null {
  const pk = entry.protectedKey;
  const salt = pk.subarray(0, 20);
  const data = pk.subarray(20, pk.length - 20);
  const check = pk.subarray(pk.length - 20);
  const open = new Uint8Array(data.length);
  let block: Uint8Array = salt;
  for (let pos = 0; pos < data.length;) {
    block = sha1(passwordUtf16, block);
    for (let i = 0; i < block.length && pos < data.length; i++, pos++)
      open[pos] = (data[pos] as number) ^ (block[i] as number);
  }
  if (!bytesEqual(sha1(passwordUtf16, open), check)) {
    open.fill(0);
    return null;
  }
  return open;
}

// ---------------------------------------------------------------- writer (test PKI)

function protectJksKey(plain: Uint8Array, passwordUtf16: Uint8Array): Uint8Array {
  const salt = randomBytes(20);
  const out = new Uint8Array(plain.length);
  let block: Uint8Array = salt;
  for (let pos = 0; pos < plain.length;) {
    block = sha1(passwordUtf16, block);
    for (let i = 0; i < block.length && pos < plain.length; i++, pos++)
      out[pos] = (plain[pos] as number) ^ (block[i] as number);
  }
  return Buffer.concat([salt, out, sha1(passwordUtf16, plain)]);
}

const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const utf = (s: string): Buffer => {
  const body = Buffer.from(s, 'utf8');
  const len = Buffer.alloc(2);
  len.writeUInt16BE(body.length);
  return Buffer.concat([len, body]);
};

export interface JksWriteEntry {
  alias: string;
  /** Plain private key DER (DstuPrivkey). */
  key: Uint8Array;
  chain: Uint8Array[];
}

export function writeJks(
  entries: readonly JksWriteEntry[],
  passwordUtf16: Uint8Array,
  created = new Date(),
): Uint8Array {
  const parts: Buffer[] = [u32(JKS_MAGIC), u32(2), u32(entries.length)];
  const ts = Buffer.alloc(8);
  ts.writeBigUInt64BE(BigInt(created.getTime()));
  for (const e of entries) {
    const epki = seq(seq(oid(OID.sunJksKeyProtector), nul()), octets(protectJksKey(e.key, passwordUtf16)));
    parts.push(u32(1), utf(e.alias), ts, u32(epki.length), Buffer.from(epki), u32(e.chain.length));
    for (const c of e.chain) parts.push(utf('X.509'), u32(c.length), Buffer.from(c));
  }
  const body = Buffer.concat(parts);
  return Buffer.concat([body, sha1(passwordUtf16, Buffer.from('Mighty Aphrodite', 'utf8'), body)]);
}

/**
 * Rewrites a JKS store with new certificate chains for its key entries (the test PKI renews a
 * persona's certificate for the key it already has): the protected keys are kept byte for byte —
 * nothing is decrypted — and the store digest is recomputed with the password.
 */
export function rechainJks(
  file: Uint8Array,
  passwordUtf16: Uint8Array,
  chainFor: (alias: string, chain: readonly Uint8Array[]) => readonly Uint8Array[],
  created = new Date(),
): Uint8Array {
  const store = parseJks(file);
  if (store.trusted.length)
    throw new DerError('rechaining a JKS store with trusted entries is not supported');
  const parts: Buffer[] = [u32(JKS_MAGIC), u32(2), u32(store.keys.length)];
  const ts = Buffer.alloc(8);
  ts.writeBigUInt64BE(BigInt(created.getTime()));
  for (const e of store.keys) {
    const epki = seq(seq(oid(OID.sunJksKeyProtector), nul()), octets(e.protectedKey));
    const chain = chainFor(e.alias, e.chain);
    parts.push(u32(1), utf(e.alias), ts, u32(epki.length), Buffer.from(epki), u32(chain.length));
    for (const c of chain) parts.push(utf('X.509'), u32(c.length), Buffer.from(c));
  }
  const body = Buffer.concat(parts);
  return Buffer.concat([body, sha1(passwordUtf16, Buffer.from('Mighty Aphrodite', 'utf8'), body)]);
}
