/**
 * GOST 28147-89 (DSTU S-box) and GOST 34.311-95 for the key containers, in AssemblyScript,
 * compiled to WebAssembly by `npm run build:wasm` (build/wasm.ts). It computes exactly what the
 * JavaScript library gost89 computes — the kiosk's reference and fallback — including that
 * library's corner cases (a hash update whose buffered tail plus new data fill whole blocks keeps
 * the old tail; the finish buffer keeps bytes between finishes; passwords longer than 32 bytes
 * count only their first 32 bytes in the PBKDF). The equality is tested on every test container
 * and on random inputs (electron/core/esign/vendor/gost-wasm.test.ts).
 *
 * Calling convention: the host writes inputs at `scratch()` and above (growing the memory when
 * needed), calls one function, reads the output, and calls `wipe()` — which zeroes every key,
 * password pad and hash state held here.
 */

// --- GOST 28147-89 -------------------------------------------------------------------------

/** The DSTU 4145 S-box ("DKU"), 8 rows of 16 nibbles, row k8 first (as gost89 stores it). */
const SBOX: usize = memory.data<u8>([
  0x1, 0x2, 0x3, 0xe, 0x6, 0xd, 0xb, 0x8, 0xf, 0xa, 0xc, 0x5, 0x7, 0x9, 0x0, 0x4, 0x3, 0x8, 0xb, 0x5, 0x6,
  0x4, 0xe, 0xa, 0x2, 0xc, 0x1, 0x7, 0x9, 0xf, 0xd, 0x0, 0x2, 0x8, 0x9, 0x7, 0x5, 0xf, 0x0, 0xb, 0xc, 0x1,
  0xd, 0xe, 0xa, 0x3, 0x6, 0x4, 0xf, 0x8, 0xe, 0x9, 0x7, 0x2, 0x0, 0xd, 0xc, 0x6, 0x1, 0x5, 0xb, 0x4, 0x3,
  0xa, 0x3, 0x8, 0xd, 0x9, 0x6, 0xb, 0xf, 0x0, 0x2, 0x5, 0xc, 0xa, 0x4, 0xe, 0x1, 0x7, 0xf, 0x6, 0x5, 0x8,
  0xe, 0xb, 0xa, 0x4, 0xc, 0x0, 0x3, 0x7, 0x2, 0x9, 0x1, 0xd, 0x8, 0x0, 0xc, 0x4, 0x9, 0x6, 0x7, 0xb, 0x2,
  0x3, 0x1, 0xf, 0x5, 0xe, 0xa, 0xd, 0xa, 0x9, 0xd, 0x6, 0xe, 0xb, 0x4, 0x5, 0xf, 0x1, 0x3, 0xc, 0x7, 0x0,
  0x8, 0x2,
]);

/** The four combined 8-bit substitution tables (k87, k65, k43, k21), 256 words each. */
const TABLES: usize = memory.data(4096, 16);
const K87: usize = TABLES;
const K65: usize = TABLES + 1024;
const K43: usize = TABLES + 2048;
const K21: usize = TABLES + 3072;
/** The eight 32-bit round keys. */
const KEY: usize = memory.data(32, 16);
let tablesReady = false;

function sbox(row: u32, i: u32): u32 {
  return <u32>load<u8>(SBOX + <usize>(row * 16 + i));
}

function initTables(): void {
  if (tablesReady) return;
  for (let i: u32 = 0; i < 256; i++) {
    const hi = i >>> 4;
    const lo = i & 15;
    store<u32>(K87 + ((<usize>i) << 2), ((sbox(0, hi) << 4) | sbox(1, lo)) << 24);
    store<u32>(K65 + ((<usize>i) << 2), ((sbox(2, hi) << 4) | sbox(3, lo)) << 16);
    store<u32>(K43 + ((<usize>i) << 2), ((sbox(4, hi) << 4) | sbox(5, lo)) << 8);
    store<u32>(K21 + ((<usize>i) << 2), (sbox(6, hi) << 4) | sbox(7, lo));
  }
  tablesReady = true;
}

function f(x: u32): u32 {
  const y =
    load<u32>(K87 + ((<usize>((x >>> 24) & 255)) << 2)) |
    load<u32>(K65 + ((<usize>((x >>> 16) & 255)) << 2)) |
    load<u32>(K43 + ((<usize>((x >>> 8) & 255)) << 2)) |
    load<u32>(K21 + ((<usize>(x & 255)) << 2));
  return rotl<u32>(y, 11);
}

function setKey(k: usize): void {
  for (let i: usize = 0; i < 8; i++) store<u32>(KEY + (i << 2), load<u32>(k + (i << 2)));
}

function k(i: usize): u32 {
  return load<u32>(KEY + (i << 2));
}

