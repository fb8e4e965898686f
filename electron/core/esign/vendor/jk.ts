/**
 * The only door to jkurwa/gost89: loads the asn1.js patches first, then the CommonJS packages, and
 * describes the small part of their API the esign module uses. Nothing outside `vendor/` touches
 * these objects directly; the rest of esign works with Uint8Array and our own types.
 */
import { createRequire } from 'node:module';
import { applyAsn1Patches } from './asn1-patches';
import { applyCurveCache } from './curve-cache';
import { applyLadder } from './ladder';
import { loadGostWasm, type GostWasm } from './gost-wasm';

applyAsn1Patches();
applyCurveCache();
applyLadder();
const require = createRequire(import.meta.url);

export type CurveName = 'DSTU_PB_257' | 'DSTU_PB_431';

export interface JkField {
  bytes: Uint32Array;
}
export interface JkPoint {
  equals(other: JkPoint): boolean;
}
export interface JkPub {
  point: JkPoint;
  /** DER OCTET STRING of the compressed point, as carried in subjectPublicKey. */
  serialize(): Buffer;
  verify(hash: Buffer, signature: Buffer, format?: 'le' | 'short'): boolean;
  keyid(algos: { hash: (b: Buffer) => Buffer }): Buffer;
  validate(): boolean;
}
export interface JkCurve {
  m: number;
  name(): string;
  keygen(): JkPriv;
}
export interface JkPriv {
  type: 'Priv';
  d: JkField;
  curve: JkCurve;
  /** Raw little-endian r‖s. */
  sign(hash: Buffer, format: 'le'): Buffer;
  pub(): JkPub;
  to_asn1(): Buffer;
  to_pbes2(password: Buffer, algo: GostAlgos): Buffer;
}
interface DecodedSpki {
  algorithm: { algorithm: string; parameters: { curve: unknown } };
  subjectPublicKey: { data: Buffer };
}
interface JkModule {
  std_curve(name: string): JkCurve;
  Curve: { resolve(def: unknown, fmt: 'cert'): JkCurve & { pubkey(data: unknown): JkPub } };
  rfc3280: { SubjectPublicKeyInfo: { decode(der: Buffer, enc: 'der'): DecodedSpki } };
  Priv: {
    from_asn1(der: Buffer, returnStore: true): { keys: JkPriv[] };
  };
}

export interface StoreParams {
  format: 'PBES2' | 'IIT';
  iv?: Buffer;
  sbox?: Buffer;
  salt?: Buffer;
  iters?: number;
  mac?: Buffer;
  pad?: Buffer;
  body: Buffer;
}
interface GostAlgos {
  hash(data: Buffer): Buffer;
  storeload(store: StoreParams, password: Buffer): Buffer;
  storesave(raw: Buffer, format: 'PBES2', password: Buffer, iv: Buffer, salt: Buffer): StoreParams;
}
interface GostModule {
  compat: { algos(): GostAlgos };
  init(): {
    key(k: Buffer): void;
    crypt(input: Buffer, out: Buffer): void;
    decrypt(input: Buffer, out: Buffer): void;
  };
  dumb_kdf(input: Buffer, passes: number): Buffer;
}

const jk = require('jkurwa') as JkModule;
const jkUtil = require('jkurwa/lib/util.js') as { BIG_LE(b: Buffer): unknown };
const gost = require('gost89') as GostModule;
const algos = gost.compat.algos();

export const jkurwa = jk;

export type GostImplementation = 'wasm' | 'js';
let preferred: GostImplementation = 'wasm';

/**
 * Which implementation of the GOST primitives this process uses: the WebAssembly module when it
 * is there (the default), else gost89. Tests and the bench switch to 'js' to compare the two.
 */
export function useGostImplementation(kind: GostImplementation): void {
  preferred = kind;
}

const wasm = (): GostWasm | null => (preferred === 'wasm' ? loadGostWasm() : null);

export function gostImplementation(): GostImplementation {
  return wasm() ? 'wasm' : 'js';
}

const asBuffer = (data: Uint8Array): Buffer =>
  Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/** GOST 34.311-95 hash with the DSTU S-box (the digest of every signature here). */
export function gostHash(data: Uint8Array): Buffer {
  return wasm()?.hash(data) ?? algos.hash(asBuffer(data));
}

export function stdCurve(name: CurveName): JkCurve {
  return jk.std_curve(name);
}

/** Decrypts a PBES2 (GOST) or old IIT key store body. The result must be wiped by the caller. */
export function decryptStore(store: StoreParams, password: Buffer): Buffer {
  const w = wasm();
  if (w && store.format === 'PBES2' && store.salt && store.iv?.length === 8 && store.iters) {
    const key = w.pbkdf(password, store.salt, store.iters);
    try {
      return w.cfb(key, store.iv, store.body, true);
    } finally {
      key.fill(0);
    }
  }
  if (w && store.format === 'IIT' && store.pad && (store.body.length + store.pad.length) % 8 === 0) {
    const key = w.dumbKdf(password, 10000);
    const all = w.ecb(key, Buffer.concat([store.body, store.pad]), true);
    key.fill(0);
    const plain = Buffer.from(all.subarray(0, store.body.length));
    all.fill(0);
    return plain;
  }
  return algos.storeload(store, password);
}

/** Key-6.dat PBES2 store (10 000 GOST-HMAC PBKDF2 rounds, GOST 28147-CFB); needs asn1 patch 1. */
export function writePbes2Store(priv: JkPriv, password: Buffer): Buffer {
  return priv.to_pbes2(password, algos);
}

/** GOST 28147 ECB over 8-byte blocks (old IIT store), used by the test PKI writer. */
export function gostEcb(key: Buffer, input: Buffer, decrypt: boolean): Buffer {
  const w = wasm();
  if (w && input.length % 8 === 0) return w.ecb(key, input, decrypt);
  const ctx = gost.init();
  ctx.key(key);
  const out = Buffer.alloc(input.length);
  if (decrypt) ctx.decrypt(input, out);
  else ctx.crypt(input, out);
  return out;
}

export function iitKdf(password: Buffer): Buffer {
  return wasm()?.dumbKdf(password, 10000) ?? gost.dumb_kdf(password, 10000);
}

/** Parses a DSTU private key (DstuPrivkey) with its optional second (encryption) key attribute. */
export function privateKeysFromDer(der: Buffer): JkPriv[] {
  return jk.Priv.from_asn1(der, true).keys;
}

/**
 * The DSTU 4145 public key from a SubjectPublicKeyInfo (named or explicit curve). Only the SPKI
 * goes through jkurwa: its whole-certificate parser rejects valid certificates (e.g. a DRFO stored
 * as UTF8String), and we parse everything else ourselves.
 */
export function publicKeyFromSpki(spkiDer: Uint8Array): JkPub {
  const spki = jk.rfc3280.SubjectPublicKeyInfo.decode(Buffer.from(spkiDer), 'der');
  if (spki.algorithm.algorithm !== 'Dstu4145le') throw new Error('not a DSTU 4145 public key');
  const curve = jk.Curve.resolve(spki.algorithm.parameters.curve, 'cert');
  const point = spki.subjectPublicKey.data;
  if (point[0] !== 0x04 || point[1] !== point.length - 2) throw new Error('malformed DSTU 4145 public key');
  return curve.pubkey(jkUtil.BIG_LE(point.subarray(2)));
}

/** Best-effort wipe of a private key's scalar (process exit is the real wipe). */
export function wipePrivateKey(priv: JkPriv): void {
  priv.d.bytes.fill(0);
}
