/**
 * The link to eHealth as a clinic has it, against the real sandbox with real sign-in (signer
 * process, persona keys): a captive portal answering in eHealth's place refuses nothing — queued
 * acts wait and go out once it is gone, and the registrar sees "degraded: captive portal" — and a
 * kiosk clock an hour fast or slow still signs patients in and delivers, with a warning for the
 * registrar (the sandbox keeps its own, correct clock).
 */
import { dirname, join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../electron/core/log';
import { createServices, type KioskServices } from '../../electron/core/services';
import { folderMedia } from '../../electron/core/session/folder-media';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox';
import { appliedUnder } from './outbox-helpers';
import { TEST_KEYS_DIR } from './sandbox-helpers';

let sb: SandboxHandle;
const dirs: string[] = [];
const opened: KioskServices[] = [];

const tempDir = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};

function kiosk(clockOffsetMs = 0): KioskServices {
  const services = createServices({
    dataDir: tempDir('kiosk-link-it-'),
    log: silentLogger(),
    version: 'it',
    now: () => new Date(Date.now() + clockOffsetMs),
    ehealth: {
      baseUrl: sb.baseUrl,
      apiKey: sb.apiKey,
      clientId: sb.clientId,
      clientSecret: sb.clientSecret,
      scope: sb.scope,
    },
    patient: {
      keyFolder: dirname(dirname(sb.personas[0]?.keyFile ?? '')),
      media: folderMedia(tempDir('kiosk-no-media-')),
      tsaUrl: sb.tsaUrl,
      trustList: sb.trustList,
    },
  });
  opened.push(services);
  return services;
}

async function signIn(services: KioskServices, personaId: string) {
  const persona = sb.personas.find((p) => p.id === personaId);
  const key = (await services.keys.list(false)).find((k) => k.folder === personaId);
  if (!persona || !key) throw new Error(`no key for ${personaId}`);
  return services.signIn.start(key.id, new TextEncoder().encode(persona.password));
}

/** One of the signed-in patient's e-cabinet apps (not the kiosk's own), and its revocation to queue. */
async function revocation(services: KioskServices) {
  const tokens = services.patient.tokens();
  const ctx = services.patient.current();
  if (!tokens || !ctx || !services.ehealth) throw new Error('nobody signed in');
  const apps = await services.ehealth.apps.list(tokens);
  if (!apps.ok) throw new Error(`apps: ${apps.error.code}`);
  const app = apps.value.data.find((a) => a.client_id !== sb.clientId);
  if (!app) throw new Error('no app to revoke');
  return () => {
    const q = services.outbox.enqueue({
      kind: 'app.revoke',
      params: { appId: app.id },
      patientKey: ctx.patientKey,
      credentials: tokens.current(),
    });
    if (!q.ok) throw new Error(q.error.message);
    return q.value;
  };
}

async function until(check: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const keyOf = (services: KioskServices, id: string) =>
  (
    services.db.prepare('SELECT idempotency_key AS k FROM outbox_operations WHERE id = ?').get(id) as {
      k: string;
    }
  ).k;

beforeAll(async () => {
  sb = await startSandbox({ seed: 'small', keysCacheDir: TEST_KEYS_DIR });
}, 180_000);

afterAll(async () => {
  for (const s of opened) await s.close();
  await sb?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('a captive portal in eHealth’s place', () => {
  it('refuses nothing: the act waits, the registrar sees the cause, and it goes out once the portal is gone', async () => {
    const services = kiosk();
    const signed = await signIn(services, 'adult-with-apps');
    expect(signed).toMatchObject({ ok: true });
    const queue = await revocation(services);
    sb.faults.set({ captivePortal: true });
    try {
      const op = queue();
      await until(
        () =>
          (services.outbox.get(op.id)?.attempts ?? 0) >= 1 && services.outbox.get(op.id)?.state !== 'sending',
      );
      expect(services.outbox.get(op.id)).toMatchObject({
        state: 'waiting-network',
        error: { code: 'EHEALTH_UNAVAILABLE' },
      });
      await until(() => services.connectivity() === 'degraded');
      expect(services.registrar.panel.overview()).toMatchObject({
        connectivity: 'degraded',
        connectivityCause: 'captive-portal',
      });
      sb.faults.set({ captivePortal: false });
      const settled = await services.outbox.whenSettled(op.id);
      expect(settled.view).toMatchObject({ state: 'done', error: null });
      expect(await appliedUnder(sb, keyOf(services, op.id))).toMatchObject({ applied: 1 });
      await until(() => services.connectivity() === 'online');
      expect(services.registrar.panel.overview().connectivityCause).toBeNull();
    } finally {
      sb.faults.reset();
    }
  }, 90_000);
});

describe('a kiosk clock an hour off', () => {
  for (const [label, offsetMs] of [
    ['fast', 3_600_000],
    ['slow', -3_600_000],
  ] as const) {
    it(`an hour ${label}: signs in, delivers, and warns the registrar`, async () => {
      const services = kiosk(offsetMs);
      const signed = await signIn(services, 'adult-with-apps');
      expect(signed).toMatchObject({ ok: true, value: { access: 'full' } });
      const op = (await revocation(services))();
      const settled = await services.outbox.whenSettled(op.id);
      expect(settled.view).toMatchObject({ state: 'done' });
      const overview = services.registrar.panel.overview();
      expect(overview.clockWarning).toBe(true);
      expect(Math.abs((overview.clockOffsetSeconds ?? 0) + offsetMs / 1000)).toBeLessThan(5);
    }, 90_000);
  }
});
