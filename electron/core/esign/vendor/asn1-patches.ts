/**
 * Two behaviours jkurwa expects from its (GitHub-only) fork of asn1.js, re-added on top of the
 * registry release asn1.js 5.4.1 that package.json pins through `overrides`:
 *
 * 1. A CHOICE whose alternative is `use(fn)` must hand the *parent* object to `fn` while encoding
 *    (stock 5.4.1 calls `fn(undefined)`), otherwise PBES2 key stores cannot be written.
 * 2. An INTEGER whose first content octet has the high bit set (a "negative" serial such as
 *    `b406a206…`) must re-encode byte-identically; stock 5.4.1 decodes it as positive and adds a
 *    `00` pad on encoding, which changes certificate TBS bytes and our issuerAndSerialNumber.
 *
 * Delete this module when a registry jkurwa depends on a fixed asn1.js.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface EncoderNodeProto {
  _encodeValue(data: unknown, reporter: unknown, parent: unknown): unknown;
  _encodeChoice(data: { type: string; value: unknown }, reporter: unknown, parent?: unknown): unknown;
  _baseState: { choice: Record<string, { _encode(d: unknown, r: unknown, p?: unknown): unknown }> | null };
  __kioskParent?: unknown;
}
interface DecoderNodeProto {
  _decodeInt(buffer: { raw(): Uint8Array }, values: unknown): unknown;
}
interface Asn1Module {
  bignum: new (v: Uint8Array | number) => object;
  base: { Node: { prototype: EncoderNodeProto } };
  decoders: { der: { prototype: unknown } };
}

const MARK = Symbol.for('kabinet-kiosk.asn1-patched');

export interface PatchState {
  /** asn1.js version the patches were applied to. */
  version: string;
  choiceParent: boolean;
  negativeIntegers: boolean;
}

let state: PatchState | null = null;

/** Applies both patches once per process (idempotent); returns what was patched. */
export function applyAsn1Patches(): PatchState {
  if (state) return state;
  const asn1 = require('asn1.js') as Asn1Module & Record<symbol, PatchState | undefined>;
  const existing = asn1[MARK];
  if (existing) {
    state = existing;
    return existing;
  }
  const version = (require('asn1.js/package.json') as { version: string }).version;

  // 1. CHOICE → use(fn): remember the parent on the choice node for the duration of the call.
  const nodeProto = asn1.base.Node.prototype;
  const encodeValue = nodeProto._encodeValue;
  nodeProto._encodeValue = function (this: EncoderNodeProto, data, reporter, parent) {
    if (this._baseState.choice === null) return encodeValue.call(this, data, reporter, parent);
    const saved = this.__kioskParent;
    this.__kioskParent = parent;
    try {
      return encodeValue.call(this, data, reporter, parent);
    } finally {
      this.__kioskParent = saved;
    }
  };
  const encodeChoice = nodeProto._encodeChoice;
  nodeProto._encodeChoice = function (this: EncoderNodeProto, data, reporter) {
    const choice = this._baseState.choice;
    const node = choice && data && typeof data === 'object' ? choice[data.type] : undefined;
    // unknown alternatives keep the stock behaviour (its own error message)
    if (!node) return encodeChoice.call(this, data, reporter);
    return node._encode(data.value, reporter, this.__kioskParent);
  };

  // 2. INTEGER with the high bit set: keep the encoder from adding a 00 pad on re-encoding.
  const decoderProto = findDerDecoderNodeProto(asn1);
  const decodeInt = decoderProto._decodeInt;
  decoderProto._decodeInt = function (this: DecoderNodeProto, buffer, values) {
    const raw = buffer.raw();
    const result = decodeInt.call(this, buffer, values);
    if (raw.length > 0 && ((raw[0] as number) & 0x80) !== 0 && result instanceof asn1.bignum) {
      // the encoder tests `num.sign` before prepending 00; value and toString(16) stay unchanged
      (result as { sign?: boolean }).sign = true;
    }
    return result;
  };

  state = { version, choiceParent: true, negativeIntegers: true };
  Object.defineProperty(asn1, MARK, { value: state });
  return state;
}

/** DERNode is not exported; reach it through a decoder tree (stable across 5.x). */
function findDerDecoderNodeProto(asn1: Asn1Module): DecoderNodeProto {
  const probe = (
    asn1 as unknown as { define(n: string, b: (this: { int(): void }) => void): unknown }
  ).define('KioskProbeInt', function () {
    this.int();
  }) as { _getDecoder(enc: string): { tree: object } };
  let proto: object | null = Object.getPrototypeOf(probe._getDecoder('der').tree) as object | null;
  while (proto && !Object.prototype.hasOwnProperty.call(proto, '_decodeInt'))
    proto = Object.getPrototypeOf(proto) as object | null;
  if (!proto) throw new Error('asn1.js: DER decoder node not found; the pinned version changed');
  return proto as DecoderNodeProto;
}
