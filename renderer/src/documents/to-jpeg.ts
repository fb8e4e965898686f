/**
 * Turns a picture (a camera frame, an image from a memory stick) into one document page as eHealth
 * takes it: a JPEG within DOCUMENT_LIMITS. The picture is drawn at most A4 at 300 dpi, then encoded at
 * falling quality until it fits 10 MB; if even the lowest quality does not fit, it is drawn smaller and
 * tried again — never below a legible size. The canvas is a port so the steps can be tested without one.
 */
import { DOCUMENT_LIMITS, fitWithinLimits, pictureSizeProblem } from '#shared/documents';

export interface PageSource {
  width: number;
  height: number;
}

/** Draws the source at a size and encodes it as JPEG at a quality (0–1). */
export type EncodeJpeg = (width: number, height: number, quality: number) => Promise<Uint8Array>;

export type PageProblem = 'too-small' | 'too-large' | 'encode-failed';

export type PageResult =
  | { ok: true; bytes: Uint8Array; width: number; height: number; quality: number }
  | { ok: false; problem: PageProblem };

export const QUALITIES = [0.9, 0.8, 0.7, 0.6, 0.5] as const;
const SHRINK = 0.8;

export async function toDocumentJpeg(source: PageSource, encode: EncodeJpeg): Promise<PageResult> {
  let { width, height } = fitWithinLimits(source.width, source.height);
  if (pictureSizeProblem(width, height) === 'too-small') return { ok: false, problem: 'too-small' };
  for (;;) {
    for (const quality of QUALITIES) {
      let bytes: Uint8Array;
      try {
        bytes = await encode(width, height, quality);
      } catch {
        return { ok: false, problem: 'encode-failed' };
      }
      if (bytes.byteLength > 0 && bytes.byteLength <= DOCUMENT_LIMITS.maxBytes)
        return { ok: true, bytes, width, height, quality };
    }
    const next = { width: Math.floor(width * SHRINK), height: Math.floor(height * SHRINK) };
    if (pictureSizeProblem(next.width, next.height) === 'too-small')
      return { ok: false, problem: 'too-large' };
    ({ width, height } = next);
  }
}

/** The browser's encoder: draws `image` on a canvas of the given size and asks it for a JPEG. */
export function canvasEncoder(image: CanvasImageSource): EncodeJpeg {
  return async (width, height, quality) => {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d canvas');
    // a white page under the picture: transparent parts of a PNG do not turn black in the JPEG
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    canvas.width = 0;
    canvas.height = 0;
    if (!blob) throw new Error('the canvas gave no JPEG');
    return new Uint8Array(await blob.arrayBuffer());
  };
}

/** base64 of bytes, in slices (String.fromCharCode takes a bounded number of arguments). */
export function base64Of(bytes: Uint8Array): string {
  let out = '';
  const slice = 0x6000; // a multiple of 3: no padding between slices
  for (let i = 0; i < bytes.length; i += slice) {
    out += btoa(String.fromCharCode(...bytes.subarray(i, i + slice)));
  }
  return out;
}
