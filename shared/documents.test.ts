import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_LIMITS,
  checkDocumentJpeg,
  fitWithinLimits,
  inspectJpeg,
  partsFor,
  pictureSizeProblem,
} from './documents';

const segment = (marker: number, payload: number[]): number[] => {
  const length = payload.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...payload];
};

/** A JPEG's marker structure (no real picture: the kiosk never decodes in main). */
function jpeg(
  width: number,
  height: number,
  o: { sof?: number; frames?: number; entropy?: number; after?: number[] } = {},
): Uint8Array {
  const sof = segment(o.sof ?? 0xc0, [
    8,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    1,
    1,
    0x11,
    0,
  ]);
  const frames: number[] = [];
  for (let f = 0; f < (o.frames ?? 1); f++) frames.push(...sof);
  // entropy-coded bytes with a stuffed 0xFF00 and a restart marker inside
  const data = new Uint8Array(o.entropy ?? 64 + 4);
  for (let i = 0; i < data.length; i++) data[i] = (i * 37) & 0xfe;
  data.set([0xff, 0x00], 10);
  data.set([0xff, 0xd3], 30);
  const head = Uint8Array.from([
    0xff,
    0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(0xdb, [0, ...Array.from({ length: 64 }, () => 1)]),
    ...frames,
    ...segment(0xc4, [0, ...Array.from({ length: 16 }, () => 0)]),
    ...segment(0xda, [1, 1, 0, 0, 63, 0]),
  ]);
  const tail = Uint8Array.from([0xff, 0xd9, ...(o.after ?? [])]);
  const out = new Uint8Array(head.length + data.length + tail.length);
  out.set(head);
  out.set(data, head.length);
  out.set(tail, head.length + data.length);
  return out;
}

describe('inspectJpeg', () => {
  it('reads the frame size of a baseline and a progressive JPEG', () => {
    expect(inspectJpeg(jpeg(1280, 960))).toEqual({
      ok: true,
      info: { width: 1280, height: 960, progressive: false },
    });
    expect(inspectJpeg(jpeg(800, 1200, { sof: 0xc2 }))).toEqual({
      ok: true,
      info: { width: 800, height: 1200, progressive: true },
    });
  });

  it('refuses what is not one whole JPEG picture', () => {
    const good = jpeg(1280, 960);
    expect(inspectJpeg(new Uint8Array())).toEqual({ ok: false, problem: 'empty' });
    expect(inspectJpeg(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))).toMatchObject({
      problem: 'not-jpeg',
    });
    expect(inspectJpeg(good.subarray(0, good.length - 2))).toMatchObject({ problem: 'truncated' });
    expect(inspectJpeg(good.subarray(0, 30))).toMatchObject({ problem: 'truncated' });
    // two pictures in one file (a multi-picture file, a second page appended)
    const two = new Uint8Array([...good, ...good]);
    expect(inspectJpeg(two)).toMatchObject({ problem: 'several-images' });
    expect(inspectJpeg(jpeg(1280, 960, { frames: 2 }))).toMatchObject({ problem: 'several-images' });
    expect(inspectJpeg(jpeg(1280, 960, { after: [0, 0, 0] }))).toMatchObject({ problem: 'several-images' });
    expect(inspectJpeg(jpeg(0, 960))).toMatchObject({ problem: 'no-frame' });
  });

  it('refuses a file over eHealth’s 10 MB before reading it', () => {
    const big = new Uint8Array(DOCUMENT_LIMITS.maxBytes + 1);
    big.set(jpeg(1280, 960));
    expect(inspectJpeg(big)).toEqual({ ok: false, problem: 'too-large' });
  });
});

describe('document limits', () => {
  it('takes 10 MB exactly and refuses a byte more', () => {
    const base = jpeg(1280, 960);
    const exact = jpeg(1280, 960, { entropy: 68 + DOCUMENT_LIMITS.maxBytes - base.length });
    expect(exact.length).toBe(DOCUMENT_LIMITS.maxBytes);
    expect(checkDocumentJpeg(exact).ok).toBe(true);
    const over = jpeg(1280, 960, { entropy: 69 + DOCUMENT_LIMITS.maxBytes - base.length });
    expect(checkDocumentJpeg(over)).toEqual({ ok: false, problem: 'too-large' });
  });

  it('bounds the picture: legible, at most A4 at 300 dpi', () => {
    expect(pictureSizeProblem(2480, 3508)).toBeNull();
    expect(pictureSizeProblem(3508, 2480)).toBeNull();
    expect(pictureSizeProblem(640, 480)).toBeNull();
    expect(pictureSizeProblem(640, 479)).toBe('too-small');
    expect(pictureSizeProblem(2481, 3508)).toBe('too-big-picture');
    expect(pictureSizeProblem(2000, 3509)).toBe('too-big-picture');
    expect(checkDocumentJpeg(jpeg(4000, 3000))).toEqual({ ok: false, problem: 'too-big-picture' });
    expect(checkDocumentJpeg(jpeg(320, 240))).toEqual({ ok: false, problem: 'too-small' });
  });

  it('fits a camera frame or a phone photo within the bounds, keeping its shape, never enlarging', () => {
    expect(fitWithinLimits(1280, 960)).toEqual({ width: 1280, height: 960 });
    const photo = fitWithinLimits(4032, 3024);
    expect(photo).toEqual({ width: 3306, height: 2480 });
    expect(pictureSizeProblem(photo.width, photo.height)).toBeNull();
    const tall = fitWithinLimits(3000, 8000);
    expect(tall.height).toBe(3508);
    expect(pictureSizeProblem(tall.width, tall.height)).toBeNull();
  });

  it('splits an image into bridge-sized parts', () => {
    expect(partsFor(0)).toBe(1);
    expect(partsFor(DOCUMENT_LIMITS.partBytes)).toBe(1);
    expect(partsFor(DOCUMENT_LIMITS.partBytes + 1)).toBe(2);
    expect(partsFor(DOCUMENT_LIMITS.maxBytes)).toBe(20);
  });
});
