/**
 * IIT Key-6.dat containers: PBES2 (PBKDF2 with GOST 34.311-HMAC, GOST 28147-CFB) and the older
 * proprietary "IIT Store" (10 000 × GOST 34.311 of the password, GOST 28147-ECB). The structure is
 * read with our DER reader (so garbage fails before any KDF runs); the ciphers come from gost89.
 */
import { DerError, TAG, decodeOid, expect, readWhole, seqChildren, value, type Tlv } from '../der';
import { OID } from '../oids';
import { decryptStore, type StoreParams } from '../vendor/jk';

/** Real stores use 10 000; anything far above is a denial-of-service attempt, not a key. */
const MAX_ITERATIONS = 100_000;

function intOf(t: Tlv | undefined): number {
  const v = value(expect(t, TAG.INTEGER, 'INTEGER'));
  if (v.length > 4) throw new DerError('INTEGER too large');
  let n = 0;
  for (const b of v) n = n * 256 + b;
  return n;
}

export type Key6Store = StoreParams & { kind: 'pbes2' | 'iit' };

/** Reads the store envelope; throws DerError when the bytes are not a Key-6 store. */
export function parseKey6(file: Uint8Array): Key6Store {
  const [algT, dataT] = seqChildren(readWhole(file), 'key store');
  const [algOid, params] = seqChildren(algT, 'store algorithm');
  const alg = decodeOid(expect(algOid, TAG.OID, 'algorithm'));
  const body = Buffer.from(value(expect(dataT, TAG.OCTET_STRING, 'encrypted key')));
  if (body.length === 0 || body.length > 64 * 1024)
    throw new DerError('encrypted key has an implausible size');
  if (alg === OID.pbes2) {
    const [kdf, enc] = seqChildren(params, 'PBES2 parameters');
    const [kdfOid, kdfParams] = seqChildren(kdf, 'key derivation');
    if (decodeOid(kdfOid as Tlv) !== OID.pbkdf2) throw new DerError('PBES2 key derivation is not PBKDF2');
    const kp = seqChildren(kdfParams, 'PBKDF2 parameters');
    const salt = value(expect(kp[0], TAG.OCTET_STRING, 'salt'));
    const iters = intOf(kp[1]);
    const prf = kp.find((t, i) => i >= 2 && t.tag === TAG.SEQUENCE);
    if (!prf || decodeOid(seqChildren(prf, 'prf')[0] as Tlv) !== OID.gost34311Hmac)
      throw new DerError('PBKDF2 is not GOST 34.311-HMAC');
    const [encOid, encParams] = seqChildren(enc, 'encryption scheme');
    if (decodeOid(encOid as Tlv) !== OID.gost28147Cfb)
      throw new DerError('PBES2 cipher is not GOST 28147-CFB');
    const [iv, sbox] = seqChildren(encParams, 'GOST 28147 parameters');
    const ivB = value(expect(iv, TAG.OCTET_STRING, 'iv'));
    if (ivB.length !== 8 || salt.length === 0 || salt.length > 64)
      throw new DerError('PBES2 parameters have bad sizes');
    if (iters < 1 || iters > MAX_ITERATIONS)
      throw new DerError(`PBES2 iteration count ${iters} is out of range`);
    return {
      kind: 'pbes2',
      format: 'PBES2',
      iv: Buffer.from(ivB),
      sbox: sbox ? Buffer.from(value(sbox)) : Buffer.alloc(0),
      salt: Buffer.from(salt),
      iters,
      body,
    };
  }
  if (alg === OID.iitStore) {
    const [mac, pad] = seqChildren(params, 'IIT store parameters');
    const macB = value(expect(mac, TAG.OCTET_STRING, 'mac'));
    const padB = pad ? value(expect(pad, TAG.OCTET_STRING, 'pad')) : new Uint8Array(0);
    if (macB.length !== 4 || padB.length >= 8 || (body.length + padB.length) % 8 !== 0)
      throw new DerError('IIT store parameters have bad sizes');
    return { kind: 'iit', format: 'IIT', mac: Buffer.from(macB), pad: Buffer.from(padB), body };
  }
  throw new DerError(`not a Key-6 store (${alg})`);
}

/** Decrypts with one password candidate; the result is garbage for a wrong password (caller checks). */
export function decryptKey6(store: Key6Store, password: Uint8Array): Buffer {
  const pw = Buffer.from(password);
  try {
    return decryptStore(store, pw);
  } finally {
    pw.fill(0);
  }
}
