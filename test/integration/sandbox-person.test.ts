import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox';
import { call, signIn, TEST_KEYS_DIR } from './sandbox-helpers';

let sb: SandboxHandle;
let offsetMs = 0;
const base = Date.parse('2026-05-04T10:00:00.000Z');

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

const as = async (personaId: string) => (await signIn(sb, personaId)).access;
const inbox = async (phone: string) =>
  (await call(sb, 'GET', `/sandbox/sms?phone=${encodeURIComponent(phone)}`, { apiKey: null })).body.data as {
    code: string;
    text: string;
  }[];

describe('person', () => {
  it('returns the person with verification details', async () => {
    const token = await as('adult-with-declaration');
    const r = await call(sb, 'GET', '/api/pis/person', { token });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({
      first_name: 'Олена',
      last_name: 'Ковальчук',
      no_tax_id: false,
      verification: { verification_status: 'VERIFIED' },
    });
    expect(r.body.data.unzr.slice(0, 8)).toBe(r.body.data.birth_date.replace(/-/g, ''));
  });

  it('keeps the teenagers 15 and 16 years old and shows their legal capacity', async () => {
    for (const [id, age, capacity] of [
      ['teen-15-no-capacity', 15, 'NOT_VERIFIED'],
      ['teen-16-capacity', 16, 'VERIFIED'],
      ['child-13', 13, 'NOT_VERIFIED'],
    ] as const) {
      const token = await as(id);
      const person = (await call(sb, 'GET', '/api/pis/person', { token })).body.data;
      const birth = new Date(`${person.birth_date}T00:00:00Z`);
      const now = new Date(base + offsetMs);
      const years =
        now.getUTCFullYear() -
        birth.getUTCFullYear() -
        (now < new Date(Date.UTC(now.getUTCFullYear(), birth.getUTCMonth(), birth.getUTCDate())) ? 1 : 0);
      expect(years, id).toBe(age);
      const v = await call(sb, 'GET', '/api/pis/person/verification', { token });
      expect(v.status).toBe(200);
      expect(v.body.data.person_verification.details.legal_capacity.verification_status, id).toBe(capacity);
    }
  });

  it('lists authentication methods', async () => {
    const r = await call(sb, 'GET', '/api/pis/person/authentication_methods', {
      token: await as('adult-with-declaration'),
    });
    expect(r.body.data).toEqual([
      expect.objectContaining({ type: 'OTP', phone_number: '+380671234501', is_active: true }),
    ]);
    const child = await call(sb, 'GET', '/api/pis/person/authentication_methods', {
      token: await as('child-13'),
    });
    expect(child.body.data[0]).toMatchObject({ type: 'THIRD_PERSON', alias: 'Мама' });
  });
});

