/**
 * What eHealth's storage takes as a document scan: "one one-page document in jpeg format … no more than
 * 10MB". The type is read from the bytes (the SOI marker, a frame header with the picture's size, and
 * the EOI marker), never from a file name; a JPEG carrying several pictures (the Multi-Picture Format
 * of cameras) is not one page.
 */

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export type JpegVerdict =
  | { ok: true; width: number; height: number }
  | { ok: false; reason: 'empty' | 'too-large' | 'not-jpeg' | 'truncated' | 'no-frame' | 'multi-page' };

/** Start-of-frame markers (baseline, extended, progressive, lossless; not DHT C4, JPG C8, DAC CC). */
const isSof = (m: number): boolean => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

export function inspectJpeg(bytes: Uint8Array): JpegVerdict {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > MAX_DOCUMENT_BYTES) return { ok: false, reason: 'too-large' };
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff)
    return { ok: false, reason: 'not-jpeg' };
  let end = bytes.length;
  while (end > 2 && bytes[end - 1] === 0x00) end -= 1; // some writers pad after EOI
  if (bytes[end - 2] !== 0xff || bytes[end - 1] !== 0xd9) return { ok: false, reason: 'truncated' };

  let frame: { width: number; height: number } | null = null;
  let i = 2;
  while (i < end) {
    if (bytes[i] !== 0xff) return { ok: false, reason: 'not-jpeg' };
    while (i < end && bytes[i] === 0xff) i += 1; // fill bytes
    const marker = bytes[i] as number;
    i += 1;
    if (marker === 0xd9) break;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // no length
    if (i + 2 > end) return { ok: false, reason: 'truncated' };
    const length = ((bytes[i] as number) << 8) | (bytes[i + 1] as number);
    if (length < 2 || i + length > end) return { ok: false, reason: 'truncated' };
    if (marker === 0xe2 && length >= 6 && ascii(bytes, i + 2, 4) === 'MPF\0')
      return { ok: false, reason: 'multi-page' };
    if (isSof(marker)) {
      if (length < 7) return { ok: false, reason: 'truncated' };
      const height = ((bytes[i + 3] as number) << 8) | (bytes[i + 4] as number);
      const width = ((bytes[i + 5] as number) << 8) | (bytes[i + 6] as number);
      frame = { width, height };
    }
    if (marker === 0xda) break; // entropy-coded data follows; the EOI at the end was checked above
    i += length;
  }
  if (!frame || frame.width === 0 || frame.height === 0) return { ok: false, reason: 'no-frame' };
  return { ok: true, ...frame };
}

const ascii = (b: Uint8Array, from: number, n: number): string =>
  String.fromCharCode(...b.subarray(from, from + n));
