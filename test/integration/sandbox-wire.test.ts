import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox';
import { call, directoryOf, findEmployee, signAs, signIn, TEST_KEYS_DIR } from './sandbox-helpers';

let sb: SandboxHandle;
const base = Date.parse('2026-07-01T06:00:00.000Z');
const now = () => new Date(base);
const dirs: string[] = [];

beforeAll(async () => {
  sb = await startSandbox({ keysCacheDir: TEST_KEYS_DIR, seed: 'small', now });
});
afterAll(async () => {
  await sb?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const opsFor = async (s: SandboxHandle, key: string) =>
  (await call(s, 'GET', `/sandbox/operations?idempotency_key=${key}`, { apiKey: null })).body.data;

describe('wire format', () => {
  it('answers with {meta, data} and echoes X-Request-ID', async () => {
    const r = await call(sb, 'GET', '/api/uaddresses/regions?page_size=5', {
      headers: { 'x-request-id': 'trace-42' },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('x-request-id')).toBe('trace-42');
    expect(r.body.meta).toEqual({
      code: 200,
      url: `${sb.baseUrl}/api/uaddresses/regions?page_size=5`,
      type: 'list',
      request_id: 'trace-42',
    });
    expect(r.body.paging).toMatchObject({ page_number: 1, page_size: 5, total_entries: 27, total_pages: 6 });
  });

  it('answers errors with {meta, error:{type, message}} and the right status', async () => {
    const unknown = await call(sb, 'GET', '/api/pis/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ meta: { code: 404, type: 'object' }, error: { type: 'not_found' } });
    const typed = await call(sb, 'POST', '/oauth/nonce', {
      rawBody: 'client_id=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(typed.status).toBe(415);
    expect(typed.body.error.type).toBe('content_type_invalid');
    const broken = await call(sb, 'POST', '/oauth/nonce', {
      rawBody: '{"client_id":',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.status).toBe(400);
    expect((await call(sb, 'DELETE', '/api/pis/person')).status).toBe(405);
  });
});

describe('X-Idempotency-Key', () => {
  it('replays the stored response for the same key and body, refuses another body (422)', async () => {
    const s = await signIn(sb, 'adult-with-declaration');
    const id = (await call(sb, 'GET', '/api/pis/declarations?status=active', { token: s.access })).body
      .data[0].id;
    const path = `/api/pis/declarations/${id}/actions/terminate`;
    const headers = { 'x-idempotency-key': 'terminate-1' };
    const first = await call(sb, 'PATCH', path, {
      token: s.access,
      headers,
      body: { reason_description: 'Переїзд' },
    });
    expect(first.status).toBe(200);
    expect(first.body.meta.idempotency_key).toBe('terminate-1');
    const again = await call(sb, 'PATCH', path, {
      token: s.access,
      headers,
      body: { reason_description: 'Переїзд' },
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('x-idempotent-replayed')).toBe('true');
    const other = await call(sb, 'PATCH', path, {
      token: s.access,
      headers,
      body: { reason_description: 'Інша причина' },
    });
    expect(other.status).toBe(422);
    expect(other.body.error.message).toMatch(/X-Idempotency-Key/);
    expect(await opsFor(sb, 'terminate-1')).toMatchObject({
      applied: 1,
      replays: 1,
      state: 'completed',
      status: 200,
    });
    // without the key the same call is a new (and now conflicting) request
    expect(
      (await call(sb, 'PATCH', path, { token: s.access, body: { reason_description: 'Переїзд' } })).status,
    ).toBe(409);
  });

  it('answers 409 while the first request with the key is still in flight', async () => {
    const dir = await directoryOf(sb);
    const s = await signIn(sb, 'adult-no-declaration');
    const doctor = findEmployee(dir, { speciality: 'THERAPIST' });
    const d = (
      await call(sb, 'POST', '/api/pis/declaration_requests', {
        token: s.access,
        body: { employee_id: doctor.employeeId, division_id: doctor.divisionId },
      })
    ).body.data;
    const signed = await signAs(sb, 'adult-no-declaration', {
      ...d.data_to_be_signed,
      person: { ...d.data_to_be_signed.person, patient_signed: true },
    });
    const send = () =>
      call(sb, 'PATCH', `/api/pis/declaration_requests/${d.id}/actions/sign`, {
        token: s.access,
        headers: { 'x-idempotency-key': `sign-${d.id}` },
        body: { signed_content: signed, signed_content_encoding: 'base64' },
      });
    // a slow server: the second request arrives while the first one is still being processed
    sb.faults.set({ latencyMs: 1500 });
    let results;
    try {
      results = await Promise.all([send(), send()]);
    } finally {
      sb.faults.reset();
    }
    const [a, b] = results;
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const replay = await send();
    expect(replay.status).toBe(201);
    expect((await opsFor(sb, `sign-${d.id}`)).applied).toBe(1);
  });

  it('keeps idempotency records across restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sandbox-wire-'));
    dirs.push(dataDir);
    const first = await startSandbox({ seed: 'small', dataDir, now });
    let body: unknown;
    let keyFile: string;
    let keyBytes: Buffer;
    try {
      const r = await call(first, 'POST', '/oauth/nonce', {
        headers: { 'x-idempotency-key': 'nonce-1' },
        body: { client_id: first.clientId, client_secret: first.clientSecret },
      });
      expect(r.status).toBe(200);
      body = r.body;
      keyFile = first.personas[0]?.keyFile as string;
      keyBytes = readFileSync(keyFile);
      expect(keyFile.startsWith(dataDir)).toBe(true);
      expect(first.timings.seeded).toBe(true);
    } finally {
      await first.close();
    }
    const second = await startSandbox({ seed: 'small', dataDir, now });
    try {
      expect(second.timings.seeded).toBe(false);
      expect(second.personas[0]?.keyFile).toBe(keyFile);
      expect(readFileSync(keyFile).equals(keyBytes)).toBe(true);
      const r = await call(second, 'POST', '/oauth/nonce', {
        headers: { 'x-idempotency-key': 'nonce-1' },
        body: { client_id: second.clientId, client_secret: second.clientSecret },
      });
      expect(r.body).toEqual(body);
      expect((await opsFor(second, 'nonce-1')).applied).toBe(1);
      // the reused persona keys still verify: sign in with one
      expect((await signIn(second, 'adult-with-declaration')).access).toBeTypeOf('string');
    } finally {
      await second.close();
    }
    await expect(
      startSandbox({ keysCacheDir: TEST_KEYS_DIR, seed: 'national', dataDir, now }),
    ).rejects.toThrow(/holds a 'small' sandbox/);
  });
});

describe('fault injection', () => {
  it('answers 503, 429 and 500 with Retry-After, then recovers', async () => {
    for (const status of [503, 429, 500] as const) {
      sb.faults.set({ errorRate: 1, errorStatus: status, retryAfterSeconds: 7 });
      const r = await call(sb, 'GET', '/api/v2/dictionaries?name=GENDER');
      expect(r.status).toBe(status);
      expect(r.body.error.type).toBeTypeOf('string');
      expect(r.headers.get('retry-after')).toBe(status === 500 ? null : '7');
    }
    sb.faults.reset();
    expect((await call(sb, 'GET', '/api/v2/dictionaries?name=GENDER')).status).toBe(200);
    // the sandbox's own endpoints and the TSA are never faulted
    sb.faults.set({ errorRate: 1 });
    expect((await call(sb, 'GET', '/sandbox/health', { apiKey: null })).status).toBe(200);
    sb.faults.reset();
  });

  it('drops the connection before the change is committed: nothing applied, a retry applies it once', async () => {
    const s = await signIn(sb, 'adult-with-apps');
    const appId = (await call(sb, 'GET', '/api/pis/apps?page_number=1&page_size=50', { token: s.access }))
      .body.data[0].id;
    const headers = { 'x-idempotency-key': 'revoke-before' };
    sb.faults.set({ drop: 'before-commit' });
    await expect(
      call(sb, 'DELETE', `/api/pis/apps/${appId}`, { token: s.access, headers }),
    ).rejects.toThrow();
    sb.faults.reset();
    expect((await opsFor(sb, 'revoke-before')).applied).toBe(0);
    expect((await call(sb, 'GET', `/api/pis/apps/${appId}`, { token: s.access })).status).toBe(200);
    expect((await call(sb, 'DELETE', `/api/pis/apps/${appId}`, { token: s.access, headers })).status).toBe(
      204,
    );
    expect((await opsFor(sb, 'revoke-before')).applied).toBe(1);
  });

  it('drops the connection after the change is committed: the retry gets the stored answer', async () => {
    const s = await signIn(sb, 'adult-with-apps');
    const appId = (await call(sb, 'GET', '/api/pis/apps?page_number=1&page_size=50', { token: s.access }))
      .body.data[0].id;
    const headers = { 'x-idempotency-key': 'revoke-after' };
    sb.faults.set({ drop: 'after-commit' });
    await expect(
      call(sb, 'DELETE', `/api/pis/apps/${appId}`, { token: s.access, headers }),
    ).rejects.toThrow();
    sb.faults.reset();
    expect((await opsFor(sb, 'revoke-after')).applied).toBe(1);
    expect((await call(sb, 'GET', `/api/pis/apps/${appId}`, { token: s.access })).status).toBe(404);
    const retry = await call(sb, 'DELETE', `/api/pis/apps/${appId}`, { token: s.access, headers });
    expect(retry.status).toBe(204);
    expect(retry.headers.get('x-idempotent-replayed')).toBe('true');
    expect((await opsFor(sb, 'revoke-after')).applied).toBe(1);
  });

  it('goes fully offline during an outage and is configurable over HTTP', async () => {
    const set = await call(sb, 'PUT', '/sandbox/faults', { apiKey: null, body: { outage: true } });
    expect(set.body.data.outage).toBe(true);
    await expect(call(sb, 'GET', '/api/v2/dictionaries')).rejects.toThrow();
    expect((await call(sb, 'GET', '/sandbox/health', { apiKey: null })).body.data.status).toBe('outage');
    expect((await call(sb, 'DELETE', '/sandbox/faults', { apiKey: null })).body.data.outage).toBe(false);
    expect((await call(sb, 'GET', '/api/v2/dictionaries')).status).toBe(200);
    const bad = await call(sb, 'PUT', '/sandbox/faults', { apiKey: null, body: { errorRate: 2 } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.invalid[0].entry).toBe('$.errorRate');
    expect(
      (await call(sb, 'PUT', '/sandbox/faults', { apiKey: null, body: { drop: 'sometimes' } })).status,
    ).toBe(422);
    expect(
      (await call(sb, 'PUT', '/sandbox/faults', { apiKey: null, body: { latencyMs: 5 } })).body.data
        .latencyMs,
    ).toBe(5);
    expect((await call(sb, 'GET', '/api/v2/dictionaries?name=GENDER')).status).toBe(200);
    sb.faults.reset();
    expect(() => sb.faults.set({ errorStatus: 404 as unknown as 500 })).toThrow(/errorStatus/);
  });
});

describe('sandbox tools', () => {
  it('reports health, asks for a phone in the SMS inbox and moves the clock only forward', async () => {
    const h = await call(sb, 'GET', '/sandbox/health', { apiKey: null });
    expect(h.body.data).toMatchObject({ status: 'ok', seed: 'small' });
    expect(h.body.data.counts.doctors).toBeGreaterThan(200);
    expect((await call(sb, 'GET', '/sandbox/sms', { apiKey: null })).status).toBe(422);
    const before = sb.clock.now().getTime();
    const r = await call(sb, 'POST', '/sandbox/clock', { apiKey: null, body: { advance_seconds: 60 } });
    expect(Date.parse(r.body.data.now) - before).toBeGreaterThanOrEqual(60_000);
    expect(
      (await call(sb, 'POST', '/sandbox/clock', { apiKey: null, body: { advance_seconds: -1 } })).status,
    ).toBe(422);
    expect(() => sb.clock.advance(-1)).toThrow();
  });

  it('records every exchange in the conformance checker format', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sandbox-record-'));
    dirs.push(dataDir);
    const record = join(dataDir, 'traffic.jsonl');
    const rec = await startSandbox({ keysCacheDir: TEST_KEYS_DIR, seed: 'small', record, now });
    try {
      await call(rec, 'GET', '/api/uaddresses/regions?name=%D0%9A%D0%B8%D1%97%D0%B2');
      await call(rec, 'POST', '/oauth/nonce', {
        body: { client_id: rec.clientId, client_secret: rec.clientSecret },
      });
      await call(rec, 'GET', '/sandbox/health', { apiKey: null });
    } finally {
      await rec.close();
    }
    const lines = readFileSync(record, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      method: 'GET',
      path: '/api/uaddresses/regions',
      query: { name: 'Київ' },
      status: 200,
      request: null,
    });
    expect(lines[1]).toMatchObject({
      method: 'POST',
      path: '/oauth/nonce',
      status: 200,
      request: { client_id: rec.clientId },
    });
    expect((lines[1]?.response as { data: { token: string } }).data.token).toBeTypeOf('string');
  });
});

describe('deterministic seed', () => {
  it('produces the same directory for the same seed', async () => {
    const other = await startSandbox({ keysCacheDir: TEST_KEYS_DIR, seed: 'small', now });
    try {
      for (const what of ['legal_entities', 'divisions', 'parties', 'employees']) {
        const a = await call(sb, 'GET', `/api/pis/bulk/${what}`);
        const b = await call(other, 'GET', `/api/pis/bulk/${what}`);
        expect(b.body.data, what).toEqual(a.body.data);
      }
    } finally {
      await other.close();
    }
  });
});
