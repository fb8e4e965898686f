import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkRevocation, httpOcspPost, loadTrustList, signBytes } from '../../electron/core/esign/index';
import { parseCertificate } from '../../electron/core/esign/pki/certificate';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox';
import { call, nonce, personaKey, signAs, signIn, signInBody, tsaOf, TEST_KEYS_DIR } from './sandbox-helpers';

let sb: SandboxHandle;
let offsetMs = 0;
const base = Date.parse('2026-03-10T09:00:00.000Z');

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

const later = (minutes: number) => {
  offsetMs += minutes * 60_000;
};

describe('sandbox sign-in (pis_auth)', () => {
  it('signs a patient in with a signed nonce and returns access and refresh tokens', async () => {
    const jwt = await nonce(sb);
    const signed = await signAs(sb, 'adult-with-declaration', { jwt });
    const r = await call(sb, 'POST', '/api/pis/sign-in', {
      body: signInBody(sb, signed),
      headers: { 'x-request-id': 'req-1' },
    });
    expect(r.status).toBe(201);
    expect(r.body.meta).toMatchObject({ code: 201, type: 'object', request_id: 'req-1' });
    expect(r.body.data).toMatchObject({
      name: 'access_token',
      details: { grant_type: 'pis_auth', client_id: sb.clientId, scope: sb.scope },
    });
    expect(r.body.data.expires_at).toBe(Math.floor((base + offsetMs) / 1000) + 900);
    const person = await call(sb, 'GET', '/api/pis/person', { token: r.body.data.value });
    expect(person.status).toBe(200);
    expect(person.body.data.tax_id).toBe(sb.personas.find((p) => p.id === 'adult-with-declaration')?.taxId);
  });

  it('uses a nonce only once', async () => {
    const jwt = await nonce(sb);
    const signed = await signAs(sb, 'adult-no-declaration', { jwt });
    expect((await call(sb, 'POST', '/api/pis/sign-in', { body: signInBody(sb, signed) })).status).toBe(201);
    const again = await call(sb, 'POST', '/api/pis/sign-in', { body: signInBody(sb, signed) });
    expect(again.status).toBe(401);
    expect(again.body.error).toMatchObject({
      type: 'access_denied',
      message: 'Nonce has already been used.',
    });
  });

  it('refuses an expired nonce', async () => {
    const jwt = await nonce(sb);
    later(16);
    const signed = await signAs(sb, 'adult-no-declaration', { jwt });
    const r = await call(sb, 'POST', '/api/pis/sign-in', { body: signInBody(sb, signed) });
    expect(r.status).toBe(401);
    expect(r.body.error.message).toBe('Nonce expired.');
  });

  it('refuses a forged jwt and signed content without one', async () => {
    const forged = await signAs(sb, 'adult-no-declaration', {
      jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJtaXRocmlsLWxvZ2luIn0.c2lnbmF0dXJl',
    });
    expect(
      (await call(sb, 'POST', '/api/pis/sign-in', { body: signInBody(sb, forged) })).body.error.message,
    ).toBe('Invalid nonce (jwt).');
    const noJwt = await signAs(sb, 'adult-no-declaration', { nonce: 'x' });
    const r = await call(sb, 'POST', '/api/pis/sign-in', { body: signInBody(sb, noJwt) });
    expect(r.status).toBe(422);
    expect(r.body.error.message).toBe('Signed content does not contain field jwt.');
  });

  it('refuses a certificate whose DRFO matches no person (401)', async () => {
    const signed = await signAs(sb, 'unknown-drfo', { jwt: await nonce(sb) });
    const r = await call(sb, 'POST', '/api/pis/sign-in', { body: signInBody(sb, signed) });
    expect(r.status).toBe(401);
    expect(r.body.error.message).toBe('Person with tax id from digital signature not found.');
  });

  it('refuses an expired certificate (400)', async () => {
    // sign (and time-stamp) while the certificate was still valid; eHealth also checks validity now
    const jwt = await nonce(sb);
    offsetMs -= 30 * 86_400_000;
    let signed: string;
    try {
      signed = await signAs(sb, 'adult-expired-cert', { jwt });
    } finally {
      offsetMs += 30 * 86_400_000;
    }
    const r = await call(sb, 'POST', '/api/pis/sign-in', { body: signInBody(sb, signed) });
    expect(r.status).toBe(400);
    expect(r.body.error.type).toBe('bad_request');
    expect(r.body.error.message).toMatch(/Invalid signature.*expired/);
  });

  it('refuses a revoked certificate (400), as its OCSP responder named in the certificate reports', async () => {
    const persona = sb.personas.find((p) => p.id === 'adult-revoked-cert');
    if (!persona) throw new Error('no adult-revoked-cert persona');
    const cert = parseCertificate(new Uint8Array(readFileSync(persona.certificateFile)));
    expect(cert.ocspUrl).toBe(sb.ocspUrl);
    const trust = loadTrustList(sb.trustList);
    const at = { trust, now: sb.clock.now(), post: httpOcspPost(5_000) };
    expect(await checkRevocation(cert, at)).toMatchObject({ status: 'revoked', reason: 'keyCompromise' });
    const good = sb.personas.find((p) => p.id === 'adult-with-declaration');
    const goodCert = new Uint8Array(readFileSync(good?.certificateFile ?? ''));
    expect(await checkRevocation(goodCert, at)).toMatchObject({ status: 'good' });

    const signed = await signAs(sb, 'adult-revoked-cert', { jwt: await nonce(sb) });
    const r = await call(sb, 'POST', '/api/pis/sign-in', { body: signInBody(sb, signed) });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/Invalid signature.*revoked/);
  });

  it('refuses a signature without a content time-stamp and one with two signers', async () => {
    const jwt = await nonce(sb);
    const noTs = await signAs(sb, 'adult-no-declaration', { jwt }, { timestamp: false });
    const r1 = await call(sb, 'POST', '/api/pis/sign-in', { body: signInBody(sb, noTs) });
    expect(r1.status).toBe(400);
    expect(r1.body.error.message).toMatch(/time-stamp/);
    const inner = await signAs(sb, 'adult-no-declaration', { jwt: await nonce(sb) });
    const key = await personaKey(sb, 'adult-with-apps');
    const outer = await signBytes(key, new Uint8Array(Buffer.from(inner, 'base64')), {
      tsa: tsaOf(sb),
      now: sb.clock.now,
    });
    if (!outer.ok) throw new Error(outer.error.message);
    const r2 = await call(sb, 'POST', '/api/pis/sign-in', {
      body: signInBody(sb, outer.value.signedContent),
    });
    expect(r2.status).toBe(400);
    expect(r2.body.error.message).toMatch(/1 signature/);
  });

  it('checks encoding, base64, client credentials, api-key and scope', async () => {
    const signed = await signAs(sb, 'adult-no-declaration', { jwt: await nonce(sb) });
    const body = signInBody(sb, signed);
    const notBase64 = await call(sb, 'POST', '/api/pis/sign-in', {
      body: { token: { ...body.token, signed_content: '%%%' } },
    });
    expect(notBase64.status).toBe(422);
    expect(notBase64.body.error.invalid[0]).toMatchObject({
      entry: '$.token.signed_content',
      entry_type: 'json_data_property',
    });
    const badEncoding = await call(sb, 'POST', '/api/pis/sign-in', {
      body: { token: { ...body.token, signed_content_encoding: 'hex' } },
    });
    expect(badEncoding.status).toBe(422);
    const missing = await call(sb, 'POST', '/api/pis/sign-in', {
      body: { token: { grant_type: 'pis_auth' } },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.error.type).toBe('validation_failed');
    expect(missing.body.error.invalid.map((i: { entry: string }) => i.entry)).toEqual(
      expect.arrayContaining(['$.token.client_id', '$.token.signed_content', '$.token.scope']),
    );
    const wrongSecret = await call(sb, 'POST', '/api/pis/sign-in', {
      body: { token: { ...body.token, client_secret: 'nope' } },
    });
    expect(wrongSecret.status).toBe(401);
    const noKey = await call(sb, 'POST', '/api/pis/sign-in', { body, apiKey: null });
    expect(noKey.status).toBe(401);
    expect(noKey.body.error.message).toBe('API-KEY header required');
    expect((await call(sb, 'POST', '/api/pis/sign-in', { body, apiKey: 'wrong' })).status).toBe(401);
    const badScope = await call(sb, 'POST', '/api/pis/sign-in', {
      body: { token: { ...body.token, scope: 'person:sign_in admin:everything' } },
    });
    expect(badScope.status).toBe(422);
    expect(badScope.body.error.invalid[0].entry).toBe('$.token.scope');
  });

  it('answers a nonce only to a known client with its secret', async () => {
    expect((await call(sb, 'POST', '/oauth/nonce', { body: { client_id: sb.clientId } })).status).toBe(401);
    expect(
      (await call(sb, 'POST', '/oauth/nonce', { body: { client_id: sb.clientId, client_secret: 'x' } }))
        .status,
    ).toBe(401);
    expect((await call(sb, 'POST', '/oauth/nonce', { body: {} })).status).toBe(422);
  });
});

