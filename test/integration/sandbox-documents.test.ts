import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox';
import { greyJpeg } from './jpeg-fixture';
import { call, signAs, signIn, TEST_KEYS_DIR, type ApiResponse } from './sandbox-helpers';

let sb: SandboxHandle;
let offsetMs = 0;
const base = Date.parse('2026-06-15T07:45:00.000Z');

beforeAll(async () => {
  sb = await startSandbox({
    keysCacheDir: TEST_KEYS_DIR,
    seed: 'small',
    now: () => new Date(base + offsetMs),
  });
});
afterAll(async () => {
  await sb?.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON from the API
async function currentPerson(token: string): Promise<any> {
  const p = (await call(sb, 'GET', '/api/pis/person', { token })).body.data;
  const { id: _id, verification: _v, confidant_person: _c, ...rest } = p;
  return rest;
}

const submit = (token: string, person: unknown) =>
  call(sb, 'POST', '/api/pis/person_requests', {
    token,
    body: { person, patient_signed: false, process_disclosure_data_consent: true },
  });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON from the API
const toSign = (data: any) => {
  const { inserted_at: _i, updated_at: _u, ...rest } = data;
  return { ...rest, patient_signed: true };
};

async function put(url: string, body: Uint8Array | string, contentType = 'image/jpeg'): Promise<ApiResponse> {
  const res = await fetch(url, { method: 'PUT', headers: { 'content-type': contentType }, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : null };
}

const documentsOf = async (personaId: string) =>
  (await call(sb, 'GET', `/sandbox/person_documents?persona_id=${personaId}`, { apiKey: null })).body
    .data as { id: string; type: string; status: string; sha256: string | null; width: number | null }[];

describe('documents for a person request', () => {
  it('a change of name asks for the ID card, takes a JPEG by PUT, then signs and completes', async () => {
    const persona = 'adult-no-declaration';
    const token = (await signIn(sb, persona)).access;
    const person = await currentPerson(token);
    expect((await call(sb, 'POST', '/api/pis/documents', { token })).body.data).toEqual([]);

    const r = await submit(token, { ...person, last_name: 'Коваленко' });
    expect(r.status).toBe(201);
    const asked = r.body.urgent.documents as { type: string; url: string }[];
    expect(asked).toEqual([
      { type: 'NATIONAL_ID', number: person.documents[0].number, url: expect.stringMatching(/^http:\/\//) },
    ]);
    const url = asked[0]!.url;
    expect(url.startsWith(`${sb.baseUrl}/storage/person_documents/`)).toBe(true);
    const id = r.body.data.id as string;

    // the same list from the documents endpoint and the request's details
    const listed = await call(sb, 'POST', '/api/pis/documents', { token });
    expect(listed.status).toBe(201);
    expect(listed.body.data).toEqual([{ type: 'NATIONAL_ID', url: expect.any(String) }]);
    const details = await call(sb, 'GET', `/api/pis/person_requests/${id}`, { token });
    expect(details.body.urgent.documents).toEqual([
      { type: 'NATIONAL_ID', is_uploaded: false, url: expect.any(String) },
    ]);

    // signing before the scan is there is refused
    const signed = await signAs(sb, persona, toSign(details.body.data));
    const early = await call(sb, 'PATCH', `/api/pis/person_requests/${id}/actions/complete`, {
      token,
      body: { signed_content: signed, signed_content_encoding: 'base64' },
    });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/uploaded.*NATIONAL_ID/);

    const scan = greyJpeg(1240, 1754);
    const up = await put(url, scan);
    expect(up.status).toBe(200);
    const digest = createHash('sha256').update(scan).digest('hex');
    expect(up.headers.get('etag')).toBe(`"${digest}"`);
    expect((await call(sb, 'POST', '/api/pis/documents', { token })).body.data).toEqual([]);
    expect(
      (await call(sb, 'GET', `/api/pis/person_requests/${id}`, { token })).body.urgent.documents,
    ).toEqual([{ type: 'NATIONAL_ID', is_uploaded: true, url: expect.any(String) }]);

    const done = await call(sb, 'PATCH', `/api/pis/person_requests/${id}/actions/complete`, {
      token,
      body: { signed_content: signed, signed_content_encoding: 'base64' },
    });
    expect(done.status).toBe(200);
    expect((await currentPerson(token)).last_name).toBe('Коваленко');

    const complete = await call(sb, 'PATCH', '/api/pis/documents/actions/complete', { token });
    expect(complete.status).toBe(200);
    expect(complete.body.data).toEqual([]);
    const verification = await call(sb, 'GET', '/api/pis/person/verification', { token });
    expect(verification.body.data.person_verification.details.nhs).toMatchObject({
      verification_status: 'VERIFICATION_NEEDED',
    });

    const stored = await documentsOf(persona);
    expect(stored).toEqual([
      expect.objectContaining({ type: 'NATIONAL_ID', status: 'SUBMITTED', sha256: digest, width: 1240 }),
    ]);
    const image = await fetch(`${sb.baseUrl}/sandbox/person_documents/${stored[0]!.id}/content`);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await image.arrayBuffer()).equals(Buffer.from(scan))).toBe(true);

    // a submitted scan can not be replaced
    expect((await put(url, greyJpeg(10, 10))).status).toBe(409);
  });

  it('a change of contacts only needs no document', async () => {
    const token = (await signIn(sb, 'adult-with-apps')).access;
    const r = await submit(token, { ...(await currentPerson(token)), email: 'taras.new@example.com' });
    expect(r.status).toBe(201);
    expect(r.body.urgent.documents).toEqual([]);
    expect((await call(sb, 'PATCH', '/api/pis/documents/actions/complete', { token })).body.data).toEqual([]);
  });
});

describe('the upload URL', () => {
  it('refuses what is not a one-page JPEG of at most 10 MB, each with its own error', async () => {
    const token = (await signIn(sb, 'adult-with-apps')).access;
    const person = await currentPerson(token);
    const r = await submit(token, { ...person, first_name: 'Оксана' });
    const url = r.body.urgent.documents[0].url as string;

    const png = await put(url, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'image/png');
    expect(png.status).toBe(415);
    expect(png.body).toMatchObject({ error: { type: 'content_type_invalid' } });

    const pngAsJpeg = await put(url, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(pngAsJpeg.status).toBe(422);
    expect(pngAsJpeg.body).toMatchObject({
      error: {
        type: 'validation_failed',
        invalid: [
          { entry_type: 'body', rules: [{ rule: 'format', description: expect.stringMatching(/JPEG/) }] },
        ],
      },
    });

    const whole = greyJpeg(100, 100);
    const cut = await put(url, whole.subarray(0, whole.length - 20));
    expect(cut.status).toBe(422);
    expect(cut.body.error.invalid[0].rules[0].description).toMatch(/incomplete/);

    const empty = await put(url, new Uint8Array());
    expect(empty.status).toBe(422);

    const big = await put(url, greyJpeg(2000, 2000, { totalBytes: 10 * 1024 * 1024 + 1 }));
    expect(big.status).toBe(413);
    expect(big.body.error).toMatchObject({
      type: 'request_too_large',
      message: expect.stringMatching(/10 MB/),
    });
    expect((await documentsOf('adult-with-apps'))[0]).toMatchObject({ status: 'NEW', sha256: null });

    const justRight = await put(url, greyJpeg(2000, 2000, { totalBytes: 10 * 1024 * 1024 }));
    expect(justRight.status).toBe(200);

    const forged = url.replace(
      /signature=([0-9a-f])/,
      (_m, c: string) => `signature=${c === '0' ? '1' : '0'}`,
    );
    expect((await put(forged, greyJpeg(10, 10))).status).toBe(403);
    expect((await put(url.replace(/\?.*$/, ''), greyJpeg(10, 10))).status).toBe(403);
    expect((await fetch(url)).status).toBe(405);
  });

  it('expires after an hour; the documents endpoint hands out a fresh one', async () => {
    const persona = 'teen-16-capacity';
    const token = (await signIn(sb, persona)).access;
    const r = await submit(token, { ...(await currentPerson(token)), second_name: 'Олегович' });
    const old = r.body.urgent.documents[0].url as string;
    offsetMs += 61 * 60_000;
    const late = await put(old, greyJpeg(10, 10));
    expect(late.status).toBe(403);
    expect(late.body.error.message).toMatch(/expired/);
    const fresh = (await signIn(sb, persona)).access;
    const again = await call(sb, 'POST', '/api/pis/documents', { token: fresh });
    expect(again.body.data).toHaveLength(1);
    expect((await put(again.body.data[0].url, greyJpeg(10, 10))).status).toBe(200);
  });

  it('a newer request cancels the older one and what it asked for', async () => {
    const persona = 'adult-no-declaration';
    const token = (await signIn(sb, persona)).access;
    const person = await currentPerson(token);
    const first = await submit(token, { ...person, first_name: 'Богдан' });
    const oldUrl = first.body.urgent.documents[0].url as string;
    const second = await submit(token, { ...person, phones: [{ type: 'MOBILE', number: '+380501234577' }] });
    expect(second.body.urgent.documents).toEqual([]);
    expect((await call(sb, 'POST', '/api/pis/documents', { token })).body.data).toEqual([]);
    const stale = await put(oldUrl, greyJpeg(10, 10));
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/no longer needed/);
  });

  it('sits behind the same link as eHealth: an outage drops an upload, a drop after storing keeps it', async () => {
    const persona = 'adult-with-apps';
    const token = (await signIn(sb, persona)).access;
    const r = await submit(token, { ...(await currentPerson(token)), last_name: 'Сергієнко-Бойко' });
    const url = r.body.urgent.documents[0].url as string;
    const scan = greyJpeg(320, 200);
    sb.faults.set({ outage: true });
    try {
      await expect(put(url, scan)).rejects.toThrow();
    } finally {
      sb.faults.reset();
    }
    const open = (await documentsOf(persona)).filter((d) => d.status === 'NEW');
    expect(open).toHaveLength(1);
    sb.faults.set({ drop: 'after-commit', dropRate: 1 });
    try {
      await expect(put(url, scan)).rejects.toThrow();
    } finally {
      sb.faults.reset();
    }
    const after = (await documentsOf(persona)).find((d) => d.id === open[0]!.id);
    expect(after).toMatchObject({ status: 'UPLOADED', width: 320 });
  });
});