/** One block in the encryption direction (the hash, CFB gamma): K0…K7 three times, then K7…K0. */
function crypt64(input: usize, out: usize): void {
  const k0 = k(0);
  const k1 = k(1);
  const k2 = k(2);
  const k3 = k(3);
  const k4 = k(4);
  const k5 = k(5);
  const k6 = k(6);
  const k7 = k(7);
  let n0 = load<u32>(input);
  let n1 = load<u32>(input + 4);
  for (let r = 0; r < 3; r++) {
    n1 ^= f(n0 + k0);
    n0 ^= f(n1 + k1);
    n1 ^= f(n0 + k2);
    n0 ^= f(n1 + k3);
    n1 ^= f(n0 + k4);
    n0 ^= f(n1 + k5);
    n1 ^= f(n0 + k6);
    n0 ^= f(n1 + k7);
  }
  n1 ^= f(n0 + k7);
  n0 ^= f(n1 + k6);
  n1 ^= f(n0 + k5);
  n0 ^= f(n1 + k4);
  n1 ^= f(n0 + k3);
  n0 ^= f(n1 + k2);
  n1 ^= f(n0 + k1);
  n0 ^= f(n1 + k0);
  store<u32>(out, n1);
  store<u32>(out + 4, n0);
}

/** One block in the decryption direction: K0…K7 once, then K7…K0 three times. */
function decrypt64(input: usize, out: usize): void {
  const k0 = k(0);
  const k1 = k(1);
  const k2 = k(2);
  const k3 = k(3);
  const k4 = k(4);
  const k5 = k(5);
  const k6 = k(6);
  const k7 = k(7);
  let n0 = load<u32>(input);
  let n1 = load<u32>(input + 4);
  n1 ^= f(n0 + k0);
  n0 ^= f(n1 + k1);
  n1 ^= f(n0 + k2);
  n0 ^= f(n1 + k3);
  n1 ^= f(n0 + k4);
  n0 ^= f(n1 + k5);
  n1 ^= f(n0 + k6);
  n0 ^= f(n1 + k7);
  for (let r = 0; r < 3; r++) {
    n1 ^= f(n0 + k7);
    n0 ^= f(n1 + k6);
    n1 ^= f(n0 + k5);
    n0 ^= f(n1 + k4);
    n1 ^= f(n0 + k3);
    n0 ^= f(n1 + k2);
    n1 ^= f(n0 + k1);
    n0 ^= f(n1 + k0);
  }
  store<u32>(out, n1);
  store<u32>(out + 4, n0);
}

/** Electronic code book over whole 8-byte blocks (the old IIT store, the test PKI writer). */
export function ecb(key: usize, input: usize, len: i32, out: usize, decrypt: bool): void {
  initTables();
  setKey(key);
  for (let off: usize = 0; off + 8 <= <usize>len; off += 8) {
    if (decrypt) decrypt64(input + off, out + off);
    else crypt64(input + off, out + off);
  }
}

const GAMMA: usize = memory.data(8, 8);
const IV: usize = memory.data(8, 8);

/** Cipher feedback (Key-6.dat PBES2); the last block may be short. */
export function cfb(key: usize, iv: usize, input: usize, len: i32, out: usize, decrypt: bool): void {
  initTables();
  setKey(key);
  store<u64>(IV, load<u64>(iv));
  for (let off: usize = 0; off < <usize>len; off += 8) {
    crypt64(IV, GAMMA);
    const n: usize = min<usize>(8, <usize>len - off);
    for (let j: usize = 0; j < n; j++) {
      const c = load<u8>(input + off + j);
      const p = c ^ load<u8>(GAMMA + j);
      store<u8>(out + off + j, p);
      store<u8>(IV + j, decrypt ? c : p);
    }
  }
}

/** GOST 28147 MAC (imitovstavka) over whole 8-byte blocks; 4 bytes out, as gost89's `mac(32, …)`. */
export function mac(key: usize, input: usize, len: i32, out: usize): void {
  initTables();
  setKey(key);
  const buf = GAMMA;
  store<u64>(buf, 0);
  for (let off: usize = 0; off + 8 <= <usize>len; off += 8) {
    mac64(buf, input + off);
  }
  // gost89 adds a zero block after a message of exactly one block
  if (len == 8) {
    store<u64>(IV, 0);
    mac64(buf, IV);
  }
  store<u32>(out, load<u32>(buf));
}

function mac64(buf: usize, block: usize): void {
  store<u64>(buf, load<u64>(buf) ^ load<u64>(block));
  let n0 = load<u32>(buf);
  let n1 = load<u32>(buf + 4);
  for (let r = 0; r < 2; r++) {
    for (let i: usize = 0; i < 8; i += 2) {
      n1 ^= f(n0 + k(i));
      n0 ^= f(n1 + k(i + 1));
    }
  }
  store<u32>(buf, n0);
  store<u32>(buf + 4, n1);
}

