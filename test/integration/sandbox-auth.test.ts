import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox';
import { call, nonce, signAs, signInBody } from './sandbox-helpers';

let sb: SandboxHandle;
const now = new Date('2026-03-10T09:00:00.000Z');

beforeAll(async () => {
  sb = await startSandbox({ seed: 'small', now: () => now });
});
afterAll(async () => {
  await sb?.close();
});

describe('sandbox auth', () => {
  it('signs a patient in with a signed nonce and returns access and refresh tokens', async () => {
    const jwt = await nonce(sb);
    const signed = await signAs(sb, 'adult-with-declaration', { jwt });
    const r = await call(sb, 'POST', '/api/pis/sign-in', { body: signInBody(sb, signed) });
    expect(r.status).toBe(201);
    expect(r.body.meta).toMatchObject({ code: 201, type: 'object' });
    expect(r.body.data).toMatchObject({ name: 'access_token', details: { grant_type: 'pis_auth', client_id: sb.clientId, scope: sb.scope } });
    expect(typeof r.body.data.details.refresh_token).toBe('string');
    const person = await call(sb, 'GET', '/api/pis/person', { token: r.body.data.value });
    expect(person.status).toBe(200);
    expect(person.body.data.tax_id).toBe(sb.personas.find((p) => p.id === 'adult-with-declaration')?.taxId);
  });
});
