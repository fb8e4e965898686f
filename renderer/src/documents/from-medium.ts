/**
 * A picture chosen on the inserted memory stick: main reads it (bounded, from the removable media
 * only) and hands it over in parts; here the parts become one image, which is then drawn as a
 * document page like a camera frame (to-jpeg.ts).
 */
import type { ChannelResponse } from '#shared/contract';
import type { KioskError, Result } from '#shared/result';

/** One part of a picture as main hands it over. */
export type MediumPart = ChannelResponse<'documentsMediumRead'>;

const bytesOf = (b64: string): Uint8Array => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

/** All parts of a listed picture, as a Blob of its own type; `readPart` asks main for one part. */
export async function readMediumPicture(
  readPart: (part: number) => Promise<Result<MediumPart>>,
): Promise<Result<Blob>> {
  const chunks: Uint8Array[] = [];
  let parts = 1;
  let mime = 'image/jpeg';
  for (let part = 0; part < parts; part++) {
    const r = await readPart(part);
    if (!r.ok) return r;
    parts = r.value.parts;
    mime = r.value.mime;
    chunks.push(bytesOf(r.value.data));
  }
  const blob = new Blob(chunks as Uint8Array<ArrayBuffer>[], { type: mime });
  for (const c of chunks) c.fill(0);
  return { ok: true, value: blob };
}

/** The picture decoded for drawing, or why it cannot be. */
export async function decodePicture(blob: Blob): Promise<Result<ImageBitmap>> {
  try {
    return { ok: true, value: await createImageBitmap(blob) };
  } catch {
    const error: KioskError = {
      code: 'DOCUMENT_INVALID',
      message: 'the picture could not be decoded',
      details: { problem: 'not-jpeg' },
    };
    return { ok: false, error };
  }
}
