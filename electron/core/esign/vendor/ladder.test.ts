/**
 * The curve arithmetic the kiosk routes around jkurwa's slow paths: the Montgomery ladder equals
 * jkurwa's own affine multiplication on both DSTU 4145 curves (random scalars, on the base point and
 * on other points, and the scalars at the edges: 0, 1, 2, n − 1, n, n + 1), squaring equals
 * multiplying by itself, and a curve given by explicit parameters (as keys and certificates carry it)
 * is built once and shared, with its expansion cache bounded.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPANDED_POINTS_KEPT, curveKey } from './curve-cache';
import { privateKeysFromDer, publicKeyFromSpki, stdCurve, type CurveName } from './jk';
import { affineMul, ladderMul, square, type LadderField, type LadderPoint } from './ladder';

const require = createRequire(import.meta.url);

interface TestCurve {
  base: LadderPoint;
  order: LadderField & { clone(): LadderField };
  rand(): LadderField;
  expand_cache: Record<string, unknown>;
}
interface FieldCtor {
  new (v: Uint8Array, fmt: 'buf8', curve: unknown): LadderField & { equals(o: LadderField): boolean };
}
const Field = require('jkurwa/lib/field.js') as FieldCtor;

const CURVES: CurveName[] = ['DSTU_PB_257', 'DSTU_PB_431'];
const curveOf = (name: CurveName) => stdCurve(name) as unknown as TestCurve;

function same(a: LadderPoint, b: LadderPoint): boolean {
  return (
    (a.x as unknown as { equals(o: unknown): boolean }).equals(b.x) &&
    (a.y as unknown as { equals(o: unknown): boolean }).equals(b.y)
  );
}

/** n + delta as a field-sized integer (the scalars at the edge of the group order). */
function orderPlus(c: TestCurve, delta: -1 | 0 | 1): LadderField {
  const n = c.order.clone();
  const bytes = n.bytes;
  if (delta === 1) {
    for (let i = 0; i < bytes.length; i++) if ((bytes[i] = ((bytes[i] as number) + 1) >>> 0) !== 0) break;
  } else if (delta === -1) {
    for (let i = 0; i < bytes.length; i++)
      if ((bytes[i] = ((bytes[i] as number) - 1) >>> 0) !== 0xffffffff) break;
  }
  return n;
}

describe.each(CURVES)('Montgomery ladder on %s', (name) => {
  const c = curveOf(name);

  it('equals jkurwa’s multiplication on random scalars, on the base point and on others', () => {
    const other = c.base.mul(c.rand());
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 2, maxLength: 54 }), fc.boolean(), (raw, onBase) => {
        const k = new Field(raw, 'buf8', c);
        // jkurwa's own multiplication fails on scalars under 13 bits (its compact NAF): compared below
        if (k.is_zero() || k.bitLength() < 13) return true;
        const P = onBase ? c.base : other;
        const ours = ladderMul(P, k);
        return ours !== null && same(ours, affineMul(P, k));
      }),
      { numRuns: 12 },
    );
  });

  it('handles the edges: 0 and n give the point at infinity, n − 1 gives −P, n + 1 gives P', () => {
    const P = c.base.mul(c.rand());
    const zero = new Field(new Uint8Array([0]), 'buf8', c);
    expect(ladderMul(P, zero)?.is_zero()).toBe(true);
    expect(ladderMul(P, orderPlus(c, 0))?.is_zero()).toBe(true);
    expect(affineMul(P, orderPlus(c, 0)).is_zero()).toBe(true);
    const minus = ladderMul(P, orderPlus(c, -1));
    expect(minus && same(minus, affineMul(P, orderPlus(c, -1)))).toBe(true);
    expect(minus && same(minus, { ...P, x: P.x, y: P.x.add(P.y) } as LadderPoint)).toBe(true);
    const plus = ladderMul(P, orderPlus(c, 1));
    expect(plus && same(plus, P)).toBe(true);
    // small scalars against plain additions (jkurwa's multiplication cannot take them)
    const twice = (P as unknown as { twice(): LadderPoint }).twice();
    const expected = [P, twice, (twice as unknown as { add(o: LadderPoint): LadderPoint }).add(P)];
    for (const [i, small] of [1, 2, 3].entries()) {
      const ours = ladderMul(P, new Field(new Uint8Array([small]), 'buf8', c));
      expect(ours && same(ours, expected[i] as LadderPoint), `${small}·P`).toBe(true);
    }
  });

  it('leaves the point at infinity to jkurwa', () => {
    const inf = affineMul(c.base, orderPlus(c, 0));
    expect(ladderMul(inf, c.rand())).toBeNull();
    expect(inf.mul(c.rand()).is_zero()).toBe(true);
  });

  it('is what Point.mul uses (a public key is the same as jkurwa computes it)', () => {
    const d = c.rand();
    expect(same(c.base.mul(d), affineMul(c.base, d))).toBe(true);
  });

  it('squares like multiplying by itself', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 54 }), (raw) => {
        const f = c.base.x.mod_mul(new Field(raw, 'buf8', c));
        return (f.mod_mul(f) as unknown as { equals(o: unknown): boolean }).equals(square(f));
      }),
      { numRuns: 200 },
    );
  });
});

describe('curves given by their parameters', () => {
  it('are built once: two keys and their certificates share one curve object', async () => {
    const { makeTestPki, person } = await import('../test-support');
    const { issueIdentity } = await import('../pki/test-pki');
    const { parseCertificate } = await import('../pki/certificate');
    const pki = await makeTestPki();
    const a = issueIdentity(pki.ca, person(pki.now));
    const b = issueIdentity(pki.ca, person(pki.now));
    const [ka] = privateKeysFromDer(a.priv.to_asn1());
    const [kb] = privateKeysFromDer(b.priv.to_asn1());
    expect(ka?.curve).toBeDefined();
    expect(ka?.curve).toBe(kb?.curve);
    const pa = publicKeyFromSpki(parseCertificate(a.certificateDer).spkiDer);
    const pb = publicKeyFromSpki(parseCertificate(b.certificateDer).spkiDer);
    expect((pa.point as unknown as { curve: unknown }).curve).toBe(
      (pb.point as unknown as { curve: unknown }).curve,
    );
    // and the keys still pair with their certificates
    expect(pa.point.equals(ka?.pub().point as typeof pa.point)).toBe(true);
    expect(pb.point.equals(kb?.pub().point as typeof pb.point)).toBe(true);
  });

  it('are told apart by every parameter', () => {
    const base = {
      m: 257,
      ks: [12],
      a: [0],
      b: new Uint32Array([1, 2]),
      order: new Uint32Array([3]),
      kofactor: [4],
      base: new Uint32Array([5]),
    };
    const key = curveKey(base);
    expect(key).not.toBeNull();
    expect(curveKey({ ...base, b: new Uint32Array([1, 3]) })).not.toBe(key);
    expect(curveKey({ ...base, ks: [5, 7, 12] })).not.toBe(key);
    expect(curveKey({ ...base, m: 431 })).not.toBe(key);
    expect(curveKey({ ...base })).toBe(key);
    // something it does not know is never cached
    expect(curveKey({ ...base, b: new Map() })).toBeNull();
  });

  it('keep a bounded point cache', () => {
    expect(EXPANDED_POINTS_KEPT).toBeGreaterThan(0);
    const c = curveOf('DSTU_PB_257');
    expect(Object.keys(c.expand_cache).length).toBeLessThanOrEqual(EXPANDED_POINTS_KEPT + 1);
  });
});
