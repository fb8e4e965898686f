/**
 * One jkurwa curve object per set of curve parameters. Ukrainian keys and certificates carry their
 * DSTU 4145 curve as explicit parameters, not as a name, and jkurwa builds a new curve for every
 * parse: it expands the base point and precomputes its multiples (a window of point additions, each
 * with a field inversion) — on the 431-bit curve tens of milliseconds per key and per certificate, and
 * the public key of the private key is then computed on a base point with no precomputation reused.
 *
 * Curve parameters are public, so the curve built for them is kept and handed out again: the same
 * object a named curve (`std_curve`) already is. Only the point-expansion cache a curve grows with
 * every public key it expands is bounded, so a kiosk that verifies signatures for months does not keep
 * every patient's point.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface CurveObject {
  base: unknown;
  expand_cache: Record<string, unknown>;
}
interface CurveParams {
  m: unknown;
  ks: unknown;
  a: unknown;
  b: unknown;
  order: unknown;
  kofactor: unknown;
  base: unknown;
}
interface Asn1Curve {
  p: { param_m: unknown; ks: unknown };
  param_a: unknown;
  param_b: Uint8Array;
  order: { toArray(): number[] };
  bp: Uint8Array;
}
type CurveClass = (new (params: CurveParams) => CurveObject) & {
  from_asn1(curve: Asn1Curve, fmt?: string): CurveObject;
  ks_parse(ks: unknown): unknown;
};
interface CurveModule {
  Curve: CurveClass;
}
interface UtilModule {
  BIG_LE(b: Uint8Array): unknown;
  BIG_BE(b: Uint8Array | number[]): unknown;
}

/** Expanded points a curve keeps besides its base point (jkurwa's cache is otherwise unbounded). */
export const EXPANDED_POINTS_KEPT = 64;
/** Distinct curves kept (a kiosk meets two; anything beyond is a hostile file, not a key). */
const CURVES_KEPT = 16;

const MARK = Symbol.for('kabinet-kiosk.curve-cache');

/** A canonical text of the parameters, or null when one is of a kind not recognised here. */
export function curveKey(params: CurveParams): string | null {
  let unknown = false;
  const text = JSON.stringify(params, (_k, v: unknown) => {
    if (ArrayBuffer.isView(v)) return `x${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}`;
    if (v === null || typeof v === 'number' || typeof v === 'string' || Array.isArray(v)) return v;
    if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return v;
    // a bn.js number (asn1.js INTEGER)
    if (typeof v === 'object' && 'words' in v && typeof (v as { toString?: unknown }).toString === 'function')
      return `n${(v as { toString(base: number): string }).toString(16)}`;
    unknown = true;
    return null;
  });
  return unknown ? null : text;
}

/** Installs the cache once per process (jkurwa's modules are shared); idempotent. */
export function applyCurveCache(): void {
  const curves = require('jkurwa/lib/curve.js') as CurveModule & Record<symbol, boolean | undefined>;
  if (curves[MARK]) return;
  // the construction below restates jkurwa 1.21's Curve.from_asn1: another version keeps its own
  const { version } = require('jkurwa/package.json') as { version: string };
  if (!version.startsWith('1.21.')) return;
  const util = require('jkurwa/lib/util.js') as UtilModule;
  const Original = curves.Curve;
  const kept = new Map<string, CurveObject>();

  const build = (params: CurveParams): CurveObject => {
    const key = curveKey(params);
    if (key === null) return new Original(params);
    const found = kept.get(key);
    if (found) {
      trimExpanded(found);
      return found;
    }
    const curve = new Original(params);
    if (kept.size >= CURVES_KEPT) kept.delete(kept.keys().next().value as string);
    kept.set(key, curve);
    return curve;
  };

  // `new jk.Curve(params)` (private keys with explicit parameters, Priv.js)
  const Cached = new Proxy(Original, {
    construct: (_target, args: [CurveParams]) => build(args[0]),
  });
  // Curve.resolve → Curve.from_asn1 (certificates' public keys): the same construction as jkurwa 1.21
  Original.from_asn1 = (curve: Asn1Curve, fmt?: string): CurveObject => {
    const big = fmt === 'cert' ? util.BIG_LE : util.BIG_BE;
    return build({
      m: curve.p.param_m,
      ks: Original.ks_parse(curve.p.ks),
      a: [curve.param_a],
      b: big(curve.param_b),
      order: util.BIG_BE(curve.order.toArray()),
      kofactor: [2],
      base: big(curve.bp),
    });
  };
  curves.Curve = Cached;
  Object.defineProperty(curves, MARK, { value: true });
}

function trimExpanded(curve: CurveObject): void {
  const cache = curve.expand_cache;
  const keys = Object.keys(cache);
  if (keys.length <= EXPANDED_POINTS_KEPT) return;
  for (const k of keys) if (cache[k] !== curve.base) delete cache[k];
}
