/**
 * Certificate revocation (OCSP) at the kiosk, against the sandbox's test CA and its OCSP responder,
 * with the real signer and the personas' real keys: a revoked certificate is refused at sign-in by
 * the kiosk's own check; while the responder cannot be reached a signed act is queued and asked
 * about again before delivery — delivered when the certificate is good, and ended as rejected with
 * the reason (for the registrar) when it was revoked meanwhile, without ever reaching eHealth.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpOcspPost, type OcspPost } from '../../electron/core/esign';
import { silentLogger } from '../../electron/core/log';
import { createServices, type KioskServices } from '../../electron/core/services';
import { folderMedia } from '../../electron/core/session/folder-media';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox';
import { appliedUnder } from './outbox-helpers';
import { TEST_KEYS_DIR } from './sandbox-helpers';

let sb: SandboxHandle;
const cleanup: string[] = [];
const opened: KioskServices[] = [];
/** One clock for the sandbox and the kiosk (OCSP answers are dated by the sandbox, checked by the kiosk). */
let offsetMs = 0;
const now = () => new Date(Date.now() + offsetMs);
const ocspAsked: string[] = [];
const ocspPost: OcspPost = (url, body) => {
  ocspAsked.push(url);
  return httpOcspPost(5_000)(url, body);
};

const persona = (id: string) => {
  const p = sb.personas.find((x) => x.id === id);
  if (!p) throw new Error(`no persona ${id}`);
  return p;
};

function kiosk(): KioskServices {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-revocation-it-'));
  cleanup.push(dataDir);
  const services = createServices({
    dataDir,
    log: silentLogger(),
    version: 'it',
    now,
    ehealth: {
      baseUrl: sb.baseUrl,
      apiKey: sb.apiKey,
      clientId: sb.clientId,
      clientSecret: sb.clientSecret,
      scope: sb.scope,
    },
    patient: {
      keyFolder: dirname(dirname(persona('adult-with-declaration').keyFile)),
      media: folderMedia(join(dataDir, 'no-media')),
      tsaUrl: sb.tsaUrl,
      trustList: sb.trustList,
    },
    ocspPost,
  });
  opened.push(services);
  return services;
}

async function signInAs(services: KioskServices, personaId: string) {
  const keys = await services.keys.list(false);
  const key = keys.find((k) => k.folder === personaId);
  if (!key) throw new Error(`no key for ${personaId}`);
  return services.signIn.start(key.id, new TextEncoder().encode(persona(personaId).password));
}

/** Signs a new declaration with a family doctor of the kiosk's directory; returns the outcome. */
async function signDeclaration(services: KioskServices) {
  const ctx = services.patient.current();
  if (!ctx) throw new Error('not signed in');
  const found = services.directory.search({ speciality: 'FAMILY_DOCTOR', age: ctx.ageYears, pageSize: 1 });
  const doctor = found.ok ? found.value.items[0] : undefined;
  if (!doctor) throw new Error('no family doctor in the directory');
  const draft = await services.cabinet.newDeclaration.start(doctor.employeeId, doctor.divisionId);
  if (!draft.ok) throw new Error(`${draft.error.code}: ${draft.error.message}`);
  return services.cabinet.newDeclaration.confirm(draft.value.flowId);
}

/** Lets the kiosk's delivery worker see `minutes` pass (its next look at the queue is now due). */
async function later(services: KioskServices, minutes: number): Promise<void> {
  offsetMs += minutes * 60_000;
  services.offline.worker?.wake();
  await services.offline.worker?.idle();
}

beforeAll(async () => {
  sb = await startSandbox({ seed: 'small', keysCacheDir: TEST_KEYS_DIR, now });
}, 180_000);

afterAll(async () => {
  for (const s of opened) await s.close();
  await sb?.close();
  for (const d of cleanup) rmSync(d, { recursive: true, force: true });
});

describe('certificate revocation (OCSP)', () => {
  it('a revoked certificate is refused at sign-in by the kiosk’s own check, with the reason', async () => {
    const services = kiosk();
    ocspAsked.length = 0;
    const r = await signInAs(services, 'adult-revoked-cert');
    expect(r).toMatchObject({ ok: false, error: { code: 'CERT_REVOKED', details: { reason: 'revoked' } } });
    // the kiosk's answer (the provider's reason), not eHealth's: it never got as far as eHealth
    expect(!r.ok && r.error.message).toMatch(/revoked by its provider \(keyCompromise\)/);
    expect(ocspAsked).toEqual([sb.ocspUrl]);
    expect(services.session.active).toBeNull();
    expect(services.esign.signerPid).toBeUndefined();
  }, 120_000);

  it('queues what is signed while the responder is unreachable, and delivers it once the certificate is found good', async () => {
    const services = kiosk();
    expect((await services.directory.sync()).ok).toBe(true);
    sb.faults.set({ ocspOutage: true });
    try {
      // sign-in goes on (eHealth checks the certificate itself)
      expect(await signInAs(services, 'adult-no-declaration')).toMatchObject({ ok: true });
      const signed = await signDeclaration(services);
      if (!signed.ok) throw new Error(`${signed.error.code}: ${signed.error.message}`);
      expect(signed.value.state).toBe('queued');
      const id = signed.value.operationId;
      expect(services.outbox.get(id)).toMatchObject({
        state: 'waiting-network',
        error: { code: 'CERT_STATUS_UNKNOWN' },
      });
      await services.session.end('finish');
      // twenty minutes without a responder: still waiting, nothing sent
      await later(services, 20);
      expect(services.outbox.get(id)?.state).toBe('waiting-network');
      expect(await appliedUnder(sb, services.outbox.store.get(id)?.idempotency_key ?? '')).toMatchObject({
        applied: 0,
      });
      sb.faults.set({ ocspOutage: false });
      await later(services, 5);
      expect(services.outbox.get(id)).toMatchObject({ state: 'done', error: null });
      expect(
        services.audit
          .list(50)
          .filter((e) => e.subject === id)
          .map((e) => e.action),
      ).toContain('outbox.revocation.good');
    } finally {
      sb.faults.reset();
    }
  }, 180_000);

  it('a queued act whose certificate was revoked meanwhile is not delivered: rejected with the reason, for the registrar', async () => {
    const services = kiosk();
    expect((await services.directory.sync()).ok).toBe(true);
    sb.faults.set({ ocspOutage: true });
    try {
      expect(await signInAs(services, 'adult-with-apps')).toMatchObject({ ok: true });
      const signed = await signDeclaration(services);
      if (!signed.ok) throw new Error(`${signed.error.code}: ${signed.error.message}`);
      const id = signed.value.operationId;
      const key = services.outbox.store.get(id)?.idempotency_key ?? '';
      await services.session.end('finish');
      expect(sb.revokeCertificate('adult-with-apps')).toBe(true);
      sb.faults.set({ ocspOutage: false });
      await later(services, 10);
      expect(services.outbox.get(id)).toMatchObject({
        state: 'rejected',
        error: {
          code: 'CERT_REVOKED',
          message: expect.stringMatching(/revoked.*keyCompromise.*not delivered/),
        },
      });
      // purged: nothing of it is left to send, and eHealth never saw it
      expect(services.outbox.store.get(id)).toMatchObject({ payload: null, purged_at: expect.any(String) });
      expect(await appliedUnder(sb, key)).toMatchObject({ applied: 0 });
      const row = services.registrar.panel.operations(undefined, 20).find((o) => o.id === id);
      expect(row).toMatchObject({ state: 'rejected', errorCode: 'CERT_REVOKED', canRetry: false });
    } finally {
      sb.faults.reset();
    }
  }, 180_000);
});
