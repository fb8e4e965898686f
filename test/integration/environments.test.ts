/**
 * eHealth hosts and environments through the kiosk's runtime (the same one both hosts run): a real
 * training sandbox, the registrar's channels, and a recording transport for the real environments
 * (nothing leaves this machine).
 *
 * - The touch screen cannot point the kiosk at a host: production's base URL is eHealth's own, an
 *   old stored URL is ignored, and only the ops CLI on the machine (audited) sets another host.
 *   Credentials are write-only and go to no host off that list.
 * - Switching training → production restarts the services: no persona key is listed any more, the
 *   time-stamp service is the one in the patient's certificate (production's), the sandbox is gone,
 *   the registrar must sign in again. Training and production keep their outbox and audit apart: an
 *   operation made in training is never seen or delivered in production, and the reverse.
 * - The doctor directory too: the sandbox's doctors synced in training are never searched in
 *   production, which has no directory until its own first sync ("not synced yet"); back in training
 *   they are there again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli';
import type { CliIO } from '../../electron/cli/types';
import { loadSecretKey } from '../../electron/core/crypto/key-store';
import { openKioskDatabase } from '../../electron/core/db/kiosk-db';
import type { HttpRequestInit, HttpTransport } from '../../electron/core/ehealth/transport';
import { silentLogger } from '../../electron/core/log';
import { Outbox } from '../../electron/core/outbox/outbox';
import { AuditLog } from '../../electron/core/kiosk/audit';
import type { KioskServices } from '../../electron/core/services';
import { KioskRuntime } from '../../electron/hosts/kiosk-runtime';
import { patientPortsFor } from '../../electron/hosts/patient-ports';
import type { StartSandbox } from '../../electron/hosts/training';
import { startSandbox } from '../../electron/sandbox';
import { TEST_KEYS_DIR } from './sandbox-helpers';

const FAST = { N: 1024, r: 8, p: 1, keyLength: 32 };
const CTX = { origin: 'http://kiosk.test' };
const LISTED = [
  'https://api.ehealth.gov.ua',
  'https://api-demo.ehealth.gov.ua',
  'https://api-preprod.ehealth.gov.ua',
];
const PROXY = 'https://ehealth-proxy.clinic.example';

let dataDir: string;
let media: string;
let runtime: KioskRuntime;
const sent: { url: string; init: HttpRequestInit }[] = [];

/** The sandbox is reached for real; every other host gets a canned eHealth answer, and is recorded. */
const transport: HttpTransport = async (url, init) => {
  sent.push({ url, init });
  if (new URL(url).hostname === '127.0.0.1') return globalThis.fetch(url, init);
  return {
    status: 200,
    headers: { get: (n: string) => (n.toLowerCase() === 'content-type' ? 'application/json' : null) },
    text: async () => JSON.stringify({ meta: { code: 200 }, data: { token: 'nonce-1', expires_at: 0 } }),
  };
};

const sandboxes: StartSandbox = (opts) => startSandbox({ ...opts, keysCacheDir: TEST_KEYS_DIR });

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-environments-'));
  media = mkdtempSync(join(tmpdir(), 'kiosk-environments-media-'));
  runtime = await KioskRuntime.start({
    dataDir,
    tempDir: join(dataDir, 'tmp'),
    log: silentLogger(),
    host: 'browser',
    startSandbox: sandboxes,
    ports: { version: 'it', transport, background: false, pinScrypt: FAST },
    // no key folder from this machine's environment: only what the environment itself brings
    patientPorts: (training) => patientPortsFor({ training, env: { KIOSK_MEDIA_DIR: media } }),
    isAllowedOrigin: () => true,
    env: {},
  });
}, 180_000);

afterAll(async () => {
  await runtime?.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(media, { recursive: true, force: true });
});

const call = (channel: string, payload: unknown) => runtime.dispatch(channel, payload, CTX);
const restarted = () =>
  new Promise<KioskServices>((resolve) => {
    const off = runtime.onRestart((s) => {
      off();
      resolve(s);
    });
  });

async function signInRegistrar(): Promise<void> {
  const status = runtime.current().registrar.mode.state();
  if (!status.pinSet) {
    const { code } = await runtime.current().registrar.accounts.enrollment.issue();
    const r = await call('registrarSetFirstPin', {
      registrarId: 'R-01',
      pin: '250871',
      enrollmentCode: code,
    });
    expect(r.ok).toBe(true);
    return;
  }
  expect((await call('registrarSignIn', { registrarId: 'R-01', pin: '250871' })).ok).toBe(true);
}

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const io: CliIO = {
    stdout: (t) => (out += `${t}\n`),
    stderr: (t) => (out += `${t}\n`),
    readStdin: async () => Buffer.alloc(0),
  };
  return { code: await runCli([...args, '--data-dir', dataDir], io), out };
}