describe('authentication method requests with SMS codes', () => {
  it('adds an OTP method after the code from the SMS inbox', async () => {
    const token = await as('adult-no-declaration');
    const phone = '+380501110001';
    const r = await call(sb, 'POST', '/api/pis/authentication_method_requests', {
      token,
      body: { authentication_method: { type: 'OTP', phone_number: phone, alias: 'робочий' } },
    });
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({ status: 'NEW', channel: 'PIS' });
    expect(r.body.urgent.authentication_method_current).toEqual([
      { type: 'OTP', phone_number: '+38050*****02' },
    ]);
    const sms = await inbox(phone);
    expect(sms).toHaveLength(1);
    expect(sms[0]?.code).toMatch(/^\d{4}$/);
    expect(sms[0]?.text).toBe(`Код авторизації дій в системі eHealth: ${sms[0]?.code}`);
    const ok = await call(
      sb,
      'PATCH',
      `/api/pis/authentication_method_requests/${r.body.data.id}/actions/approve`,
      { token, body: { verification_code: Number(sms[0]?.code) } },
    );
    expect(ok.status).toBe(201);
    expect(ok.body.data).toMatchObject({ id: r.body.data.id, status: 'COMPLETED', channel: 'PIS' });
    const methods = (await call(sb, 'GET', '/api/pis/person/authentication_methods', { token })).body.data;
    expect(methods).toContainEqual(
      expect.objectContaining({ type: 'OTP', phone_number: phone, alias: 'робочий', is_active: true }),
    );
    expect(
      (
        await call(sb, 'PATCH', `/api/pis/authentication_method_requests/${r.body.data.id}/actions/approve`, {
          token,
          body: { verification_code: 1 },
        })
      ).status,
    ).toBe(409);
  });

  it('allows 3 attempts, then refuses even the right code; a resent code works', async () => {
    const token = await as('adult-with-apps');
    const phone = '+380501110002';
    const id = (
      await call(sb, 'POST', '/api/pis/authentication_method_requests', {
        token,
        body: { authentication_method: { type: 'OTP', phone_number: phone } },
      })
    ).body.data.id;
    const code = Number((await inbox(phone))[0]?.code);
    const wrong = (code + 1) % 10_000;
    const approve = (c: number) =>
      call(sb, 'PATCH', `/api/pis/authentication_method_requests/${id}/actions/approve`, {
        token,
        body: { verification_code: c },
      });
    expect((await approve(wrong)).body.error).toMatchObject({
      type: 'forbidden',
      message: 'Invalid verification code',
    });
    expect((await approve(wrong)).body.error.message).toBe('Invalid verification code');
    expect((await approve(wrong)).body.error.message).toBe('Maximum attempts exceed');
    expect((await approve(code)).body.error.message).toBe('Maximum attempts exceed');
    const resent = await call(
      sb,
      'POST',
      `/api/pis/authentication_method_requests/${id}/actions/resend_otp`,
      { token },
    );
    expect(resent.status).toBe(200);
    expect(resent.body.data).toMatchObject({ status: 'NEW', active: true });
    const sms = await inbox(phone);
    expect(sms).toHaveLength(2);
    expect((await approve(Number(sms[0]?.code))).status).toBe(201);
  });

  it('refuses a code after 15 minutes', async () => {
    const token = await as('adult-with-apps');
    const phone = '+380501110003';
    const id = (
      await call(sb, 'POST', '/api/pis/authentication_method_requests', {
        token,
        body: { authentication_method: { type: 'OTP', phone_number: phone } },
      })
    ).body.data.id;
    const code = Number((await inbox(phone))[0]?.code);
    offsetMs += 14 * 60_000;
    const fresh = await as('adult-with-apps');
    offsetMs += 2 * 60_000;
    const r = await call(sb, 'PATCH', `/api/pis/authentication_method_requests/${id}/actions/approve`, {
      token: fresh,
      body: { verification_code: code },
    });
    expect(r.status).toBe(403);
    expect(r.body.error.message).toBe('Verification code expired');
  });

  it('validates the request and keeps requests to their owner', async () => {
    const token = await as('adult-with-apps');
    const bad = await call(sb, 'POST', '/api/pis/authentication_method_requests', {
      token,
      body: { authentication_method: { type: 'OTP', phone_number: '0501110004' } },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.invalid[0].entry).toBe('$.authentication_method.phone_number');
    expect(
      (
        await call(sb, 'POST', '/api/pis/authentication_method_requests', {
          token,
          body: { authentication_method: { type: 'OFFLINE', phone_number: '+380501110004' } },
        })
      ).status,
    ).toBe(422);
    const existing = await call(sb, 'POST', '/api/pis/authentication_method_requests', {
      token,
      body: { authentication_method: { type: 'OTP', phone_number: '+380971234506' } },
    });
    expect(existing.status).toBe(409);
    const id = (
      await call(sb, 'POST', '/api/pis/authentication_method_requests', {
        token,
        body: { authentication_method: { type: 'OTP', phone_number: '+380501110005' } },
      })
    ).body.data.id;
    const other = await as('adult-no-declaration');
    expect(
      (
        await call(sb, 'PATCH', `/api/pis/authentication_method_requests/${id}/actions/approve`, {
          token: other,
          body: { verification_code: 1234 },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(sb, 'POST', `/api/pis/authentication_method_requests/${id}/actions/resend_otp`, {
          token: other,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(sb, 'PATCH', `/api/pis/authentication_method_requests/${id}/actions/approve`, {
          token,
          body: { verification_code: 'abcd' },
        })
      ).status,
    ).toBe(422);
  });
});

describe('authentication methods', () => {
  it('renames and deactivates a method but never the last active one', async () => {
    const token = await as('adult-with-declaration');
    const [only] = (await call(sb, 'GET', '/api/pis/person/authentication_methods', { token })).body.data;
    const renamed = await call(sb, 'PATCH', `/api/pis/authentication_methods/${only.id}`, {
      token,
      body: { alias: 'основний' },
    });
    expect(renamed.status).toBe(201);
    expect(renamed.body.data).toMatchObject({ id: only.id, alias: 'основний' });
    const last = await call(sb, 'PATCH', `/api/pis/authentication_methods/${only.id}/actions/deactivate`, {
      token,
    });
    expect(last.status).toBe(422);
    const phone = '+380501110006';
    const req = (
      await call(sb, 'POST', '/api/pis/authentication_method_requests', {
        token,
        body: { authentication_method: { type: 'OTP', phone_number: phone } },
      })
    ).body.data.id;
    await call(sb, 'PATCH', `/api/pis/authentication_method_requests/${req}/actions/approve`, {
      token,
      body: { verification_code: Number((await inbox(phone))[0]?.code) },
    });
    const off = await call(sb, 'PATCH', `/api/pis/authentication_methods/${only.id}/actions/deactivate`, {
      token,
    });
    expect(off.status).toBe(201);
    expect(off.body.data).toMatchObject({ id: only.id, is_active: false });
    expect(off.body.data.ended_at).toBeTypeOf('string');
    expect(
      (await call(sb, 'PATCH', `/api/pis/authentication_methods/${only.id}/actions/deactivate`, { token }))
        .status,
    ).toBe(409);
    const other = await as('adult-with-apps');
    expect(
      (
        await call(sb, 'PATCH', `/api/pis/authentication_methods/${only.id}`, {
          token: other,
          body: { alias: 'x' },
        })
      ).status,
    ).toBe(403);
  });
});
