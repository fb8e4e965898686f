import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox } from '../crypto/secret-box';
import { openKioskDatabase } from '../db/kiosk-db';
import { DirectoryService } from '../directory/directory-service';
import { EventBus } from '../events';
import { AuditLog } from '../kiosk/audit';
import { SecretSettings } from '../kiosk/secrets';
import { RegistrarSettingsService } from './settings-service';
import { SettingsStore } from '../kiosk/settings';

function setup(
  opts: { unsettled?: number; patient?: boolean; training?: boolean; canRestart?: boolean } = {},
) {
  const db = openKioskDatabase(':memory:');
  const events = new EventBus();
  const audit = new AuditLog(db, new SecretBox(randomBytes(32)));
  const settings = new SettingsStore(db);
  const secrets = new SecretSettings(db, new SecretBox(randomBytes(32)));
  const directory = new DirectoryService({ db, api: null });
  let restarts = 0;
  const changes: string[] = [];
  events.on('kioskSettingsChanged', ({ environment }) => changes.push(environment));
  const service = new RegistrarSettingsService({
    settings,
    secrets,
    audit,
    events,
    directory: () => directory,
    unsettledOperations: () => opts.unsettled ?? 0,
    patientSignedIn: () => opts.patient ?? false,
    trainingAvailable: opts.training ?? true,
    restart: opts.canRestart === false ? null : () => restarts++,
  });
  return { db, audit, settings, secrets, service, changes, restarts: () => restarts };
}

