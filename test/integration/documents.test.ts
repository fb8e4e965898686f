/**
 * Documents eHealth asks for, on the person rig (sandbox, real sign-in, the real session manager):
 * a captured page lives in main's memory only while the session does — the session manager's end
 * overwrites it and forgets what was asked, so nothing of it reaches the next visitor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_LIMITS } from '#shared/documents';
import { startPersonRig, type PersonRig } from './person-rig';

let rig: PersonRig;

beforeAll(async () => {
  rig = await startPersonRig();
}, 120_000);

afterAll(async () => {
  await rig?.close();
});

/** A JPEG's structure of the given size (main checks the structure; it never decodes). */
function page(width: number, height: number, length: number): Buffer {
  const seg = (m: number, p: number[]) => [0xff, m, (p.length + 2) >> 8, (p.length + 2) & 0xff, ...p];
  const head = Buffer.from([
    0xff,
    0xd8,
    ...seg(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]),
    ...seg(0xda, [1, 1, 0, 0, 63, 0]),
  ]);
  return Buffer.concat([head, Buffer.alloc(length - head.length - 2, 0x35), Buffer.from([0xff, 0xd9])]);
}

describe('a captured page and the session', () => {
  it('is overwritten and forgotten when the session manager ends the session', async () => {
    const ctx = await rig.patient.signIn('adult-no-declaration');
    const documents = rig.person.documents;
    expect(
      documents.require(ctx.sessionId, { documents: [{ type: 'PASSPORT', url: `${rig.sb.baseUrl}/x` }] }),
    ).toEqual(['PASSPORT']);
    const bytes = page(1280, 960, DOCUMENT_LIMITS.partBytes + 4096);
    for (let part = 0; part < 2; part++) {
      const data = bytes.subarray(part * DOCUMENT_LIMITS.partBytes, (part + 1) * DOCUMENT_LIMITS.partBytes);
      expect(
        documents.receivePart({ type: 'PASSPORT', part, parts: 2, data: data.toString('base64') }).ok,
      ).toBe(true);
    }
    // what main holds of the picture, to see that its bytes are overwritten (not only let go)
    const held = (documents as unknown as { held: { images: Map<string, { parts: Buffer[] }> } }).held;
    const parts = [...held.images.get('PASSPORT')!.parts];
    expect(Buffer.concat(parts).equals(bytes)).toBe(true);

    await rig.sessions.end('finish');
    expect(parts.every((p) => p.every((b) => b === 0))).toBe(true);
    expect((documents as unknown as { held: unknown }).held).toBeNull();

    // the next visitor finds nothing asked and nothing to upload
    await rig.patient.signIn('adult-with-declaration');
    expect(documents.view()).toEqual({ ok: true, value: { documents: [], complete: true } });
    const upload = await documents.upload('PASSPORT');
    expect(upload).toMatchObject({ ok: false, error: { code: 'FLOW_EXPIRED' } });
  });
});
