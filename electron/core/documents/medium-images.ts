/**
 * Pictures of a document on an inserted medium (a memory stick), for the capture screen: main looks
 * only inside the removable media's folders (the same MediaSource that finds key files), a few levels
 * deep, at regular files — never a link — named .jpg/.jpeg/.png and no bigger than
 * DOCUMENT_LIMITS.maxSourceBytes. The page gets an opaque id, the file's own name and its size, never
 * a path; it reads a chosen picture in bridge-sized parts, checked to be a JPEG or PNG by its bytes.
 * What was read stays in memory only, for this session, and is overwritten when it ends.
 */
import { randomUUID } from 'node:crypto';
import { lstat, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DOCUMENT_LIMITS, partsFor } from '#shared/documents';
import { err, ok, type Result } from '#shared/result';
import type { MediaSource } from '../esign';
import { readFileBounded, TooLargeError } from '../io';

export interface MediumImage {
  id: string;
  name: string;
  bytes: number;
}

export interface MediumImagePart {
  part: number;
  parts: number;
  mime: 'image/jpeg' | 'image/png';
  data: string;
}

const PICTURE = /\.(jpe?g|png)$/i;
const MAX_DEPTH = 3;
const MAX_ENTRIES = 2_000;
const MAX_IMAGES = 50;

const mimeOf = (b: Uint8Array): MediumImagePart['mime'] | null => {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length >= 8 && png.every((x, i) => b[i] === x)) return 'image/png';
  return null;
};

export class MediumImages {
  private sessionId: string | null = null;
  private paths = new Map<string, string>();
  private read: { id: string; bytes: Buffer; mime: MediumImagePart['mime'] } | null = null;

  constructor(private readonly media: MediaSource) {}

  /** The pictures on the inserted media now (a new list replaces the ids of the last one). */
  async list(sessionId: string): Promise<Result<{ images: MediumImage[] }>> {
    this.forget();
    this.sessionId = sessionId;
    const media = await this.media.list().catch(() => []);
    const images: MediumImage[] = [];
    let seen = 0;
    const walk = async (dir: string, depth: number): Promise<void> => {
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        if (++seen > MAX_ENTRIES || images.length >= MAX_IMAGES) return;
        if (e.name.startsWith('.')) continue;
        const path = join(dir, e.name);
        // lstat: a link is never followed (it could lead off the medium)
        const st = await lstat(path).catch(() => null);
        if (!st || st.isSymbolicLink()) continue;
        if (st.isDirectory()) {
          if (depth < MAX_DEPTH) await walk(path, depth + 1);
          continue;
        }
        if (
          !st.isFile() ||
          !PICTURE.test(e.name) ||
          st.size === 0 ||
          st.size > DOCUMENT_LIMITS.maxSourceBytes
        )
          continue;
        const id = randomUUID();
        this.paths.set(id, path);
        images.push({ id, name: basename(path).slice(0, 120), bytes: st.size });
      }
    };
    for (const m of media) await walk(m.root, 1);
    if (!images.length) return err('MEDIUM_NO_IMAGES', 'no pictures on the inserted media');
    return ok({ images });
  }

  /** One bridge-sized part of a listed picture (read whole, bounded, on its first part). */
  async part(sessionId: string, id: string, part: number): Promise<Result<MediumImagePart>> {
    if (this.sessionId !== sessionId) return err('FLOW_EXPIRED', 'list the pictures on the medium first');
    const path = this.paths.get(id);
    if (!path) return err('FLOW_EXPIRED', 'this picture is no longer listed');
    if (this.read?.id !== id) {
      this.drop();
      let bytes: Uint8Array;
      try {
        bytes = await readFileBounded(path, DOCUMENT_LIMITS.maxSourceBytes);
      } catch (e) {
        return e instanceof TooLargeError
          ? err('DOCUMENT_TOO_LARGE', 'the picture is too large to read')
          : err('NOT_AVAILABLE', 'the picture could not be read from the medium');
      }
      const mime = mimeOf(bytes);
      if (!mime)
        return err('DOCUMENT_INVALID', 'the file is not a JPEG or PNG picture', { problem: 'not-jpeg' });
      this.read = { id, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), mime };
    }
    const { bytes, mime } = this.read;
    const parts = partsFor(bytes.byteLength);
    if (part < 0 || part >= parts) return err('BAD_REQUEST', 'no such part of the picture');
    const slice = bytes.subarray(part * DOCUMENT_LIMITS.partBytes, (part + 1) * DOCUMENT_LIMITS.partBytes);
    return ok({ part, parts, mime, data: slice.toString('base64') });
  }

  /** Forgets the list and overwrites what was read (session end, a new list). */
  forget(): void {
    this.drop();
    this.paths.clear();
    this.sessionId = null;
  }

  private drop(): void {
    this.read?.bytes.fill(0);
    this.read = null;
  }
}
