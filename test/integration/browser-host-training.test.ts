/**
 * Training mode in the browser host with the real embedded sandbox: the host starts it before the
 * services, the services get its eHealth address and credentials, the host is ready once the
 * directory is in place, and closing the host stops it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../electron/core/log';
import { startBrowserHost } from '../../electron/hosts/browser-host';
import { startSandbox } from '../../electron/sandbox/index';

const base = mkdtempSync(join(tmpdir(), 'kiosk-host-training-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('browser host in training mode', () => {
  it('runs the kiosk against its own sandbox and stops it on close', async () => {
    const site = join(base, 'site');
    mkdirSync(site);
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>k</title>');
    const host = await startBrowserHost({
      port: 0,
      dataDir: join(base, 'data'),
      rendererDir: site,
      log: silentLogger(),
      version: 't',
      startSandbox,
    });
    try {
      expect(host.training).not.toBeNull();
      const baseUrl = host.training?.baseUrl ?? '';
      expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(host.services.ehealth).not.toBeNull();
      const health = await fetch(`${baseUrl}/sandbox/health`);
      expect(health.status).toBe(200);
      // ready means the directory is in place: a patient who signs in at once sees their doctor
      expect(host.services.directory.status()).toMatchObject({
        syncing: false,
        lastSyncAt: expect.any(String),
      });
      expect(host.services.directory.status().doctors).toBeGreaterThan(0);
    } finally {
      await host.close();
    }
    await expect(fetch(`${host.training?.baseUrl}/sandbox/health`)).rejects.toThrow();
  }, 120_000);
});
