/**
 * The WebAssembly GOST primitives against gost89, the JavaScript path they replace: equal bytes
 * on random inputs (fast-check, including the library's corner cases: odd salt lengths,
 * passwords over 32 bytes, partial CFB blocks, a one-block MAC) and on every kind of test
 * container the kiosk opens (decrypted plaintext and the opened key, wasm vs JavaScript).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openKeyContainer } from '../containers/open';
import { parseKey6, decryptKey6 } from '../containers/key6';
import { parsePfx } from '../containers/pfx';
import { issueIdentity, issueTestIdentity } from '../pki/test-pki';
import { legacyContainers, makeTestPki, person, type TestPki } from '../test-support';
import { createTestCa } from '../pki/test-pki';
import { gostWasmFile, loadGostWasm, type GostWasm } from './gost-wasm';
import { gostImplementation, useGostImplementation } from './jk';

interface Gost89 {
  gosthash(d: Buffer): Buffer;
  pbkdf(pw: Buffer, salt: Buffer, iters: number): Buffer;
  dumb_kdf(d: Buffer, passes: number): Buffer;
  init(): {
    key(k: Buffer): void;
    decrypt_cfb(iv: Buffer, c: Buffer, out: Buffer): void;
    crypt_cfb(iv: Buffer, p: Buffer, out: Buffer): void;
    decrypt(c: Buffer, out: Buffer): void;
    crypt(p: Buffer, out: Buffer): void;
    mac(bits: number, d: Buffer): Buffer;
  };
}
const gost = createRequire(import.meta.url)('gost89') as Gost89;

const bytes = (min: number, max: number) =>
  fc.uint8Array({ minLength: min, maxLength: max }).map((a) => Buffer.from(a));
const blocks = (maxBlocks: number) =>
  fc.integer({ min: 0, max: maxBlocks }).chain((n) => bytes(8 * n, 8 * n));

let wasm: GostWasm;
beforeAll(() => {
  const loaded = loadGostWasm();
  if (!loaded) throw new Error(`${gostWasmFile()} is missing: npm run build:wasm`);
  wasm = loaded;
});
afterEach(() => useGostImplementation('wasm'));

describe('GOST primitives in WebAssembly equal gost89', () => {
  it('GOST 34.311 hash of any message', () => {
    fc.assert(
      fc.property(bytes(0, 300), (d) => wasm.hash(d).equals(gost.gosthash(d))),
      { numRuns: 300 },
    );
  });

  it('PBKDF2 with GOST-HMAC: any password, salt and iteration count', () => {
    fc.assert(
      fc.property(bytes(0, 40), bytes(0, 70), fc.integer({ min: 1, max: 4 }), (pw, salt, n) =>
        wasm.pbkdf(pw, salt, n).equals(gost.pbkdf(pw, salt, n)),
      ),
      { numRuns: 200 },
    );
    // the count real Key-6.dat files use
    const pw = Buffer.from('olena-4242');
    const salt = Buffer.alloc(32, 7);
    expect(wasm.pbkdf(pw, salt, 10_000).equals(gost.pbkdf(pw, salt, 10_000))).toBe(true);
  });

  it('the old IIT password hash', () => {
    fc.assert(
      fc.property(bytes(0, 70), fc.integer({ min: 1, max: 5 }), (d, n) =>
        wasm.dumbKdf(d, n).equals(gost.dumb_kdf(d, n)),
      ),
      { numRuns: 100 },
    );
  });

  it('GOST 28147 CFB both ways, partial last block included', () => {
    fc.assert(
      fc.property(bytes(32, 32), bytes(8, 8), bytes(0, 90), fc.boolean(), (key, iv, d, decrypt) => {
        const ctx = gost.init();
        ctx.key(key);
        const out = Buffer.alloc(d.length);
        if (d.length) (decrypt ? ctx.decrypt_cfb : ctx.crypt_cfb).call(ctx, iv, d, out);
        return wasm.cfb(key, iv, d, decrypt).equals(out);
      }),
      { numRuns: 200 },
    );
  });

  it('GOST 28147 ECB both ways and the MAC', () => {
    fc.assert(
      fc.property(bytes(32, 32), blocks(10), fc.boolean(), (key, d, decrypt) => {
        const ctx = gost.init();
        ctx.key(key);
        const out = Buffer.alloc(d.length);
        if (d.length) (decrypt ? ctx.decrypt : ctx.crypt).call(ctx, d, out);
        const mac = gost.init();
        mac.key(key);
        return wasm.ecb(key, d, decrypt).equals(out) && wasm.mac(key, d).equals(mac.mac(32, d));
      }),
      { numRuns: 200 },
    );
  });

  it('leaves no key material in the module memory after a call', () => {
    const key = Buffer.alloc(32, 0xa5);
    const pw = Buffer.from('a-password-to-forget');
    wasm.pbkdf(pw, Buffer.alloc(32, 1), 3);
    wasm.cfb(key, Buffer.alloc(8), Buffer.alloc(40, 3), true);
    const mem = Buffer.from(wasm.snapshot());
    expect(mem.includes(pw)).toBe(false);
    expect(mem.includes(key.subarray(0, 16))).toBe(false);
  });

  it('a missing or broken module means the JavaScript path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-gost-wasm-'));
    try {
      expect(loadGostWasm(join(dir, 'absent.wasm'))).toBeNull();
      writeFileSync(join(dir, 'broken.wasm'), 'not a module');
      expect(loadGostWasm(join(dir, 'broken.wasm'))).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(gostImplementation()).toBe('wasm');
    useGostImplementation('js');
    expect(gostImplementation()).toBe('js');
  });
});

describe('every test container opens the same with wasm and with JavaScript', () => {
  let pki: TestPki;
  const made: { name: string; file: Uint8Array; password: string; cert: Uint8Array }[] = [];
  beforeAll(async () => {
    pki = await makeTestPki();
    const subject = person(pki.now);
    const ca431 = await createTestCa({ curve: 'DSTU_PB_431', now: pki.now });
    for (const [name, ca, spec] of [
      ['Key-6.dat, 257-bit', pki.ca, { format: 'key6', password: 'olena-4242' }],
      ['Key-6.dat, 431-bit', ca431, { format: 'key6', password: 'olena-4242' }],
      ['Key-6.dat, Cyrillic password (cp1251)', pki.ca, { format: 'key6', password: 'пароль-1' }],
      [
        'Key-6.dat, Cyrillic password (UTF-8)',
        pki.ca,
        { format: 'key6', password: 'ключ', passwordEncoding: 'utf8' },
      ],
      ['JKS', pki.ca, { format: 'jks', password: 'andrii-2929' }],
      ['PKCS#8', pki.ca, { format: 'pk8', password: '' }],
    ] as const) {
      const id = await issueTestIdentity(ca, subject, spec);
      made.push({ name, file: id.file, password: spec.password, cert: id.certificateDer });
    }
    const id = issueIdentity(pki.ca, subject);
    const legacy = legacyContainers(id.priv, id.certificateDer, { iit: 'старий', pfx: 'pfx-pass' });
    made.push({ name: 'old IIT store', file: legacy.iitStore, password: 'старий', cert: id.certificateDer });
    made.push({ name: 'PKCS#12', file: legacy.pfx, password: 'pfx-pass', cert: id.certificateDer });
  });
  afterAll(() => useGostImplementation('wasm'));

  const open = async (kind: 'wasm' | 'js', c: (typeof made)[number]) => {
    useGostImplementation(kind);
    expect(gostImplementation()).toBe(kind);
    const r = await openKeyContainer(c.file, new Uint8Array(Buffer.from(c.password, 'utf8')), {
      certificates: [c.cert],
      now: () => pki.now,
    });
    if (!r.ok) throw new Error(`${c.name} (${kind}): ${r.error.code} ${r.error.message}`);
    // the key was paired with its certificate by public point: the same info means the same key
    const info = r.value.info;
    r.value.close();
    return info;
  };

  it('opens each kind to the same key and certificate', async () => {
    expect(made.map((m) => m.name)).toHaveLength(8);
    for (const c of made) {
      const a = await open('wasm', c);
      const b = await open('js', c);
      expect(a, c.name).toEqual(b);
    }
  });

  it('decrypts a GOST store with a wrong password to the same garbage', () => {
    const file = (name: string) => made.find((m) => m.name === name)?.file as Uint8Array;
    const stores = [
      { name: 'Key-6.dat PBES2', store: parseKey6(file('Key-6.dat, 257-bit')) },
      { name: 'old IIT store', store: parseKey6(file('old IIT store')) },
      ...parsePfx(file('PKCS#12')).shroudedKeys.map((store) => ({ name: 'PKCS#12 bag', store })),
    ];
    expect(stores.length).toBe(3);
    for (const { name, store } of stores) {
      useGostImplementation('wasm');
      const a = decryptKey6(store, Buffer.from('a wrong one', 'utf8'));
      useGostImplementation('js');
      const b = decryptKey6(store, Buffer.from('a wrong one', 'utf8'));
      expect(a.equals(b), name).toBe(true);
    }
  });
});