describe('sandbox tokens', () => {
  it('expires access tokens (401) and renews them with the refresh token', async () => {
    const s = await signIn(sb, 'adult-with-apps');
    expect((await call(sb, 'GET', '/api/pis/person', { token: s.access })).status).toBe(200);
    later(16);
    const expired = await call(sb, 'GET', '/api/pis/person', { token: s.access });
    expect(expired.status).toBe(401);
    expect(expired.body.error).toMatchObject({ type: 'access_denied', message: 'Access token expired' });
    const r = await call(sb, 'POST', '/oauth/tokens', {
      body: {
        token: {
          client_id: sb.clientId,
          client_secret: sb.clientSecret,
          refresh_token: s.refresh,
          grant_type: 'refresh_token',
        },
      },
    });
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({
      user_id: s.userId,
      user: { person_id: s.personId },
      details: { grant_type: 'refresh_token', scope: sb.scope },
    });
    expect((await call(sb, 'GET', '/api/pis/person', { token: r.body.data.value })).status).toBe(200);
  });

  it('ends the session on logout: access and refresh tokens stop working', async () => {
    const s = await signIn(sb, 'adult-with-apps');
    const out = await call(sb, 'POST', '/auth/logout', { token: s.access });
    expect(out.status).toBe(200);
    expect(out.body.data).toEqual({});
    expect((await call(sb, 'GET', '/api/pis/person', { token: s.access })).status).toBe(401);
    const r = await call(sb, 'POST', '/oauth/tokens', {
      body: {
        token: {
          client_id: sb.clientId,
          client_secret: sb.clientSecret,
          refresh_token: s.refresh,
          grant_type: 'refresh_token',
        },
      },
    });
    expect(r.status).toBe(401);
  });

  it('refuses to refresh for a revoked app', async () => {
    const s = await signIn(sb, 'adult-with-apps');
    expect((await call(sb, 'DELETE', `/api/pis/apps/${s.appId}`, { token: s.access })).status).toBe(204);
    const r = await call(sb, 'POST', '/oauth/tokens', {
      body: {
        token: {
          client_id: sb.clientId,
          client_secret: sb.clientSecret,
          refresh_token: s.refresh,
          grant_type: 'refresh_token',
        },
      },
    });
    expect(r.status).toBe(401);
    expect(r.body.error.message).toBe('Resource owner revoked access for the client.');
  });

  it('refuses missing, malformed and unknown bearer tokens (401) and a missing scope (403)', async () => {
    expect((await call(sb, 'GET', '/api/pis/person')).body.error.message).toBe(
      'Authorization header required',
    );
    expect((await call(sb, 'GET', '/api/pis/person', { headers: { authorization: 'Basic x' } })).status).toBe(
      401,
    );
    expect((await call(sb, 'GET', '/api/pis/person', { token: 'not-a-token' })).status).toBe(401);
    const narrow = await signIn(sb, 'adult-with-declaration', 'person:sign_in');
    expect((await call(sb, 'GET', '/api/pis/person', { token: narrow.access })).status).toBe(200);
    const r = await call(sb, 'GET', '/api/pis/declarations', { token: narrow.access });
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({ type: 'forbidden' });
    expect(r.body.error.message).toMatch(/declaration:read_pis/);
  });
});

describe('sandbox age and legal capacity', () => {
  it('lets a 15-year-old without confirmed capacity sign in and read, but not act', async () => {
    const s = await signIn(sb, 'teen-15-no-capacity');
    const person = await call(sb, 'GET', '/api/pis/person', { token: s.access });
    expect(person.status).toBe(200);
    expect(person.body.data.verification.details.legal_capacity.verification_status).not.toBe('VERIFIED');
    const r = await call(sb, 'POST', '/api/pis/authentication_method_requests', {
      token: s.access,
      body: { authentication_method: { type: 'OTP', phone_number: '+380501112233' } },
    });
    expect(r.status).toBe(403);
    expect(r.body.error.message).toBe("Person's legal capacity is not confirmed");
  });

  it('refuses own actions of a 13-year-old', async () => {
    const s = await signIn(sb, 'child-13');
    const r = await call(
      sb,
      'PATCH',
      '/api/pis/declarations/00000000-0000-4000-8000-000000000000/actions/terminate',
      { token: s.access, body: {} },
    );
    expect(r.status).toBe(403);
    expect(r.body.error.message).toMatch(/under 14/);
  });
});
