import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DOCUMENT_LIMITS } from '#shared/documents';
import { folderMedia } from '../session/folder-media';
import { MediumImages } from './medium-images';

let dir: string;
let outside: string;

const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.alloc(DOCUMENT_LIMITS.partBytes + 100, 7),
]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-media-'));
  outside = mkdtempSync(join(tmpdir(), 'kiosk-outside-'));
  // one inserted stick with pictures, a key file, a hidden file and a link off the medium
  const stick = join(dir, 'STICK');
  mkdirSync(join(stick, 'scans', 'old'), { recursive: true });
  writeFileSync(join(stick, 'passport.jpg'), JPEG);
  writeFileSync(join(stick, 'scans', 'page.PNG'), PNG);
  writeFileSync(join(stick, 'scans', 'fake.jpeg'), 'not a picture at all');
  writeFileSync(join(stick, 'Key-6.dat'), 'key');
  writeFileSync(join(stick, '.hidden.jpg'), JPEG);
  writeFileSync(join(outside, 'secret.jpg'), JPEG);
  symlinkSync(join(outside, 'secret.jpg'), join(stick, 'link.jpg'));
  symlinkSync(outside, join(stick, 'linked-folder'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('pictures on an inserted medium', () => {
  it('lists the pictures by name and size only, never a link, a hidden file or anything else', async () => {
    const m = new MediumImages(folderMedia(dir));
    const r = await m.list('s1');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.images.map((i) => i.name).sort()).toEqual(['fake.jpeg', 'page.PNG', 'passport.jpg']);
    expect(JSON.stringify(r.value)).not.toContain(dir);
    expect(r.value.images.find((i) => i.name === 'passport.jpg')?.bytes).toBe(JPEG.length);
  });

  it('reads a picture in parts, checks its bytes, and only for the session that listed it', async () => {
    const m = new MediumImages(folderMedia(dir));
    const r = await m.list('s1');
    if (!r.ok) throw new Error('list');
    const id = (name: string) => r.value.images.find((i) => i.name === name)!.id;
    const first = await m.part('s1', id('passport.jpg'), 0);
    expect(first).toMatchObject({ ok: true, value: { part: 0, parts: 2, mime: 'image/jpeg' } });
    const second = await m.part('s1', id('passport.jpg'), 1);
    if (!first.ok || !second.ok) throw new Error('parts');
    const whole = Buffer.concat([
      Buffer.from(first.value.data, 'base64'),
      Buffer.from(second.value.data, 'base64'),
    ]);
    expect(whole.equals(JPEG)).toBe(true);
    expect(await m.part('s1', id('page.PNG'), 0)).toMatchObject({ ok: true, value: { mime: 'image/png' } });
    expect(await m.part('s1', id('fake.jpeg'), 0)).toMatchObject({
      ok: false,
      error: { code: 'DOCUMENT_INVALID' },
    });
    expect(await m.part('s2', id('passport.jpg'), 0)).toMatchObject({
      ok: false,
      error: { code: 'FLOW_EXPIRED' },
    });
    m.forget();
    expect(await m.part('s1', id('passport.jpg'), 0)).toMatchObject({
      ok: false,
      error: { code: 'FLOW_EXPIRED' },
    });
  });

  it('leaves out a picture bigger than the kiosk reads, and says when there is none', async () => {
    rmSync(join(dir, 'STICK'), { recursive: true });
    mkdirSync(join(dir, 'BIG'));
    writeFileSync(join(dir, 'BIG', 'huge.jpg'), Buffer.alloc(DOCUMENT_LIMITS.maxSourceBytes + 1));
    const r = await new MediumImages(folderMedia(dir)).list('s1');
    expect(r).toMatchObject({ ok: false, error: { code: 'MEDIUM_NO_IMAGES' } });
  });
});
