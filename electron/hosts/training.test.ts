import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/log';
import { createServices } from '../core/services';
import { err, ok, type Result } from '#shared/result';
import {
  awaitFirstDirectory,
  ehealthConfigFor,
  sandboxOptions,
  startTrainingBackend,
  storedEnvironment,
  type StartSandbox,
} from './training';

const dir = mkdtempSync(join(tmpdir(), 'kiosk-training-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const log = silentLogger();

describe('training sandbox options', () => {
  it('keep a national sandbox with the Electron kiosk, a small disposable one in the host’s temp folder with the browser host', () => {
    expect(sandboxOptions({ dataDir: '/k', tempDir: '/t', host: 'electron', log, env: {} })).toEqual({
      host: '127.0.0.1',
      port: 0,
      seed: 'national',
      dataDir: join('/k', 'sandbox'),
    });
    expect(sandboxOptions({ dataDir: '/k', tempDir: '/t', host: 'browser', log, env: {} })).toEqual({
      host: '127.0.0.1',
      port: 0,
      seed: 'small',
      dataDir: join('/t', 'sandbox'),
    });
  });

  it('follow the environment overrides', () => {
    const env = { KIOSK_SANDBOX_SEED: 'national', KIOSK_SANDBOX_PERSIST: '1' };
    expect(sandboxOptions({ dataDir: '/k', tempDir: '/t', host: 'browser', log, env })).toMatchObject({
      seed: 'national',
      dataDir: join('/k', 'sandbox'),
    });
    expect(
      sandboxOptions({
        dataDir: '/k',
        tempDir: '/t',
        host: 'electron',
        log,
        env: { KIOSK_SANDBOX_PERSIST: '0' },
      })?.dataDir,
    ).toBe(join('/t', 'sandbox'));
    expect(
      sandboxOptions({
        dataDir: '/k',
        tempDir: '/t',
        host: 'electron',
        log,
        env: { KIOSK_SANDBOX_SEED: 'huge' },
      })?.seed,
    ).toBe('national');
    expect(
      sandboxOptions({ dataDir: '/k', tempDir: '/t', host: 'electron', log, env: { KIOSK_SANDBOX: 'off' } }),
    ).toBeNull();
    expect(
      sandboxOptions({ dataDir: ':memory:', tempDir: '/t', host: 'electron', log, env: {} })?.dataDir,
    ).toBe(join('/t', 'sandbox'));
  });
});

describe('starting the training backend', () => {
  const backend = {
    baseUrl: 'http://127.0.0.1:5',
    clientId: 'id',
    clientSecret: 'secret',
    apiKey: 'secret',
    tsaUrl: 'http://127.0.0.1:5/tsa',
    scope: 'person:sign_in',
    close: async () => undefined,
  };

  it('passes the host’s options and maps the sandbox to the services’ eHealth port', async () => {
    const start = vi.fn<StartSandbox>(async () => backend);
    const r = await startTrainingBackend(start, {
      dataDir: '/k',
      tempDir: '/t',
      host: 'browser',
      log,
      env: {},
    });
    expect(r).toEqual({ ok: true, value: backend });
    expect(start).toHaveBeenCalledWith({
      host: '127.0.0.1',
      port: 0,
      seed: 'small',
      dataDir: join('/t', 'sandbox'),
    });
    expect(ehealthConfigFor(backend)).toEqual({
      baseUrl: 'http://127.0.0.1:5',
      apiKey: 'secret',
      clientId: 'id',
      clientSecret: 'secret',
      scope: 'person:sign_in',
    });
  });

  it('turns a missing, disabled or failing sandbox into an error value', async () => {
    expect(
      await startTrainingBackend(null, { dataDir: '/k', tempDir: '/t', host: 'browser', log }),
    ).toMatchObject({
      ok: false,
    });
    const never = vi.fn<StartSandbox>();
    expect(
      await startTrainingBackend(never, {
        dataDir: '/k',
        tempDir: '/t',
        host: 'browser',
        log,
        env: { KIOSK_SANDBOX: 'off' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_AVAILABLE' },
    });
    expect(never).not.toHaveBeenCalled();
    const failing: StartSandbox = async () => {
      throw new Error('EADDRINUSE');
    };
    expect(
      await startTrainingBackend(failing, { dataDir: '/k', tempDir: '/t', host: 'browser', log, env: {} }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_AVAILABLE' },
    });
  });
});

describe('the first directory of a training kiosk', () => {
  /** A directory whose sync the test settles. */
  function directory(synced: boolean) {
    let settle: (r: Result<unknown>) => void = () => undefined;
    let lastSyncAt: string | null = synced ? '2026-03-01T00:00:00.000Z' : null;
    const d = {
      syncs: 0,
      status: () => ({ lastSyncAt, doctors: lastSyncAt ? 5 : 0 }),
      sync: () => {
        d.syncs++;
        return new Promise<Result<unknown>>((resolve) => (settle = resolve));
      },
      finish: (r: Result<unknown>) => {
        if (r.ok) lastSyncAt = '2026-03-02T00:00:00.000Z';
        settle(r);
      },
    };
    return d;
  }

  it('is waited for when there is none yet: the kiosk is ready once it is in place', async () => {
    const d = directory(false);
    let ready: boolean | null = null;
    const waiting = awaitFirstDirectory(d, log).then((r) => (ready = r));
    await new Promise((r) => setTimeout(r, 10));
    expect(ready).toBeNull();
    expect(d.syncs).toBe(1);
    d.finish(ok({}));
    await waiting;
    expect(ready).toBe(true);
  });

  it('is not synced again when the kiosk already has one', async () => {
    const d = directory(true);
    expect(await awaitFirstDirectory(d, log)).toBe(true);
    expect(d.syncs).toBe(0);
  });

  it('a failed or slow first sync does not keep the kiosk from starting', async () => {
    const failing = directory(false);
    const waiting = awaitFirstDirectory(failing, log);
    failing.finish(err('SYNC_FAILED', 'down'));
    expect(await waiting).toBe(false);
    const slow = directory(false);
    expect(await awaitFirstDirectory(slow, log, 20)).toBe(false);
  });
});

describe('stored environment', () => {
  it('is read before the services start, training by default', async () => {
    const dataDir = join(dir, 'env');
    expect(storedEnvironment(dataDir)).toBe('training');
    const services = createServices({ dataDir, log, version: 't', background: false });
    services.settings.update({ environment: 'preprod' });
    await services.close();
    expect(storedEnvironment(dataDir)).toBe('preprod');
  });
});
