/**
 * Switching the eHealth environment from the registrar panel, through the real services: the
 * credentials are sealed in the kiosk database, the PIS client every service already holds follows
 * the switch (the next patient session talks to the new backend), and a restart starts on it.
 * The network is a recording transport: nothing leaves this machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HttpRequestInit, HttpTransport } from '../../electron/core/ehealth/transport';
import { silentLogger } from '../../electron/core/log';
import { createServices, type KioskServices } from '../../electron/core/services';
import { createHandlers } from '../../electron/ipc/handlers';

const FAST = { N: 1024, r: 8, p: 1, keyLength: 32 };
const dirs: string[] = [];
const opened: KioskServices[] = [];
afterAll(async () => {
  for (const s of opened) await s.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const sent: { url: string; init: HttpRequestInit }[] = [];
const recording: HttpTransport = async (url, init) => {
  sent.push({ url, init });
  return {
    status: 200,
    headers: { get: (n: string) => (n.toLowerCase() === 'content-type' ? 'application/json' : null) },
    text: async () => JSON.stringify({ meta: { code: 200 }, data: { token: 'n-1', expires_at: 0 } }),
  };
};

function kiosk(dataDir: string, withTrainingConfig: boolean): KioskServices {
  const s = createServices({
    dataDir,
    log: silentLogger(),
    version: 'it',
    background: false,
    transport: recording,
    pinScrypt: FAST,
    ...(withTrainingConfig
      ? {
          ehealth: {
            baseUrl: 'https://training.invalid',
            apiKey: 'training-key',
            clientId: 'training-client',
            clientSecret: 'training-secret',
          },
        }
      : {}),
  });
  opened.push(s);
  return s;
}

describe('switching the eHealth environment', () => {
  it('applies credentials and environment to the running kiosk and keeps them for the next start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-registrar-backend-'));
    dirs.push(dataDir);
    const services = kiosk(dataDir, true);
    const handlers = createHandlers(services);
    const ctx = { origin: 'app://kiosk' };
    const heldClient = services.patient.pis(); // what the patient services were given at start
    expect(heldClient.client.config.baseUrl).toBe('https://training.invalid');

    expect(await handlers.registrarOverview({}, ctx)).toMatchObject({
      ok: false,
      error: { code: 'REGISTRAR_REQUIRED' },
    });
    const { code } = await services.registrar.accounts.enrollment.issue();
    expect(
      (await handlers.registrarSetFirstPin({ registrarId: 'R-01', pin: '250871', enrollmentCode: code }, ctx))
        .ok,
    ).toBe(true);

    // a real environment without credentials is refused and nothing changes
    expect(await handlers.registrarUpdateSettings({ environment: 'demo' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { missing: ['clientId', 'clientSecret', 'apiKey'] } },
    });
    expect(services.settings.get().environment).toBe('training');

    for (const [name, value] of [
      ['clientId', 'demo-client-0042'],
      ['clientSecret', 'demo-secret-0042-xyz'],
      ['apiKey', 'demo-api-key-0042-xyz'],
    ] as const)
      expect(
        (await handlers.registrarUpdateSettings({ credential: { environment: 'demo', name, value } }, ctx))
          .ok,
      ).toBe(true);
    const switched = await handlers.registrarUpdateSettings(
      { environment: 'demo', baseUrl: { environment: 'demo', url: 'https://demo-proxy.clinic.invalid' } },
      ctx,
    );
    expect(switched).toMatchObject({ ok: true, value: { environment: 'demo' } });
    expect(JSON.stringify(switched)).not.toMatch(/demo-secret|demo-api-key|demo-client/);

    // the client held since start now talks to the new backend, with the new api-key
    expect(heldClient.client.config.baseUrl).toBe('https://demo-proxy.clinic.invalid');
    sent.length = 0;
    await heldClient.auth.nonce();
    expect(sent[0]?.url).toMatch(/^https:\/\/demo-proxy\.clinic\.invalid\//);
    expect(sent[0]?.init.headers['api-key']).toBe('demo-api-key-0042-xyz');
    expect(await handlers.appInfo({}, ctx)).toMatchObject({
      ok: true,
      value: { environment: 'demo', trainingMode: false },
    });

    // back to training needs the host's sandbox, which this kiosk has not got: refused, demo stays
    expect(await handlers.registrarUpdateSettings({ environment: 'training' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'NOT_AVAILABLE' },
    });
    expect(services.settings.get().environment).toBe('demo');
    await services.close();
    opened.pop();

    // a restart without any host configuration starts on the stored environment and its sealed credentials
    const restarted = kiosk(dataDir, false);
    expect(restarted.ehealth?.client.config).toMatchObject({
      baseUrl: 'https://demo-proxy.clinic.invalid',
      apiKey: 'demo-api-key-0042-xyz',
      clientId: 'demo-client-0042',
    });
    expect(restarted.registrar.panel.overview().restartRequired).toBe(false);
  });
});
