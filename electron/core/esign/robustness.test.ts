/**
 * Hostile input: empty, random, truncated and huge files give a clear error value (never an
 * exception, never a crash), and property-based fuzzing of the CMS and container parsers.
 * Sizes are rejected before parsing, so nothing here depends on timing.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { DerError } from './der';
import { parseSignedData } from './cms/parse';
import { parseJks } from './containers/jks';
import { parseKey6 } from './containers/key6';
import { parsePfx } from './containers/pfx';
import {
  issueTestIdentity,
  openKeyContainer,
  signJson,
  sniffContainer,
  verifySignedContent,
  type VerifyReport,
} from './index';
import { makeTestPki, person, type TestPki } from './test-support';

const FIFTY_MB = 50 * 1024 * 1024;
const pw = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

let pki: TestPki;
let signature: Uint8Array;
let key6: Uint8Array;
let jks: Uint8Array;
let pk8: { file: Uint8Array; certificateDer: Uint8Array };
const CONTENT = '{"fuzz":"ціль"}';

function expectCleanFailure(r: VerifyReport): void {
  expect(r.integrity).toBe(false);
  expect(r.error).not.toBeNull();
  expect(typeof r.error?.message).toBe('string');
  expect(r.error?.message).not.toMatch(/Cannot read|undefined|RangeError|Failed to match tag/);
}

beforeAll(async () => {
  pki = await makeTestPki();
  pk8 = await issueTestIdentity(pki.ca, person(pki.now), { format: 'pk8', password: '' });
  const opened = await openKeyContainer(pk8.file, pw(''), { certificates: [pk8.certificateDer] });
  if (!opened.ok) throw new Error(opened.error.message);
  const signed = await signJson(opened.value, CONTENT, { tsa: pki.tsaFn });
  if (!signed.ok) throw new Error(signed.error.message);
  signature = new Uint8Array(Buffer.from(signed.value.signedContent, 'base64'));
  key6 = (await issueTestIdentity(pki.ca, person(pki.now), { format: 'key6', password: 'k' })).file;
  jks = (await issueTestIdentity(pki.ca, person(pki.now), { format: 'jks', password: 'j' })).file;
});

describe('verification of hostile input', () => {
  it('empty input', async () => {
    const r = await verifySignedContent(new Uint8Array(0));
    expectCleanFailure(r);
    expect(r.error?.code).toBe('INPUT_EMPTY');
  });

  it('random bytes and random text', async () => {
    const random = new Uint8Array(8192).map((_, i) => (i * 2654435761) >>> 24);
    expect((await verifySignedContent(random)).error?.code).toBe('INPUT_NOT_CMS');
    expect((await verifySignedContent(pw('hello, world'))).error?.code).toBe('INPUT_NOT_CMS');
    expect((await verifySignedContent(pw('{"signed_content": 5}'))).error?.code).toBe('INPUT_NOT_CMS');
  });

  it('every truncation of a valid signature fails cleanly', async () => {
    for (let cut = 1; cut < signature.length; cut += Math.max(1, Math.floor(signature.length / 97))) {
      const r = await verifySignedContent(signature.subarray(0, cut));
      expectCleanFailure(r);
    }
  });

  it('50 MB of DER-looking bytes, of base64 and of JSON are refused by size', async () => {
    const big = new Uint8Array(FIFTY_MB);
    big[0] = 0x30;
    expect((await verifySignedContent(big)).error?.code).toBe('INPUT_TOO_LARGE');
    big.fill(0x41); // 'A' — base64 text
    expect((await verifySignedContent(big)).error?.code).toBe('INPUT_TOO_LARGE');
    big[0] = 0x7b; // '{'
    expect((await verifySignedContent(big)).error?.code).toBe('INPUT_TOO_LARGE');
  });
});

describe('key containers of hostile input', () => {
  it('empty, random, truncated and 50 MB files are KEY_UNREADABLE', async () => {
    const inputs = [
      new Uint8Array(0),
      new Uint8Array(4096).map((_, i) => (i * 40503) & 0xff),
      key6.subarray(0, 40),
      jks.subarray(0, jks.length - 30),
      pk8.file.subarray(0, 100),
      new Uint8Array(FIFTY_MB),
    ];
    for (const f of inputs) {
      const r = await openKeyContainer(f, pw('x'));
      expect(r).toMatchObject({ ok: false, error: { code: 'KEY_UNREADABLE' } });
    }
  });
});

describe('property-based fuzzing (bounded runs)', () => {
  it('verifySignedContent never throws and never accepts other content', async () => {
    const mutation = fc.record({
      at: fc.nat({ max: 100_000 }),
      kind: fc.constantFrom('flip', 'cut', 'insert'),
      byte: fc.integer({ min: 0, max: 255 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (muts) => {
        let b = Uint8Array.from(signature);
        for (const m of muts) {
          const at = m.at % b.length;
          if (m.kind === 'flip') b[at] = (b[at] as number) ^ (m.byte || 1);
          else if (m.kind === 'cut') b = b.subarray(0, Math.max(1, at));
          else b = Uint8Array.from([...b.subarray(0, at), m.byte, ...b.subarray(at)]);
        }
        const r = await verifySignedContent(b);
        if (r.integrity) expect(r.content).toBe(CONTENT);
        else expect(r.error).not.toBeNull();
        // the verifier's last-resort catch would mean an unexpected exception inside
        expect(r.error?.message ?? '').not.toContain('could not read the signature');
      }),
      { numRuns: 150 },
    );
  });

  it('random bytes never crash the verifier', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (b) => {
        const r = await verifySignedContent(b);
        expect(r.error).not.toBeNull();
        expect(r.error?.message).not.toContain('could not read the signature');
      }),
      { numRuns: 300 },
    );
  });

  it('CMS and container parsers throw only DerError', () => {
    const parsers = [parseSignedData, parseKey6, parseJks, parsePfx];
    const seeds = [signature, key6, jks];
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.nat(),
        fc.uint8Array({ minLength: 1, maxLength: 8 }),
        (seed, at, patch) => {
          const b = Uint8Array.from(seed);
          b.set(patch.subarray(0, Math.max(0, b.length - (at % b.length))), at % b.length);
          for (const parse of parsers) {
            try {
              parse(b);
            } catch (e) {
              expect(e).toBeInstanceOf(DerError);
            }
          }
          expect(typeof sniffContainer(b)).toBe('string');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('openKeyContainer never throws on mutated JKS and raw keys', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(jks, pk8.file),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (seed, at, x) => {
          const b = Uint8Array.from(seed);
          b[at % b.length] = (b[at % b.length] as number) ^ x;
          const r = await openKeyContainer(b, pw('j'), { certificates: [pk8.certificateDer] });
          if (!r.ok)
            expect(['KEY_UNREADABLE', 'KEY_WRONG_PASSWORD', 'KEY_NO_SIGNING_KEY']).toContain(r.error.code);
          else r.value.close();
        },
      ),
      { numRuns: 60 },
    );
  });
});
