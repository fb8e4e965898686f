/**
 * Scalar multiplication on the DSTU 4145 curves (y² + xy = x³ + ax² + b over GF(2^m)) by the
 * López–Dahab Montgomery ladder in projective x-coordinates, in place of jkurwa's affine wNAF.
 *
 * jkurwa adds and doubles points in affine coordinates: every step inverts a field element, and an
 * inversion costs about fifty multiplications on the 431-bit curve, so a public key, a signature's
 * e·G and a verification's two products spend nearly all their time inverting. The ladder needs
 * eleven multiplications per bit and one inversion at the end (Hankerson, Menezes, Vanstone, "Guide
 * to Elliptic Curve Cryptography", algorithm 3.40), and does the same work for every bit of the
 * scalar. It uses jkurwa's own field arithmetic; results are equal to jkurwa's (tested on random
 * scalars of both curves, the group order and its neighbours). Cases outside the ladder's formulas
 * (the point at infinity, a point with x = 0) keep jkurwa's multiplication.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface LadderField {
  bytes: Uint32Array;
  mod_mul(other: LadderField): LadderField;
  add(other: LadderField): LadderField;
  addM(other: LadderField): void;
  invert(): LadderField;
  is_zero(): boolean;
  testBit(n: number): boolean;
  bitLength(): number;
  is_negative(): boolean;
}
interface LadderCurve {
  b: LadderField;
  zero: LadderField;
  one: LadderField;
  point(x: LadderField, y: LadderField): LadderPoint;
}
export interface LadderPoint {
  curve: LadderCurve;
  x: LadderField;
  y: LadderField;
  is_zero(): boolean;
  mul(k: LadderField): LadderPoint;
}
interface Gf2m {
  mod(a: Uint32Array, modBits: Uint32Array): Uint32Array;
}
interface SquareableField extends LadderField {
  mod_bits: Uint32Array;
  mod_words: number;
  curve: unknown;
}
type FieldClass = new (bytes: Uint32Array, fmt: undefined, curve: unknown) => LadderField;
interface PointClass {
  prototype: { mul(this: LadderPoint, k: LadderField): LadderPoint };
}

const MARK = Symbol.for('kabinet-kiosk.ladder');

const gf2m = require('jkurwa/lib/gf2m.js') as Gf2m;
const Field = require('jkurwa/lib/field.js') as FieldClass;

/** Each byte with a zero bit after each of its bits: squaring in GF(2)[t] spreads the bits apart. */
const SPREAD = new Uint16Array(256);
for (let i = 0; i < 256; i++) {
  let v = 0;
  for (let bit = 0; bit < 8; bit++) if (i & (1 << bit)) v |= 1 << (2 * bit);
  SPREAD[i] = v;
}

/** f² mod the field polynomial: the spread bits, reduced by jkurwa's own reduction. */
export function square(f: LadderField): LadderField {
  const g = f as SquareableField;
  const words = g.mod_words;
  const src = g.bytes;
  const wide = new Uint32Array(2 * words + 4);
  for (let i = 0; i < words; i++) {
    const w = src[i] ?? 0;
    wide[2 * i] = ((SPREAD[(w >>> 8) & 0xff] as number) << 16) | (SPREAD[w & 0xff] as number);
    wide[2 * i + 1] = ((SPREAD[w >>> 24] as number) << 16) | (SPREAD[(w >>> 16) & 0xff] as number);
  }
  return new Field(gf2m.mod(wide, g.mod_bits).subarray(0, words), undefined, g.curve);
}

/** k·P by the Montgomery ladder; null when P or k is a case the formulas do not cover. */
export function ladderMul(P: LadderPoint, k: LadderField): LadderPoint | null {
  const c = P.curve;
  if (k.is_negative() || P.is_zero() || P.x.is_zero()) return null;
  if (k.is_zero()) return c.point(c.zero, c.zero);
  const x = P.x;
  const y = P.y;
  const b = c.b;
  const sq = square;
  // (X1, Z1) = P, (X2, Z2) = 2P; the ladder keeps P2 − P1 = P
  let X1 = x;
  // a fresh 1: jkurwa's curve.one was made before the curve knew its modulus
  let Z1 = c.zero.add(c.one);
  let Z2 = sq(x);
  let X2 = sq(Z2);
  X2.addM(b);
  for (let i = k.bitLength() - 2; i >= 0; i--) {
    if (k.testBit(i)) {
      // P1 ← P1 + P2, P2 ← 2·P2
      const t1 = X1.mod_mul(Z2);
      const t2 = X2.mod_mul(Z1);
      Z1 = sq(t1.add(t2));
      X1 = x.mod_mul(Z1);
      X1.addM(t1.mod_mul(t2));
      const xx = sq(X2);
      const zz = sq(Z2);
      Z2 = xx.mod_mul(zz);
      X2 = sq(xx);
      X2.addM(b.mod_mul(sq(zz)));
    } else {
      // P2 ← P1 + P2, P1 ← 2·P1
      const t1 = X2.mod_mul(Z1);
      const t2 = X1.mod_mul(Z2);
      Z2 = sq(t1.add(t2));
      X2 = x.mod_mul(Z2);
      X2.addM(t1.mod_mul(t2));
      const xx = sq(X1);
      const zz = sq(Z1);
      Z1 = xx.mod_mul(zz);
      X1 = sq(xx);
      X1.addM(b.mod_mul(sq(zz)));
    }
  }
  // k·P = P1; P2 = (k + 1)·P
  if (Z1.is_zero()) return c.point(c.zero, c.zero);
  if (Z2.is_zero()) return c.point(x, x.add(y)); // (k + 1)·P = O: k·P = −P
  // x3 = X1/Z1; y3 = (x + x3)·[(X1 + x·Z1)(X2 + x·Z2) + (x² + y)·Z1·Z2] / (x·Z1·Z2) + y
  const z1z2 = Z1.mod_mul(Z2);
  const inv = x.mod_mul(z1z2).invert();
  const x3 = X1.mod_mul(inv).mod_mul(x).mod_mul(Z2);
  const a = X1.add(x.mod_mul(Z1));
  const s = X2.add(x.mod_mul(Z2));
  const num = a.mod_mul(s);
  const x2y = sq(x);
  x2y.addM(y);
  num.addM(x2y.mod_mul(z1z2));
  const y3 = x.add(x3).mod_mul(num).mod_mul(inv);
  y3.addM(y);
  return c.point(x3, y3);
}

let jkurwaMul: ((this: LadderPoint, k: LadderField) => LadderPoint) | null = null;

/** Routes jkurwa's Point.mul through the ladder (once per process; jkurwa's modules are shared). */
export function applyLadder(): void {
  const Point = require('jkurwa/lib/point.js') as PointClass & Record<symbol, boolean | undefined>;
  if (Point[MARK]) return;
  const original = Point.prototype.mul;
  jkurwaMul = original;
  Point.prototype.mul = function (this: LadderPoint, k: LadderField): LadderPoint {
    return ladderMul(this, k) ?? original.call(this, k);
  };
  Object.defineProperty(Point, MARK, { value: true });
}

/** jkurwa's own (affine wNAF) multiplication, which the tests compare the ladder with. */
export function affineMul(P: LadderPoint, k: LadderField): LadderPoint {
  if (!jkurwaMul) throw new Error('the ladder is not installed in this module instance');
  return jkurwaMul.call(P, k);
}
