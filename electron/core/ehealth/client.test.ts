import { afterEach, describe, expect, it } from 'vitest';
import { EhealthClient, type CallOutcome } from './client';
import { EhealthConfig } from './config';
import { createPisApi } from './pis-api';
import {
  envelope,
  errorEnvelope,
  startScriptedServer,
  type ScriptedReply,
  type SeenRequest,
} from './scripted-server.test-support';

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function setup(handler: (r: SeenRequest) => ScriptedReply, extra: Partial<EhealthConfig> = {}) {
  const srv = await startScriptedServer(handler);
  servers.push(srv);
  const outcomes: CallOutcome[] = [];
  const client = new EhealthClient(
    EhealthConfig.parse({
      baseUrl: `${srv.baseUrl}/`,
      apiKey: 'k-1',
      clientId: 'c-1',
      clientSecret: 's-1',
      scope: 'person:read',
      ...extra,
    }),
    { onOutcome: (o) => outcomes.push(o) },
  );
  return { srv, client, api: createPisApi(client), outcomes };
}

const token = (value: string, refresh?: string) => ({
  value,
  expires_at: Math.floor(Date.now() / 1000) + 3600,
  name: 'access_token',
  details: { grant_type: 'pis_auth', ...(refresh ? { refresh_token: refresh } : {}) },
});

