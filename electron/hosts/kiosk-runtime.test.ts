import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Environment } from '#shared/contract/app';
import { openKioskDatabase } from '../core/db/kiosk-db';
import { silentLogger } from '../core/log';
import { SettingsStore } from '../core/kiosk';
import type { KioskServices } from '../core/services';
import { KioskRuntime } from './kiosk-runtime';
import { patientPortsFor } from './patient-ports';
import { storedEnvironment, type StartSandbox, type TrainingBackend } from './training';

/**
 * The runtime's restart order (kiosk-runtime.ts): the saved environment's backend is prepared while
 * the running services still serve; only then are they stopped and the new ones built. What happens
 * when is recorded through the ports the runtime is given (the sandbox's start and close) and read
 * from the services themselves (their database is closed with them).
 */

const CTX = { origin: 'http://kiosk.test' };
const dirs: string[] = [];
const runtimes: KioskRuntime[] = [];

afterEach(async () => {
  for (const r of runtimes.splice(0)) await r.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A sandbox that is never reached (no background work): what it was asked, and when it was closed. */
function fakeSandboxes(events: string[], opts: { fail?: boolean; observe?: () => void } = {}) {
  let n = 0;
  const start: StartSandbox = async () => {
    opts.observe?.();
    if (opts.fail) {
      events.push('sandbox start failed');
      throw new Error('port in use');
    }
    const id = ++n;
    events.push(`sandbox ${id} started`);
    const backend: TrainingBackend = {
      baseUrl: `http://127.0.0.1:9/${id}`,
      clientId: 'client',
      clientSecret: 'secret',
      apiKey: 'secret',
      tsaUrl: `http://127.0.0.1:9/${id}/tsa`,
      scope: 'person:sign_in',
      close: async () => void events.push(`sandbox ${id} closed`),
    };
    return backend;
  };
  return start;
}

/** A kiosk data directory whose saved environment is `environment`, and its runtime. */
async function runtimeIn(environment: Environment, startSandbox: StartSandbox): Promise<KioskRuntime> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-runtime-'));
  dirs.push(dataDir);
  const db = openKioskDatabase(dataDir);
  new SettingsStore(db).update({ environment });
  db.close();
  const runtime = await KioskRuntime.start({
    dataDir,
    tempDir: join(dataDir, 'tmp'),
    log: silentLogger(),
    host: 'browser',
    startSandbox,
    ports: { version: 'test', background: false },
    patientPorts: (training) =>
      patientPortsFor({ training, env: { KIOSK_MEDIA_DIR: join(dataDir, 'media') } }),
    isAllowedOrigin: () => true,
    env: {},
  });
  runtimes.push(runtime);
  return runtime;
}

/** What the registrar's settings do before a restart: the new environment is saved. */
const save = (services: KioskServices, environment: Environment) => services.settings.update({ environment });

const restartFailures = (services: KioskServices) =>
  services.audit
    .list(50)
    .filter((e) => e.action === 'registrar.settings.restartFailed')
    .map((e) => ({ actor: e.actor, detail: JSON.parse(e.detail ?? 'null') as unknown }));

describe('KioskRuntime restart: the new backend before the old services stop', () => {
  it('starts the training sandbox while the old services still serve, then replaces them', async () => {
    const events: string[] = [];
    let runtime: KioskRuntime | null = null;
    const start = fakeSandboxes(events, {
      observe: () => events.push(runtime?.current().db.open ? 'old services open' : 'old services closed'),
    });
    runtime = await runtimeIn('demo', start);
    const old = runtime.current();
    save(old, 'training');
    expect(await runtime.restart()).toEqual({ ok: true, value: undefined });
    expect(events).toEqual(['old services open', 'sandbox 1 started']);
    expect(old.db.open).toBe(false);
    const now = runtime.current();
    expect(now).not.toBe(old);
    expect(now.settings.get().environment).toBe('training');
    expect(runtime.training?.baseUrl).toBe('http://127.0.0.1:9/1');
    expect(now.ehealth?.client.config.baseUrl).toBe('http://127.0.0.1:9/1');
  });

  it('leaves the running services and their environment as they were when the sandbox fails to start', async () => {
    const events: string[] = [];
    const runtime = await runtimeIn('demo', fakeSandboxes(events, { fail: true }));
    const old = runtime.current();
    save(old, 'training');
    const r = await runtime.restart();
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE' } });
    expect(events).toEqual(['sandbox start failed']);
    // the same services, still answering, in the environment they run in
    expect(runtime.current()).toBe(old);
    expect(old.db.open).toBe(true);
    expect(await runtime.dispatch('appInfo', {}, CTX)).toMatchObject({ ok: true });
    expect(storedEnvironment(dirs[0] ?? '')).toBe('demo');
    expect(restartFailures(old)).toEqual([
      { actor: 'kiosk', detail: { environment: 'training', code: 'NOT_AVAILABLE' } },
    ]);
  });

  it('keeps training running when the real environment it was switched to has no credentials', async () => {
    const events: string[] = [];
    const runtime = await runtimeIn('training', fakeSandboxes(events));
    const old = runtime.current();
    save(old, 'demo');
    expect(await runtime.restart()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(events).toEqual(['sandbox 1 started']); // never closed
    expect(runtime.current()).toBe(old);
    expect(runtime.training?.baseUrl).toBe('http://127.0.0.1:9/1');
    expect(old.settings.get().environment).toBe('training');
    expect(restartFailures(old)).toHaveLength(1);

    // with its credentials the same switch goes ahead: training's services and sandbox end
    for (const [name, value] of [
      ['clientId', 'demo-client'],
      ['clientSecret', 'demo-secret'],
      ['apiKey', 'demo-key'],
    ] as const)
      old.registrar.secrets.set('demo', name, value);
    save(old, 'demo');
    expect((await runtime.restart()).ok).toBe(true);
    expect(events).toEqual(['sandbox 1 started', 'sandbox 1 closed']);
    expect(old.db.open).toBe(false);
    expect(runtime.training).toBeNull();
    expect(runtime.current().ehealth?.client.config.baseUrl).toBe('https://api-demo.ehealth.gov.ua');
  });

  it('from training into training: the old sandbox stops before the new one starts on its folder', async () => {
    const events: string[] = [];
    const runtime = await runtimeIn('training', fakeSandboxes(events));
    expect((await runtime.restart()).ok).toBe(true);
    expect(events).toEqual(['sandbox 1 started', 'sandbox 1 closed', 'sandbox 2 started']);
    expect(runtime.training?.baseUrl).toBe('http://127.0.0.1:9/2');
  });
});
