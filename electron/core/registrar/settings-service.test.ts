import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Environment } from '#shared/contract/app';
import { err, ok, type Result } from '#shared/result';
import { SecretBox } from '../crypto/secret-box';
import { openKioskDatabase } from '../db/kiosk-db';
import { DirectoryService } from '../directory/directory-service';
import { EventBus } from '../events';
import { AuditLog } from './audit';
import { SecretSettings } from './secrets';
import { RegistrarSettingsService } from './settings-service';
import { SettingsStore } from './settings';

function setup(opts: { unsettled?: number; patient?: boolean; backend?: Result<void> } = {}) {
  const db = openKioskDatabase(':memory:');
  const events = new EventBus();
  const audit = new AuditLog(db);
  const settings = new SettingsStore(db);
  const secrets = new SecretSettings(db, new SecretBox(randomBytes(32)));
  const directory = new DirectoryService({ db, api: null });
  const applied: Environment[] = [];
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
    applyBackend: async (environment) => {
      applied.push(environment);
      return opts.backend ?? ok(undefined);
    },
  });
  return { db, audit, settings, secrets, service, applied, changes };
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
    expect(t.applied).toEqual([]); // nothing about the eHealth connection changed
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

  it('stores credentials write-only and switches the backend before saving a new environment', async () => {
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
    expect(t.applied).toEqual([]); // prod is not in use yet
    expect(await t.service.update({ environment: 'prod' }, 'R-01')).toMatchObject({
      ok: true,
      value: { environment: 'prod' },
    });
    expect(t.applied).toEqual(['prod']);
    expect(t.settings.get().environment).toBe('prod');
    expect(t.changes.at(-1)).toBe('prod');
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
    expect(waiting.applied).toEqual([]);
    expect(busy.applied).toEqual([]);
    expect(waiting.settings.get().environment).toBe('training');
  });

  it('leaves everything as it was when the new backend cannot be configured', async () => {
    const t = setup({ backend: err('VALIDATION', 'missing', { missing: ['apiKey'] }) });
    expect(await t.service.update({ environment: 'demo' }, 'R-01')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { missing: ['apiKey'] } },
    });
    expect(t.settings.get().environment).toBe('training');
    expect(t.audit.list(1)[0]).toMatchObject({ action: 'registrar.settings.backendRefused' });
  });
});