describe('EhealthClient', () => {
  it('sends api-key, bearer, idempotency key and JSON, and tolerates extra fields', async () => {
    const { srv, api } = await setup(() => ({
      status: 201,
      body: envelope({
        id: 'dr-1',
        status: 'NEW',
        data_to_be_signed: { id: 'dr-1', extra: { deep: true } },
        brand_new_field: 1,
      }),
    }));
    const tokens = api.patientTokens({ accessToken: 'at-1', refreshToken: 'rt-1', expiresAt: null });
    const r = await api.declarationRequests.create(
      tokens,
      { employee_id: 'e', division_id: 'd' },
      { idempotencyKey: 'idem-1' },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.data.data_to_be_signed).toEqual({ id: 'dr-1', extra: { deep: true } });
    expect((r.value.data as Record<string, unknown>).brand_new_field).toBe(1);
    const req = srv.seen[0]!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/api/pis/declaration_requests');
    expect(req.headers['api-key']).toBe('k-1');
    expect(req.headers.authorization).toBe('Bearer at-1');
    expect(req.headers['x-idempotency-key']).toBe('idem-1');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(req.json).toEqual({ employee_id: 'e', division_id: 'd' });
  });

  it('on 401 renews the access token once, repeats the call and reports the new tokens', async () => {
    const { srv, api } = await setup((r) => {
      if (r.path === '/oauth/tokens') return { status: 201, body: envelope(token('at-2')) };
      return r.headers.authorization === 'Bearer at-2'
        ? { status: 200, body: envelope({ id: 'p-1' }) }
        : { status: 401, body: errorEnvelope(401, 'access_denied', 'Invalid access token') };
    });
    const changes: unknown[] = [];
    const tokens = api.patientTokens({ accessToken: 'at-1', refreshToken: 'rt-1', expiresAt: null }, (s) =>
      changes.push(s),
    );
    const r = await api.person.get(tokens);
    expect(r.ok).toBe(true);
    expect(srv.seen.map((s) => s.path)).toEqual(['/api/pis/person', '/oauth/tokens', '/api/pis/person']);
    expect(srv.seen[1]!.json).toEqual({
      token: { grant_type: 'refresh_token', client_id: 'c-1', client_secret: 's-1', refresh_token: 'rt-1' },
    });
    // the refresh answer has no refresh token: the old one is kept
    expect(changes).toEqual([{ accessToken: 'at-2', refreshToken: 'rt-1', expiresAt: expect.any(Number) }]);
  });

  it('a refused refresh means the patient must sign in again (not retryable)', async () => {
    const { api } = await setup((r) =>
      r.path === '/oauth/tokens'
        ? {
            status: 401,
            body: errorEnvelope(401, 'access_denied', 'Resource owner revoked access for the client.'),
          }
        : { status: 401, body: errorEnvelope(401, 'access_denied', 'expired') },
    );
    const tokens = api.patientTokens({ accessToken: 'at-1', refreshToken: 'rt-1', expiresAt: null });
    const r = await api.apps.revoke(tokens, 'app-1');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('EHEALTH_UNAUTHORIZED');
    expect(r.error.details).toMatchObject({ refreshFailed: true, retryable: false });
  });

  it('a refresh that cannot reach eHealth stays retryable', async () => {
    let n = 0;
    const { api } = await setup((r) => {
      n++;
      return r.path === '/oauth/tokens'
        ? 'drop'
        : { status: 401, body: errorEnvelope(401, 'access_denied', 'x') };
    });
    const tokens = api.patientTokens({ accessToken: 'at-1', refreshToken: 'rt-1', expiresAt: null });
    const r = await api.apps.revoke(tokens, 'app-1');
    expect(n).toBe(2);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details).toMatchObject({ retryable: true, network: true });
  });

  it('refreshes before the call when the access token has expired', async () => {
    const { srv, api } = await setup((r) =>
      r.path === '/oauth/tokens' ? { status: 201, body: envelope(token('at-new')) } : { status: 204 },
    );
    const tokens = api.patientTokens({ accessToken: 'old', refreshToken: 'rt', expiresAt: 1 });
    const r = await api.apps.revoke(tokens, 'a b/c');
    expect(r.ok).toBe(true);
    expect(srv.seen.map((s) => `${s.method} ${s.path}`)).toEqual([
      'POST /oauth/tokens',
      'DELETE /api/pis/apps/a%20b%2Fc',
    ]);
    expect(srv.seen[1]!.headers.authorization).toBe('Bearer at-new');
  });

  it('maps dropped connections and timeouts to a retryable EHEALTH_UNAVAILABLE and reports outcomes', async () => {
    const { client, outcomes } = await setup((r) =>
      r.path === '/slow'
        ? { delayMs: 500, then: { status: 200, body: envelope({}) } }
        : r.path === '/drop'
          ? 'drop'
          : { status: 503, body: '' },
    );
    const dropped = await client.call({ method: 'GET', path: '/drop' });
    const slow = await client.call({ method: 'GET', path: '/slow', timeoutMs: 50 });
    const down = await client.call({ method: 'GET', path: '/down' });
    expect(dropped.ok || dropped.error.details).toMatchObject({
      retryable: true,
      network: true,
      timeout: false,
    });
    expect(slow.ok || slow.error.details).toMatchObject({ retryable: true, network: true, timeout: true });
    expect(down.ok || down.error).toMatchObject({
      code: 'EHEALTH_UNAVAILABLE',
      details: { status: 503, retryable: true },
    });
    expect(outcomes).toEqual(['network-error', 'network-error', 'server-error']);
  });

  it('reports a connection refused as network-error', async () => {
    const client = new EhealthClient(EhealthConfig.parse({ baseUrl: 'http://127.0.0.1:9', apiKey: 'k' }));
    const r = await client.call({ method: 'GET', path: '/x' });
    expect(r.ok || r.error.details).toMatchObject({ network: true, retryable: true });
  });

  it('refuses answers that do not match the schema, and non-envelopes', async () => {
    const { api, client } = await setup((r) =>
      r.path === '/api/pis/person'
        ? { status: 200, body: envelope({ no_id: true }) }
        : { status: 200, body: '[1,2]' },
    );
    const tokens = api.patientTokens({ accessToken: 'a', refreshToken: null, expiresAt: null });
    const bad = await api.person.get(tokens);
    expect(bad.ok || bad.error).toMatchObject({
      code: 'EHEALTH_REJECTED',
      details: { reason: expect.stringContaining('id') },
    });
    const notEnvelope = await client.call({ method: 'GET', path: '/x' });
    expect(notEnvelope.ok).toBe(false);
  });

  it('signs in with the pis_auth grant and keeps the refresh token from details', async () => {
    const { srv, api } = await setup(() => ({ status: 201, body: envelope(token('at', 'rt')) }));
    const r = await api.auth.signIn('BASE64CMS');
    expect(srv.seen[0]!.json).toEqual({
      token: {
        grant_type: 'pis_auth',
        client_id: 'c-1',
        client_secret: 's-1',
        signed_content: 'BASE64CMS',
        signed_content_encoding: 'base64',
        scope: 'person:read',
      },
    });
    expect(r.ok && api.tokenSetFrom(r.value.data)).toMatchObject({ accessToken: 'at', refreshToken: 'rt' });
  });

  it('bulk: passes depth, skips rows that do not match and returns meta.date', async () => {
    const { srv, api } = await setup(() => ({
      status: 200,
      body: {
        meta: { code: 200, date: '2026-01-01T00:00:00Z' },
        data: [{ id: 'p1', first_name: 'Ірина' }, { first_name: 'no id' }],
      },
    }));
    const r = await api.bulk.fetch('parties', { depth: 3 });
    expect(srv.seen[0]!.query.get('depth')).toBe('3');
    expect(srv.seen[0]!.headers.authorization).toBeUndefined();
    expect(r.ok && r.value.data).toMatchObject({
      rows: [{ id: 'p1' }],
      rejected: 1,
      date: '2026-01-01T00:00:00Z',
    });
    await api.bulk.fetch('declarations_limit', { depth: 3 });
    expect(srv.seen[1]!.query.has('depth')).toBe(false);
  });

  it('needs client credentials for sign-in', async () => {
    const { api } = await setup(() => ({ status: 200 }), { clientId: undefined, clientSecret: undefined });
    const r = await api.auth.nonce();
    expect(r.ok || r.error.code).toBe('NOT_AVAILABLE');
  });
});