// --- GOST 34.311-95 ----------------------------------------------------------------------------

const H: usize = memory.data(32, 16);
const SUM: usize = memory.data(32, 16);
/** gost89's `buf`: the finish buffer, kept between finishes of one hashing context. */
const BUF: usize = memory.data(32, 16);
const LEFT: usize = memory.data(32, 16);
const TMP: usize = memory.data(32, 16);
const U: usize = memory.data(32, 16);
const V: usize = memory.data(32, 16);
const W: usize = memory.data(32, 16);
/** Room for the state and 80 ψ steps written one after another (no shifting). */
const PSI: usize = memory.data(32 + 2 * 80, 16);
/** Length of the buffered tail; 0 = none (gost89 never keeps an empty tail). */
let leftLen: i32 = 0;
let total: i32 = 0;

function xor32(ret: usize, a: usize, b: usize): void {
  for (let i: usize = 0; i < 32; i += 8) store<u64>(ret + i, load<u64>(a + i) ^ load<u64>(b + i));
}

/** P: the round keys straight from W (key byte i + 4j is W byte 8i + j). */
function keyFromW(): void {
  for (let j: usize = 0; j < 8; j++) {
    store<u32>(
      KEY + (j << 2),
      (<u32>load<u8>(W + j)) |
        ((<u32>load<u8>(W + 8 + j)) << 8) |
        ((<u32>load<u8>(W + 16 + j)) << 16) |
        ((<u32>load<u8>(W + 24 + j)) << 24),
    );
  }
}

/** A: shift by 8 bytes, the new last 8 are (y1 xor y2); `w` and `out` may be the same. */
function circleXor8(w: usize, out: usize): void {
  const y1 = load<u64>(w);
  const y2 = load<u64>(w + 8);
  const y3 = load<u64>(w + 16);
  const y4 = load<u64>(w + 24);
  store<u64>(out, y2);
  store<u64>(out + 8, y3);
  store<u64>(out + 16, y4);
  store<u64>(out + 24, y1 ^ y2);
}

/** The state is at PSI; writes n ψ steps after it; returns where the resulting 32 bytes start. */
function psi(at: usize, n: i32): usize {
  let p = at;
  for (let s = 0; s < n; s++) {
    const t =
      load<u16>(p) ^
      load<u16>(p + 2) ^
      load<u16>(p + 4) ^
      load<u16>(p + 6) ^
      load<u16>(p + 24) ^
      load<u16>(p + 30);
    store<u16>(p + 32, t);
    p += 2;
  }
  return p;
}

function keyAndEncrypt(half: usize): void {
  xor32(W, U, V);
  keyFromW();
  crypt64(H + half, PSI + half);
}

/** H := step(H, M) */
function step(m: usize): void {
  xor32(W, H, m);
  keyFromW();
  crypt64(H, PSI);
  circleXor8(H, U);
  circleXor8(m, V);
  circleXor8(V, V);
  keyAndEncrypt(8);
  circleXor8(U, U);
  // the constant C3
  store<u64>(U + 0, load<u64>(U + 0) ^ 0xff00ff00ff00ff00);
  store<u64>(U + 8, load<u64>(U + 8) ^ 0x00ff00ff00ff00ff);
  store<u64>(U + 16, load<u64>(U + 16) ^ 0xff0000ff00ffff00);
  store<u64>(U + 24, load<u64>(U + 24) ^ 0xff00ffff000000ff);
  circleXor8(V, V);
  circleXor8(V, V);
  keyAndEncrypt(16);
  circleXor8(U, U);
  circleXor8(V, V);
  circleXor8(V, V);
  keyAndEncrypt(24);
  let s = psi(PSI, 12);
  xor32(s, s, m);
  s = psi(s, 1);
  xor32(s, s, H);
  // move to the start of PSI before the long run, so that 61 steps fit
  memory.copy(PSI, s, 32);
  s = psi(PSI, 61);
  memory.copy(H, s, 32);
}

function addBlock(m: usize): void {
  let carry: u32 = 0;
  for (let i: usize = 0; i < 32; i++) {
    const s = <u32>load<u8>(SUM + i) + <u32>load<u8>(m + i) + carry;
    store<u8>(SUM + i, <u8>s);
    carry = s >>> 8;
  }
}

function block(m: usize): void {
  step(m);
  addBlock(m);
}

function reset(): void {
  memory.fill(H, 0, 32);
  memory.fill(SUM, 0, 32);
  leftLen = 0;
  total = 0;
}

