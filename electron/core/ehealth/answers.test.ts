/**
 * Only eHealth refuses: an answer that is not eHealth's own envelope (a captive portal's login page,
 * a proxy's page, a redirect, JSON of something else) is a failure of the link — retried, never a
 * refusal — and eHealth's clock is measured from its `Date` header, so token lifetimes count on the
 * kiosk clock whatever its offset.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectivityCause } from '#shared/contract/app';
import { EhealthClient, type CallOutcome } from './client';
import { EhealthConfig } from './config';
import { createPisApi } from './pis-api';
import {
  envelope,
  errorEnvelope,
  startScriptedServer,
  type ScriptedReply,
} from './scripted-server.test-support';
import type { HttpTransport } from './transport';

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const config = (baseUrl: string) =>
  EhealthConfig.parse({ baseUrl, apiKey: 'k', clientId: 'c', clientSecret: 's', scope: 'person:read' });

async function client(reply: () => ScriptedReply, now?: () => Date) {
  // a captive portal's redirects lead to its login page
  const srv = await startScriptedServer((r) => (r.path === '/login' ? html(200) : reply()));
  servers.push(srv);
  const outcomes: [CallOutcome, ConnectivityCause | null | undefined][] = [];
  const c = new EhealthClient(config(srv.baseUrl), {
    onOutcome: (o, cause) => outcomes.push([o, cause]),
    ...(now ? { now } : {}),
  });
  return { srv, client: c, api: createPisApi(c), outcomes };
}

const html = (status: number): ScriptedReply => ({
  status,
  body: '<!doctype html><html><body><form action="/login">Wi-Fi</form></body></html>',
  headers: { 'content-type': 'text/html; charset=utf-8' },
});

describe('only eHealth refuses', () => {
  const notEhealth: [string, ScriptedReply, ConnectivityCause][] = [
    ['a captive portal page (200 HTML)', html(200), 'captive-portal'],
    ['a proxy’s login demand (401 HTML)', html(401), 'captive-portal'],
    ['a proxy’s block page (403 HTML)', html(403), 'captive-portal'],
    ['a redirect to a login page', { status: 302, headers: { location: '/login' } }, 'captive-portal'],
    ['JSON that is not an envelope (200)', { status: 200, body: { status: 'ok' } }, 'not-ehealth'],
    [
      'plain text (200, wrong content type)',
      { status: 200, body: 'OK', headers: { 'content-type': 'text/plain' } },
      'not-ehealth',
    ],
    [
      'JSON of a gateway, not eHealth (404)',
      { status: 404, body: { message: 'no Route matched' } },
      'not-ehealth',
    ],
    ['an error without eHealth’s error object (422)', { status: 422, body: { error: {} } }, 'not-ehealth'],
  ];
  for (const [what, reply, cause] of notEhealth) {
    it(`${what} is a retried failure of the link, never a refusal`, async () => {
      const { client: c, outcomes } = await client(() => reply);
      const r = await c.call({
        method: 'PATCH',
        path: '/api/pis/person_requests/x/actions/complete',
        body: {},
      });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('EHEALTH_UNAVAILABLE');
      expect(r.error.details).toMatchObject({ retryable: true, network: true, cause });
      expect(outcomes.at(-1)).toEqual(['not-ehealth', cause]);
    });
  }

  it('a well-formed eHealth error envelope does refuse, with eHealth’s own error kept', async () => {
    const { client: c, outcomes } = await client(() => ({
      status: 422,
      body: errorEnvelope(422, 'validation_failed', 'Validation failed.', [
        { entry: '$.person.first_name', entry_type: 'json_data_property', rules: [{ rule: 'format' }] },
      ]),
    }));
    const r = await c.call({ method: 'POST', path: '/api/pis/person_requests', body: {} });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'VALIDATION', details: { retryable: false } });
    expect(outcomes.at(-1)?.[0]).toBe('ok');
  });

  it('DNS and TLS failures are retried, with their cause for the registrar', async () => {
    const failing =
      (code: string): HttpTransport =>
      async () => {
        throw Object.assign(new TypeError('fetch failed'), {
          cause: Object.assign(new Error(code), { code }),
        });
      };
    for (const [code, cause] of [
      ['ENOTFOUND', 'dns'],
      ['EAI_AGAIN', 'dns'],
      ['CERT_HAS_EXPIRED', 'tls'],
      ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'],
      ['ECONNREFUSED', 'unreachable'],
    ] as const) {
      const outcomes: [CallOutcome, ConnectivityCause | null | undefined][] = [];
      const c = new EhealthClient(config('https://ehealth.invalid'), {
        transport: failing(code),
        onOutcome: (o, why) => outcomes.push([o, why]),
      });
      const r = await c.call({ method: 'GET', path: '/api/pis/person' });
      expect(r.ok || r.error.details).toMatchObject({ retryable: true, network: true, cause });
      expect(outcomes).toEqual([['network-error', cause]]);
    }
  });
});

describe('eHealth’s clock', () => {
  it('is measured from the Date header; a token’s lifetime counts on the kiosk clock an hour fast or slow', async () => {
    for (const offsetMs of [3_600_000, -3_600_000]) {
      let serverNow = Date.parse('2026-05-04T09:00:00.000Z');
      const kioskNow = () => new Date(serverNow + offsetMs);
      const { api } = await client(
        () => ({
          status: 201,
          headers: { date: new Date(serverNow).toUTCString() },
          body: envelope({
            value: 'at-1',
            name: 'access_token',
            // eHealth's absolute expiry: 15 minutes on its own clock
            expires_at: Math.floor(serverNow / 1000) + 900,
            details: { refresh_token: 'rt-1' },
          }),
        }),
        kioskNow,
      );
      const r = await api.auth.refresh('rt-0');
      if (!r.ok) throw new Error(r.error.message);
      expect(api.serverClock.offsetMs()).toBeGreaterThanOrEqual(-offsetMs - 1_000);
      expect(api.serverClock.offsetMs()).toBeLessThanOrEqual(-offsetMs + 1_000);
      expect(api.serverClock.skewed()).toBe(true);
      const set = api.tokenSetFrom(r.value.data);
      const holder = api.patientTokens(set);
      // fresh for the next 14 minutes of the kiosk clock, whichever way it is off …
      serverNow += 14 * 60_000;
      expect(holder.accessToken()).toBe('at-1');
      // … and renewed (treated as expired) near the end of eHealth's 15 minutes
      serverNow += 45_000;
      expect(holder.accessToken()).toBeNull();
    }
  });

  it('a Retry-After date is read on eHealth’s clock', async () => {
    const serverNow = Date.parse('2026-05-04T09:00:00.000Z');
    const { client: c } = await client(
      () => ({
        status: 503,
        headers: {
          date: new Date(serverNow).toUTCString(),
          'retry-after': new Date(serverNow + 120_000).toUTCString(),
        },
        body: errorEnvelope(503, 'service_unavailable', 'later'),
      }),
      () => new Date(serverNow - 3_600_000),
    );
    // the first answer teaches the clock; the second one's date is read with it
    await c.call({ method: 'GET', path: '/x' });
    const r = await c.call({ method: 'GET', path: '/x' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.details.retryAfterSeconds).toBeGreaterThanOrEqual(119);
    expect(r.error.details.retryAfterSeconds).toBeLessThanOrEqual(121);
  });
});
