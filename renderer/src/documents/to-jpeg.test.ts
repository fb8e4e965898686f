import { describe, expect, it } from 'vitest';
import { DOCUMENT_LIMITS } from '#shared/documents';
import { base64Of, toDocumentJpeg, type EncodeJpeg } from './to-jpeg';

/** An encoder whose output grows with the area and the quality, recording what it was asked. */
function fakeEncoder(bytesPerPixelAtFull: number) {
  const calls: { width: number; height: number; quality: number }[] = [];
  const encode: EncodeJpeg = (width, height, quality) => {
    calls.push({ width, height, quality });
    // only the length matters here: no need to allocate what a real encoder would
    const byteLength = Math.round(width * height * bytesPerPixelAtFull * quality);
    return Promise.resolve({ byteLength } as Uint8Array);
  };
  return { encode, calls };
}

describe('toDocumentJpeg', () => {
  it('keeps a camera frame’s size and the best quality when it fits', async () => {
    const { encode, calls } = fakeEncoder(0.5);
    const r = await toDocumentJpeg({ width: 1280, height: 960 }, encode);
    expect(r).toMatchObject({ ok: true, width: 1280, height: 960, quality: 0.9 });
    expect(calls).toHaveLength(1);
  });

  it('draws a large photo at most A4 at 300 dpi', async () => {
    const { encode } = fakeEncoder(0.5);
    const r = await toDocumentJpeg({ width: 4032, height: 3024 }, encode);
    expect(r).toMatchObject({ ok: true, width: 3306, height: 2480 });
  });

  it('lowers the quality, then the size, until the page is within 10 MB', async () => {
    // at full size and quality 0.9 this is ~16 MB; 0.6 still 10.9 MB; 0.5 fits (9.1 MB)
    const { encode, calls } = fakeEncoder(2.2);
    const r = await toDocumentJpeg({ width: 2480, height: 3508 }, encode);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.bytes.byteLength).toBeLessThanOrEqual(DOCUMENT_LIMITS.maxBytes);
    expect(calls.map((c) => c.quality)).toEqual([0.9, 0.8, 0.7, 0.6, 0.5]);
    // a picture that stays too big at every quality is drawn smaller
    const heavy = fakeEncoder(5);
    const small = await toDocumentJpeg({ width: 2480, height: 3508 }, heavy.encode);
    expect(small.ok).toBe(true);
    if (!small.ok) return;
    expect(small.width).toBeLessThan(2480);
    expect(small.bytes.byteLength).toBeLessThanOrEqual(DOCUMENT_LIMITS.maxBytes);
  });

  it('refuses a picture too small to read, and one that never fits without becoming unreadable', async () => {
    expect(await toDocumentJpeg({ width: 320, height: 240 }, fakeEncoder(0.5).encode)).toEqual({
      ok: false,
      problem: 'too-small',
    });
    expect(await toDocumentJpeg({ width: 2480, height: 3508 }, fakeEncoder(500).encode)).toEqual({
      ok: false,
      problem: 'too-large',
    });
    expect(
      await toDocumentJpeg({ width: 1280, height: 960 }, () => Promise.reject(new Error('no canvas'))),
    ).toEqual({ ok: false, problem: 'encode-failed' });
  });
});

describe('base64Of', () => {
  it('encodes any length exactly as the whole would be', () => {
    for (const n of [0, 1, 2, 3, 0x6000, 0x6001, 100_000]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 131) & 0xff);
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      expect(base64Of(bytes)).toBe(btoa(binary));
    }
  });
});