/** A fresh context, as `gost89.Hash.init()` (its finish buffer starts zeroed). */
function fresh(): void {
  initTables();
  reset();
  memory.fill(BUF, 0, 32);
}

function update(input: usize, len: i32): void {
  let p = input;
  let n = len;
  let done = 0;
  if (leftLen > 0) {
    if (leftLen + n < 32) {
      memory.copy(LEFT + <usize>leftLen, p, <usize>n);
      leftLen += n;
      return;
    }
    const take = 32 - leftLen;
    memory.copy(TMP, LEFT, <usize>leftLen);
    memory.copy(TMP + <usize>leftLen, p, <usize>take);
    block(TMP);
    done = 32;
    p += <usize>take;
    n -= take;
  }
  while (n >= 32) {
    block(p);
    p += 32;
    n -= 32;
    done += 32;
  }
  total += done;
  // with no bytes over, gost89 keeps whatever tail it had before (see the header)
  if (n > 0) {
    memory.copy(LEFT, p, <usize>n);
    leftLen = n;
  }
}

function update32(m: usize): void {
  block(m);
  total += 32;
}

function finish(out: usize): void {
  let finLen = total;
  if (leftLen > 0) {
    memory.copy(BUF, LEFT, <usize>leftLen);
    block(BUF);
    finLen += leftLen;
    leftLen = 0;
    memory.fill(BUF, 0, 32);
  }
  finLen <<= 3;
  let idx: usize = 0;
  while (finLen > 0) {
    store<u8>(BUF + idx++, <u8>finLen);
    finLen >>= 8;
  }
  step(BUF);
  step(SUM);
  memory.copy(out, H, 32);
}

/** GOST 34.311-95 of `len` bytes (zero start vector, DSTU S-box). */
export function hash(input: usize, len: i32, out: usize): void {
  fresh();
  update(input, len);
  finish(out);
}

const PAD36: usize = memory.data(32, 16);
const PAD5C: usize = memory.data(32, 16);
const INS: usize = memory.data<u8>([0, 0, 0, 1]);
const HV: usize = memory.data(32, 16);

/** PBKDF2 with GOST 34.311-HMAC, one 32-byte block, as gost89's `pbkdf`. */
export function pbkdf(
  password: usize,
  pwLen: i32,
  salt: usize,
  saltLen: i32,
  iterations: i32,
  out: usize,
): void {
  fresh();
  memory.fill(PAD36, 0x36, 32);
  memory.fill(PAD5C, 0x5c, 32);
  const n = min<i32>(pwLen, 32);
  for (let i: usize = 0; i < <usize>n; i++) {
    const b = load<u8>(password + i);
    store<u8>(PAD36 + i, load<u8>(PAD36 + i) ^ b);
    store<u8>(PAD5C + i, load<u8>(PAD5C + i) ^ b);
  }
  update32(PAD36);
  update(salt, saltLen);
  update(INS, 4);
  finish(HV);
  reset();
  update32(PAD5C);
  update32(HV);
  finish(HV);
  memory.copy(out, HV, 32);
  let left = iterations - 1;
  while (left-- > 0) {
    reset();
    update32(PAD36);
    update32(HV);
    finish(HV);
    reset();
    update32(PAD5C);
    update32(HV);
    finish(HV);
    xor32(out, out, HV);
  }
}

/** The old IIT store's key: the hash of the password, then `passes - 1` more hashes of the hash. */
export function dumbKdf(input: usize, len: i32, passes: i32, out: usize): void {
  fresh();
  update(input, len);
  finish(HV);
  for (let i = 1; i < passes; i++) {
    reset();
    update32(HV);
    finish(HV);
  }
  memory.copy(out, HV, 32);
}

/** Where the host may write its inputs and outputs (everything above is free). */
export function scratch(): usize {
  return (__heap_base + 15) & ~(<usize>15);
}

/** Zeroes every key, pad and hash state held in this module. */
export function wipe(): void {
  memory.fill(KEY, 0, 32);
  memory.fill(GAMMA, 0, 8);
  memory.fill(IV, 0, 8);
  memory.fill(H, 0, 32);
  memory.fill(SUM, 0, 32);
  memory.fill(BUF, 0, 32);
  memory.fill(LEFT, 0, 32);
  memory.fill(TMP, 0, 32);
  memory.fill(U, 0, 32);
  memory.fill(V, 0, 32);
  memory.fill(W, 0, 32);
  memory.fill(PSI, 0, 32 + 2 * 80);
  memory.fill(PAD36, 0, 32);
  memory.fill(PAD5C, 0, 32);
  memory.fill(HV, 0, 32);
  leftLen = 0;
  total = 0;
}