const personaFolders = async () => (await runtime.current().keys.list(false)).map((k) => k.folder);
/** Every doctor the kiosk would list (any name with an "а"), through the channel the screen uses. */
const searchDoctors = () => call('doctorsSearch', { text: 'а', includeFull: true, pageSize: 100 });
let trainingDoctors: unknown = null;

describe('eHealth hosts and environments', () => {
  it('training → production restarts everything environment-bound, on eHealth’s own host only', async () => {
    // training: the sandbox's persona keys and its time-stamp service
    const training = runtime.training;
    if (!training) throw new Error('no training sandbox');
    expect(await personaFolders()).toContain('adult-with-declaration');
    expect(runtime.current().esign.timeStamping()).toEqual({ kind: 'url', url: training.tsaUrl });
    await signInRegistrar();
    const trainingSignIn = runtime.current().audit.list(1)[0];
    expect(trainingSignIn).toMatchObject({ action: 'registrar.signIn', environment: 'training' });
    // the sandbox's doctor directory, synced in training
    expect((await runtime.current().directory.sync()).ok).toBe(true);
    const found = await searchDoctors();
    expect(found.ok && (found.value as { total: number }).total).toBeGreaterThan(0);
    trainingDoctors = found.ok ? found.value : null;

    // the screen cannot name a host: not part of the contract
    expect(
      await call('registrarUpdateSettings', {
        baseUrl: { environment: 'prod', url: 'https://evil.example' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    for (const [name, value] of [
      ['clientId', 'prod-client-0042'],
      ['clientSecret', 'prod-secret-0042-xyz'],
      ['apiKey', 'prod-api-key-0042-xyz'],
    ] as const) {
      const r = await call('registrarUpdateSettings', { credential: { environment: 'prod', name, value } });
      expect(r.ok).toBe(true);
      expect(JSON.stringify(r)).not.toContain(value);
    }

    // the switch is answered, then the kiosk restarts itself into production
    const next = restarted();
    expect(await call('registrarUpdateSettings', { environment: 'prod' })).toMatchObject({
      ok: true,
      value: { environment: 'prod', baseUrls: { prod: 'https://api.ehealth.gov.ua' } },
    });
    const prod = await next;
    expect(runtime.current()).toBe(prod);
    expect(prod.settings.get().environment).toBe('prod');
    expect(runtime.training).toBeNull();
    await expect(fetch(`${training.baseUrl}/`)).rejects.toThrow(); // the sandbox is gone
    expect(await personaFolders()).toEqual([]);
    expect(prod.esign.timeStamping()).toEqual({ kind: 'certificate' });
    expect(await call('registrarStatus', {})).toMatchObject({ ok: true, value: { mode: 'off' } });
    expect(await call('appInfo', {})).toMatchObject({
      ok: true,
      value: { environment: 'prod', trainingMode: false },
    });
    // no training doctor is found in production: its directory is not synced yet
    expect(await searchDoctors()).toMatchObject({ ok: false, error: { code: 'DIRECTORY_EMPTY' } });
    expect(await call('directoryStatus', {})).toMatchObject({
      ok: true,
      value: { doctors: 0, lastSyncAt: null, lastFullSyncAt: null },
    });

    // the client talks to eHealth's own production host, with production's api-key
    sent.length = 0;
    expect(prod.ehealth?.client.config.baseUrl).toBe('https://api.ehealth.gov.ua');
    await prod.ehealth?.auth.nonce();
    expect(sent.map((r) => new URL(r.url).origin)).toEqual(['https://api.ehealth.gov.ua']);
    expect(sent[0]?.init.headers['api-key']).toBe('prod-api-key-0042-xyz');

    // training's audit entries stay in training
    await signInRegistrar();
    const prodAudit = prod.audit.list(200);
    expect(prodAudit.map((e) => e.seq)).not.toContain(trainingSignIn?.seq);
    expect(prodAudit.every((e) => e.environment === 'prod' || e.environment === null)).toBe(true);
  }, 180_000);

  it('an operation made in training is never seen or delivered in production, nor the reverse', async () => {
    const prod = runtime.current();
    // a training operation in the same database (as if left by a crash in the middle of a switch)
    const db = openKioskDatabase(dataDir);
    const trainingOp = ((): string => {
      const { box } = loadSecretKey({ dataDir });
      const outbox = new Outbox({
        db,
        environment: 'training',
        box,
        audit: new AuditLog(db, box, undefined, 'training'),
      });
      const q = outbox.enqueue({
        kind: 'app.revoke',
        params: { appId: 'training-app' },
        patientKey: 'p-training',
      });
      if (!q.ok) throw new Error(q.error.message);
      return q.value.id;
    })();
    db.close();
    const prodOp = prod.outbox.enqueue({
      kind: 'app.revoke',
      params: { appId: 'prod-app' },
      patientKey: 'p-prod',
    });
    if (!prodOp.ok) throw new Error(prodOp.error.message);
    const later = new Date(Date.now() + 3_600_000).toISOString();
    expect(prod.outbox.get(trainingOp)).toBeNull();
    expect(prod.outbox.list().map((o) => o.id)).toEqual([prodOp.value.id]);
    expect(prod.outbox.store.due(later, 100).map((r) => r.id)).toEqual([prodOp.value.id]);
    expect(prod.outbox.status().counts.captured).toBe(1);

    // back to training needs production's queue settled first: discarded by the registrar
    await signInRegistrar();
    expect(await call('registrarUpdateSettings', { environment: 'training' })).toMatchObject({
      ok: false,
      error: { code: 'OUTBOX_NOT_EMPTY', details: { operations: 1 } },
    });
    expect((await call('registrarOutboxDiscard', { id: prodOp.value.id })).ok).toBe(true);
    const next = restarted();
    expect((await call('registrarUpdateSettings', { environment: 'training' })).ok).toBe(true);
    const training = await next;
    expect(await personaFolders()).toContain('adult-with-declaration');
    // training's own directory is there again, as it was
    expect(trainingDoctors).not.toBeNull();
    expect(await searchDoctors()).toEqual({ ok: true, value: trainingDoctors });
    expect(training.outbox.get(prodOp.value.id)).toBeNull();
    expect(training.outbox.store.due(later, 100).map((r) => r.id)).toEqual([trainingOp]);
    training.outbox.discard(trainingOp, 'operator-cli');
  }, 180_000);

  it('another host only through the ops CLI on the machine, audited; an old URL from the screen is ignored', async () => {
    // a base URL the screen could once store is no setting any more
    const db = openKioskDatabase(dataDir);
    try {
      db.prepare(
        `INSERT INTO settings (key, value, encrypted, updated_at) VALUES ('baseUrls', ?, 0, 'now')
         ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      ).run(
        JSON.stringify({
          demo: 'https://evil.example',
          preprod: 'https://evil.example',
          prod: 'https://evil.example',
        }),
      );
    } finally {
      db.close();
    }
    expect(await cli(['ehealth', 'set-host', 'prod', 'http://plain.example'])).toMatchObject({ code: 2 });
    expect(await cli(['ehealth', 'set-host', 'staging', PROXY])).toMatchObject({ code: 2 });
    expect(await cli(['ehealth', 'set-host', 'prod', `${PROXY}/`])).toMatchObject({ code: 0 });
    expect((await cli(['ehealth', 'hosts'])).out).toContain(`prod     ${PROXY}  (set on this machine)`);

    await signInRegistrar();
    const next = restarted();
    expect((await call('registrarUpdateSettings', { environment: 'prod' })).ok).toBe(true);
    const prod = await next;
    expect(prod.ehealth?.client.config.baseUrl).toBe(PROXY);
    await signInRegistrar();
    expect(await call('registrarSettings', {})).toMatchObject({
      ok: true,
      value: {
        baseUrls: { prod: PROXY, demo: 'https://api-demo.ehealth.gov.ua' },
        officialHosts: { prod: false, demo: true },
      },
    });
    const entry = prod.audit.list(500).find((e) => e.action === 'ehealth.host.set');
    expect(entry).toMatchObject({ actor: 'operator-cli', subject: 'prod', environment: null });

    // a request for any other host never leaves with the credentials
    const client = prod.ehealth?.client as unknown as { transport: HttpTransport };
    await expect(
      client.transport('https://evil.example/api/pis/sign-in', {
        method: 'POST',
        headers: { 'api-key': 'x' },
      }),
    ).rejects.toThrow(/not for the environment/);

    // back to eHealth's own host
    expect(await cli(['ehealth', 'reset-host', 'prod'])).toMatchObject({ code: 0 });
    await runtime.restart();
    expect(runtime.current().ehealth?.client.config.baseUrl).toBe('https://api.ehealth.gov.ua');

    // over the whole test: credentials (api-key, client secret) went only to listed hosts
    const withCredentials = sent.filter(
      (r) => r.init.headers['api-key'] !== undefined && new URL(r.url).hostname !== '127.0.0.1',
    );
    expect(withCredentials.length).toBeGreaterThan(0);
    for (const r of withCredentials) expect([...LISTED, PROXY]).toContain(new URL(r.url).origin);
    expect(sent.some((r) => r.url.includes('evil.example'))).toBe(false);
  }, 180_000);
});
