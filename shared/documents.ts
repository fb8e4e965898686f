/**
 * A captured document as eHealth takes it: one page, a baseline or progressive JPEG of at most 10 MB
 * (eHealth's limit for a document scan uploaded by PUT). The kiosk adds its own bounds on the picture's
 * size so that a page stays legible without being needlessly large: the longer side at most that of
 * A4 at 300 dpi, the shorter one at least a VGA frame. The renderer converts to these limits; main
 * checks them again before anything leaves the kiosk (the renderer is not trusted).
 */

export const DOCUMENT_LIMITS = Object.freeze({
  /** eHealth's ceiling for one uploaded document. */
  maxBytes: 10 * 1000 * 1000,
  /** A4 at 300 dpi: 2480 × 3508. */
  maxLongSide: 3508,
  maxShortSide: 2480,
  /** Below this the text of a document is not readable. */
  minShortSide: 480,
  /** How big a picture the kiosk reads from a medium before converting it (a phone's photo fits). */
  maxSourceBytes: 25 * 1000 * 1000,
  /** Each part of an image travelling from the page to main (the bridge's messages stay small). */
  partBytes: 512 * 1024,
});

export interface JpegInfo {
  width: number;
  height: number;
  progressive: boolean;
}

export type JpegProblem =
  | 'empty'
  | 'too-large'
  | 'not-jpeg'
  | 'truncated'
  | 'no-frame'
  | 'several-images'
  | 'too-small'
  | 'too-big-picture';

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
/** Start-of-frame markers: C0–CF except DHT (C4), JPG (C8) and DAC (CC). */
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
/** Markers without a length: TEM, RST0–7. */
const standalone = (m: number) => m === 0x01 || (m >= 0xd0 && m <= 0xd7);

/**
 * Reads a JPEG's structure without decoding it: SOI, the segments up to the scans, exactly one frame,
 * the entropy-coded data and a final EOI — nothing after it (a second image appended, as multi-picture
 * files and some scanners do, is refused: one page means one picture). Returns the frame's size.
 */
export function inspectJpeg(
  bytes: Uint8Array,
): { ok: true; info: JpegInfo } | { ok: false; problem: JpegProblem } {
  const fail = (problem: JpegProblem) => ({ ok: false as const, problem });
  if (bytes.length === 0) return fail('empty');
  if (bytes.length > DOCUMENT_LIMITS.maxBytes) return fail('too-large');
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== SOI) return fail('not-jpeg');
  let i = 2;
  let frame: JpegInfo | null = null;
  let frames = 0;
  let scans = 0;
  for (;;) {
    if (i >= bytes.length) return fail('truncated');
    if (bytes[i] !== 0xff) {
      // entropy-coded data after a scan: skip to the next marker that is not a stuffed zero or a restart
      if (scans === 0) return fail('not-jpeg');
      i++;
      continue;
    }
    const marker = bytes[i + 1];
    if (marker === undefined) return fail('truncated');
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0x00 || standalone(marker)) {
      if (scans === 0 && marker === 0x00) return fail('not-jpeg');
      i += 2;
      continue;
    }
    if (marker === EOI) {
      if (!frame || scans === 0) return fail('no-frame');
      if (i + 2 !== bytes.length) return fail('several-images');
      break;
    }
    if (marker === SOI) return fail('several-images');
    if (i + 4 > bytes.length) return fail('truncated');
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    if (length < 2 || i + 2 + length > bytes.length) return fail('truncated');
    if (isSof(marker)) {
      frames++;
      if (frames > 1) return fail('several-images');
      if (length < 8) return fail('truncated');
      const height = (bytes[i + 5]! << 8) | bytes[i + 6]!;
      const width = (bytes[i + 7]! << 8) | bytes[i + 8]!;
      frame = { width, height, progressive: marker === 0xc2 || marker === 0xc6 };
    }
    if (marker === SOS) {
      if (!frame) return fail('no-frame');
      scans++;
    }
    i += 2 + length;
  }
  if (!frame || frame.width === 0 || frame.height === 0) return fail('no-frame');
  return ok(frame);
}

const ok = (info: JpegInfo) => ({ ok: true as const, info });

/** Whether a picture of this size is within the kiosk's bounds for a document page. */
export function pictureSizeProblem(width: number, height: number): JpegProblem | null {
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  if (short < DOCUMENT_LIMITS.minShortSide) return 'too-small';
  if (long > DOCUMENT_LIMITS.maxLongSide || short > DOCUMENT_LIMITS.maxShortSide) return 'too-big-picture';
  return null;
}

/** A JPEG eHealth and the kiosk both accept as one document page, or what is wrong with it. */
export function checkDocumentJpeg(
  bytes: Uint8Array,
): { ok: true; info: JpegInfo } | { ok: false; problem: JpegProblem } {
  const r = inspectJpeg(bytes);
  if (!r.ok) return r;
  const size = pictureSizeProblem(r.info.width, r.info.height);
  return size ? { ok: false, problem: size } : r;
}

/**
 * The size to draw a picture of `width` × `height` at so that it fits the bounds, keeping its shape
 * (never enlarged; a picture too small stays as it is and is refused by the check).
 */
export function fitWithinLimits(width: number, height: number): { width: number; height: number } {
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  const scale = Math.min(1, DOCUMENT_LIMITS.maxLongSide / long, DOCUMENT_LIMITS.maxShortSide / short);
  return { width: Math.max(1, Math.floor(width * scale)), height: Math.max(1, Math.floor(height * scale)) };
}

/** How many parts of `partBytes` an image of `total` bytes travels in. */
export const partsFor = (total: number): number => Math.max(1, Math.ceil(total / DOCUMENT_LIMITS.partBytes));