describe('registrar settings', () => {
  it('saves plain settings at once, announces them, and audits the names of what changed', async () => {
    const t = setup();
    const r = await t.service.update(
      {
        idleTimeoutSeconds: 45,
        idleWarningSeconds: 25,
        printerName: 'Reception HP',
        defaults: { language: 'en', largeText: true },
        clinic: { divisionId: 'div-7', latitude: 50.45, longitude: 30.52 },
      },
      'R-01',
    );
    expect(r).toMatchObject({
      ok: true,
      value: {
        idleTimeoutSeconds: 45,
        idleWarningSeconds: 25,
        printerName: 'Reception HP',
        defaults: { language: 'en', largeText: true, highContrast: false },
        clinic: { divisionId: 'div-7', latitude: 50.45, longitude: 30.52 },
      },
    });
    expect(t.settings.get()).toMatchObject({ idleTimeoutSeconds: 45, language: 'en', largeText: true });
    expect(t.restarts()).toBe(0); // nothing about the eHealth connection changed
    expect(t.changes).toEqual(['training']);
    expect(t.audit.list(1)[0]).toMatchObject({
      actor: 'registrar:R-01',
      action: 'registrar.settings.update',
    });
    expect(t.audit.list(1)[0]?.detail).not.toContain('Reception HP');
  });

  it('refuses a warning as long as the timeout, and half a pair of coordinates', async () => {
    const t = setup();
    expect(await t.service.update({ idleTimeoutSeconds: 40, idleWarningSeconds: 40 }, 'R-01')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(
      await t.service.update({ clinic: { divisionId: null, latitude: 50.4, longitude: null } }, 'R-01'),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(t.settings.get().idleTimeoutSeconds).toBe(90);
  });

  it('stores credentials write-only; a new environment is saved, then the kiosk restarts into it', async () => {
    const t = setup();
    for (const [name, value] of [
      ['clientId', 'kiosk-client-0001'],
      ['clientSecret', 'cs-secret-value-0001'],
      ['apiKey', 'ak-secret-value-0001'],
    ] as const) {
      const r = await t.service.update({ credential: { environment: 'prod', name, value } }, 'R-01');
      expect(r.ok && r.value.credentials.prod[name].set).toBe(true);
      expect(JSON.stringify(r)).not.toContain(value);
    }
    expect(t.restarts()).toBe(0); // prod is not in use yet
    expect(await t.service.update({ environment: 'prod' }, 'R-01')).toMatchObject({
      ok: true,
      value: { environment: 'prod', baseUrls: { prod: 'https://api.ehealth.gov.ua' } },
    });
    expect(t.restarts()).toBe(1);
    expect(t.settings.get().environment).toBe('prod');
    expect(t.changes.at(-1)).toBe('prod');
    expect(t.audit.list(1)[0]).toMatchObject({ action: 'registrar.settings.restart' });
    // a new credential of the environment in use needs a restart too
    expect(
      (
        await t.service.update(
          { credential: { environment: 'prod', name: 'apiKey', value: 'ak-2-xxxxxxxx' } },
          'R-01',
        )
      ).ok,
    ).toBe(true);
    expect(t.restarts()).toBe(2);
    // the environment in use cannot lose its credentials
    expect(
      await t.service.update({ credential: { environment: 'prod', name: 'apiKey', value: null } }, 'R-01'),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    for (const e of t.audit.list(20)) expect(e.detail ?? '').not.toMatch(/secret-value|client-0001/);
  });

  it('keeps the environment when operations of the old one wait, or a visitor is signed in', async () => {
    const waiting = setup({ unsettled: 2 });
    expect(await waiting.service.update({ environment: 'demo' }, 'R-01')).toMatchObject({
      ok: false,
      error: { code: 'OUTBOX_NOT_EMPTY', details: { operations: 2 } },
    });
    const busy = setup({ patient: true });
    expect(await busy.service.update({ environment: 'demo' }, 'R-01')).toMatchObject({
      ok: false,
      error: { code: 'SESSION_BUSY' },
    });
    // a plain setting is fine with a visitor signed in
    expect((await busy.service.update({ idleTimeoutSeconds: 120 }, 'R-01')).ok).toBe(true);
    expect(waiting.restarts()).toBe(0);
    expect(busy.restarts()).toBe(0);
    expect(waiting.settings.get().environment).toBe('training');
  });

  it('leaves everything as it was when the new environment cannot run', async () => {
    const t = setup();
    await t.service.update(
      { credential: { environment: 'demo', name: 'clientId', value: 'demo-client-01' } },
      'R-01',
    );
    expect(await t.service.update({ environment: 'demo' }, 'R-01')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { missing: ['clientSecret', 'apiKey'] } },
    });
    expect(t.settings.get().environment).toBe('training');
    expect(t.audit.list(1)[0]).toMatchObject({ action: 'registrar.settings.backendRefused' });
    expect(t.restarts()).toBe(0);
    // training needs a host with the sandbox
    const noSandbox = setup({ training: false });
    for (const name of ['clientId', 'clientSecret', 'apiKey'] as const)
      await noSandbox.service.update(
        { credential: { environment: 'prod', name, value: `${name}-value-0001` } },
        'R-01',
      );
    expect((await noSandbox.service.update({ environment: 'prod' }, 'R-01')).ok).toBe(true);
    expect(await noSandbox.service.update({ environment: 'training' }, 'R-01')).toMatchObject({
      ok: false,
      error: { code: 'NOT_AVAILABLE' },
    });
    expect(noSandbox.settings.get().environment).toBe('prod');
  });

  it('changes nothing about the eHealth connection on a host that cannot restart the kiosk', async () => {
    const t = setup({ canRestart: false });
    for (const name of ['clientId', 'clientSecret', 'apiKey'] as const)
      await t.service.update(
        { credential: { environment: 'prod', name, value: `${name}-value-0001` } },
        'R-01',
      );
    expect(await t.service.update({ environment: 'prod' }, 'R-01')).toMatchObject({
      ok: false,
      error: { code: 'NOT_AVAILABLE' },
    });
    expect(t.settings.get().environment).toBe('training');
  });

  it('has no setting for the eHealth host: the screen shows eHealth’s own, or the one IT set on the machine', async () => {
    const t = setup();
    expect(t.service.view()).toMatchObject({
      baseUrls: {
        demo: 'https://api-demo.ehealth.gov.ua',
        preprod: 'https://api-preprod.ehealth.gov.ua',
        prod: 'https://api.ehealth.gov.ua',
      },
      officialHosts: { demo: true, preprod: true, prod: true },
    });
    t.settings.update({ operatorHosts: { prod: 'https://ehealth-proxy.clinic.example/' } });
    expect(t.service.view()).toMatchObject({
      baseUrls: { prod: 'https://ehealth-proxy.clinic.example' },
      officialHosts: { demo: true, preprod: true, prod: false },
    });
    // whatever a patch carries about a host is not part of the settings the service applies
    const patch = { baseUrl: { environment: 'prod', url: 'https://evil.example' } } as never;
    await t.service.update(patch, 'R-01');
    expect(t.service.view().baseUrls.prod).toBe('https://ehealth-proxy.clinic.example');
  });
});
