/**
 * The kiosk's eHealth PIS client against the sandbox: every read endpoint the kiosk (and the
 * patient cabinet) uses parses with the client's schemas, and eHealth's errors map to kiosk codes
 * with eHealth's own error kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenSource } from '../../electron/core/ehealth/client';
import { createPisApiFromConfig, type PisApi } from '../../electron/core/ehealth/pis-api';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox';
import { kioskSignIn } from './outbox-helpers';

let sb: SandboxHandle;
let api: PisApi;
let patient: TokenSource;

beforeAll(async () => {
  sb = await startSandbox({ seed: 'small' });
  api = createPisApiFromConfig({
    baseUrl: sb.baseUrl,
    apiKey: sb.apiKey,
    clientId: sb.clientId,
    clientSecret: sb.clientSecret,
    scope: sb.scope,
  });
  patient = api.patientTokens((await kioskSignIn(sb, api, 'adult-with-declaration')).tokens);
}, 120_000);
afterAll(async () => {
  await sb?.close();
});

const value = <T>(
  r: { ok: true; value: { data: T } } | { ok: false; error: { code: string; message: string } },
): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value.data;
};

describe('PIS client against the sandbox', () => {
  it('reads the person, verification and authentication methods', async () => {
    const person = value(await api.person.get(patient));
    const persona = sb.personas.find((p) => p.id === 'adult-with-declaration');
    expect(person.tax_id).toBe(persona?.taxId);
    expect(person.birth_date).toBe(persona?.birthDate);
    expect(person.addresses?.some((a) => a.type === 'RESIDENCE')).toBe(true);
    const verification = value(await api.person.verification(patient));
    expect(verification.person_verification?.verification_status).toBeTruthy();
    const methods = value(await api.person.authenticationMethods(patient));
    expect(methods.length).toBeGreaterThan(0);
  });

  it('reads declarations, a declaration with its printout, declaration and person requests, apps', async () => {
    const list = await api.declarations.list(patient, { status: 'active' });
    const declarations = value(list);
    expect(list.ok && list.value.paging).toMatchObject({ page_number: 1 });
    const first = declarations[0];
    if (!first) throw new Error('the persona has no active declaration');
    const details = value(await api.declarations.get(patient, first.id));
    expect(details).toMatchObject({ id: first.id, status: 'active' });
    expect(details.content).toBeTruthy();
    expect(Array.isArray(value(await api.declarationRequests.list(patient)))).toBe(true);
    expect(Array.isArray(value(await api.person.listPersonRequests(patient)))).toBe(true);
    const apps = value(await api.apps.list(patient));
    const app = apps[0];
    if (!app) throw new Error('no app');
    expect(value(await api.apps.get(patient, app.id))).toMatchObject({
      id: app.id,
      client_id: app.client_id,
    });
  });

  it('reads uaddresses and dictionaries', async () => {
    const regions = value(await api.addresses.regions());
    const region = regions.find((r) => r.region === 'Київська') ?? regions[0];
    if (!region?.region) throw new Error('no region');
    expect(value(await api.addresses.districts({ region_id: region.id })).length).toBeGreaterThan(0);
    const settlements = value(await api.addresses.settlements({ region: region.region, page_size: 5 }));
    const settlement = settlements[0];
    if (!settlement) throw new Error('no settlement');
    expect(value(await api.addresses.settlement(settlement.id))).toMatchObject({ id: settlement.id });
    expect(Array.isArray(value(await api.addresses.streets({ settlement_id: settlement.id })))).toBe(true);
    const dictionaries = value(await api.addresses.dictionaries({ name: 'GENDER' }));
    expect(dictionaries[0]).toMatchObject({ name: 'GENDER' });
  });

  it('adds an OTP phone with the SMS code; a wrong code maps to SMS_CODE_WRONG with eHealth error kept', async () => {
    const phone = '+380501119901';
    const request = value(
      await api.person.createAuthenticationMethodRequest(patient, { type: 'OTP', phone_number: phone }),
    );
    const sms = (await (
      await fetch(`${sb.baseUrl}/sandbox/sms?phone=${encodeURIComponent(phone)}`)
    ).json()) as { data: { code: string }[] };
    const code = Number(sms.data[0]?.code);
    const wrong = await api.person.approveAuthenticationMethodRequest(
      patient,
      request.id,
      (code + 1) % 10_000,
    );
    expect(wrong.ok || wrong.error).toMatchObject({
      code: 'SMS_CODE_WRONG',
      details: {
        retryable: false,
        status: 403,
        ehealth: { type: 'forbidden', message: 'Invalid verification code' },
      },
    });
    expect(
      value(await api.person.approveAuthenticationMethodRequest(patient, request.id, code)),
    ).toMatchObject({ status: 'COMPLETED' });
  });

  it('maps eHealth refusals: validation, not found, wrong api-key, missing token', async () => {
    const invalid = await api.declarationRequests.create(patient, {
      employee_id: 'not-a-uuid',
      division_id: 'x',
    });
    expect(invalid.ok || invalid.error).toMatchObject({
      code: 'VALIDATION',
      details: { ehealth: { type: 'validation_failed' } },
    });
    if (!invalid.ok) expect(invalid.error.details.ehealth?.invalid.length).toBeGreaterThan(0);
    const missing = await api.declarations.get(patient, '00000000-0000-4000-8000-000000000000');
    expect(missing.ok || missing.error.code).toBe('EHEALTH_NOT_FOUND');
    const badKey = await createPisApiFromConfig({ baseUrl: sb.baseUrl, apiKey: 'wrong' }).bulk.fetch(
      'legal_entities',
    );
    expect(badKey.ok || badKey.error).toMatchObject({
      code: 'EHEALTH_UNAUTHORIZED',
      details: { ehealth: { message: 'Invalid API-KEY' } },
    });
    const noToken = await api.person.get(
      api.patientTokens({ accessToken: null, refreshToken: null, expiresAt: null }),
    );
    expect(noToken.ok || noToken.error).toMatchObject({
      code: 'EHEALTH_UNAUTHORIZED',
      details: { refreshFailed: true },
    });
  });
});
