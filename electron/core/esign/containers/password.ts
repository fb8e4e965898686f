/**
 * Key passwords arrive as bytes (UTF-8 from the on-screen keyboard or stdin) and are tried in the
 * encodings key software uses: Windows-1251 first (IIT tools on Windows), then UTF-8. The password
 * never becomes a JS string (strings cannot be wiped): it is handled as code points in typed arrays,
 * and every buffer made here is wiped by the caller through `wipeAll`.
 */

let cp1251ByCodePoint: Map<number, number> | null = null;
let codePointByCp1251: Uint32Array | null = null;

function tables(): { enc: Map<number, number>; dec: Uint32Array } {
  if (cp1251ByCodePoint && codePointByCp1251) return { enc: cp1251ByCodePoint, dec: codePointByCp1251 };
  const decoder = new TextDecoder('windows-1251');
  const enc = new Map<number, number>();
  const dec = new Uint32Array(256);
  for (let b = 0; b < 256; b++) {
    const cp = decoder.decode(Uint8Array.of(b)).codePointAt(0) ?? 0xfffd;
    dec[b] = cp;
    if (cp !== 0xfffd && !enc.has(cp)) enc.set(cp, b);
  }
  cp1251ByCodePoint = enc;
  codePointByCp1251 = dec;
  return { enc, dec };
}

/** Strict UTF-8 → code points; null when the bytes are not UTF-8. */
function utf8CodePoints(bytes: Uint8Array): Uint32Array | null {
  const out = new Uint32Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] as number;
    let cp: number;
    let extra: number;
    if (b < 0x80) [cp, extra] = [b, 0];
    else if (b >= 0xc2 && b < 0xe0) [cp, extra] = [b & 0x1f, 1];
    else if (b >= 0xe0 && b < 0xf0) [cp, extra] = [b & 0x0f, 2];
    else if (b >= 0xf0 && b < 0xf5) [cp, extra] = [b & 0x07, 3];
    else {
      out.fill(0);
      return null;
    }
    if (i + extra >= bytes.length + (extra ? 0 : 1)) {
      out.fill(0);
      return null;
    }
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k] as number;
      if ((c & 0xc0) !== 0x80) {
        out.fill(0);
        return null;
      }
      cp = (cp << 6) | (c & 0x3f);
    }
    if (
      (extra === 2 && (cp < 0x800 || (cp >= 0xd800 && cp < 0xe000))) ||
      (extra === 3 && (cp < 0x10000 || cp > 0x10ffff))
    ) {
      out.fill(0);
      return null;
    }
    out[n++] = cp;
    i += extra + 1;
  }
  return out.subarray(0, n);
}

/** The password's characters: UTF-8 if the bytes are valid UTF-8, else read as Windows-1251. */
export function passwordCodePoints(password: Uint8Array): Uint32Array {
  const utf8 = utf8CodePoints(password);
  if (utf8) return utf8;
  const { dec } = tables();
  return Uint32Array.from(password, (b) => dec[b] as number);
}

/** Windows-1251 bytes of the characters, or null if one has no cp1251 form. */
export function encodeCp1251(codePoints: Uint32Array): Uint8Array | null {
  const { enc } = tables();
  const out = new Uint8Array(codePoints.length);
  for (let i = 0; i < codePoints.length; i++) {
    const b = enc.get(codePoints[i] as number);
    if (b === undefined) {
      out.fill(0);
      return null;
    }
    out[i] = b;
  }
  return out;
}

export function encodeUtf8(codePoints: Uint32Array): Uint8Array {
  const out = new Uint8Array(codePoints.length * 4);
  let n = 0;
  for (const cp of codePoints) {
    if (cp < 0x80) out[n++] = cp;
    else if (cp < 0x800) {
      out[n++] = 0xc0 | (cp >> 6);
      out[n++] = 0x80 | (cp & 0x3f);
    } else if (cp < 0x10000) {
      out[n++] = 0xe0 | (cp >> 12);
      out[n++] = 0x80 | ((cp >> 6) & 0x3f);
      out[n++] = 0x80 | (cp & 0x3f);
    } else {
      out[n++] = 0xf0 | (cp >> 18);
      out[n++] = 0x80 | ((cp >> 12) & 0x3f);
      out[n++] = 0x80 | ((cp >> 6) & 0x3f);
      out[n++] = 0x80 | (cp & 0x3f);
    }
  }
  const result = out.slice(0, n);
  out.fill(0);
  return result;
}

const same = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Byte forms to try for byte-oriented KDFs (PBES2, IIT store): cp1251 first, then UTF-8, then verbatim. */
export function passwordCandidates(password: Uint8Array): Uint8Array[] {
  const cps = passwordCodePoints(password);
  const out: Uint8Array[] = [];
  const cp = encodeCp1251(cps);
  if (cp) out.push(cp);
  const utf8 = encodeUtf8(cps);
  if (out.some((c) => same(c, utf8))) utf8.fill(0);
  else out.push(utf8);
  if (!out.some((c) => same(c, password))) out.push(Uint8Array.from(password));
  cps.fill(0);
  return out;
}

/** Java `char[]` form (UTF-16BE) for JKS key protection. */
export function passwordUtf16be(password: Uint8Array): Uint8Array {
  const cps = passwordCodePoints(password);
  const units: number[] = [];
  for (const cp of cps) {
    if (cp < 0x10000) units.push(cp);
    else units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
  }
  const out = new Uint8Array(units.length * 2);
  units.forEach((u, i) => {
    out[2 * i] = u >> 8;
    out[2 * i + 1] = u & 0xff;
  });
  units.fill(0);
  cps.fill(0);
  return out;
}

export function wipeAll(buffers: Iterable<Uint8Array | null | undefined>): void {
  for (const b of buffers) b?.fill(0);
}
