/**
 * Sign-in and the patient session against the real sandbox, with the real signer process and the
 * personas' real key files: every outcome (adult, teens with and without legal capacity, under 14,
 * expired and untrusted certificates, unknown person, wrong password and the lockout, an eHealth
 * outage), the PatientSession API the other services build on, and the end of a session (signer
 * gone, tokens dropped and logged out at eHealth, key medium pulled).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionEndReason } from '#shared/contract/session';
import { createTestCa, issueTestIdentity } from '../../electron/core/esign';
import { silentLogger } from '../../electron/core/log';
import { createServices, type KioskServices } from '../../electron/core/services';
import { folderMedia } from '../../electron/core/session/folder-media';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox';
import { TEST_KEYS_DIR } from './sandbox-helpers';

let sb: SandboxHandle;
const cleanup: string[] = [];
const opened: KioskServices[] = [];

/** Where the sandbox wrote the persona keys: <folder>/<persona id>/Key-6.dat (or .jks). */
const personaKeysFolder = () => dirname(dirname((sb.personas[0] as { keyFile: string }).keyFile));
const persona = (id: string) => {
  const p = sb.personas.find((x) => x.id === id);
  if (!p) throw new Error(`no persona ${id}`);
  return p;
};

function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  cleanup.push(d);
  return d;
}

function kiosk(opts: { keyFolder?: string | null; mediaDir?: string } = {}): KioskServices {
  const services = createServices({
    dataDir: tempDir('kiosk-signin-it-'),
    log: silentLogger(),
    version: 'it',
    background: false,
    ehealth: {
      baseUrl: sb.baseUrl,
      apiKey: sb.apiKey,
      clientId: sb.clientId,
      clientSecret: sb.clientSecret,
      scope: sb.scope,
    },
    patient: {
      keyFolder: opts.keyFolder === undefined ? personaKeysFolder() : opts.keyFolder,
      media: folderMedia(opts.mediaDir ?? tempDir('kiosk-no-media-')),
      tsaUrl: sb.tsaUrl,
      trustList: sb.trustList,
    },
  });
  opened.push(services);
  return services;
}

async function keyIdOf(services: KioskServices, folder: string): Promise<string> {
  const keys = await services.keys.list(false);
  const k = keys.find((x) => x.folder === folder);
  if (!k) throw new Error(`no key in folder ${folder}: ${JSON.stringify(keys.map((x) => x.folder))}`);
  return k.id;
}

const pw = (s: string) => new TextEncoder().encode(s);

async function signInAs(services: KioskServices, personaId: string, password = persona(personaId).password) {
  return services.signIn.start(await keyIdOf(services, personaId), pw(password));
}

beforeAll(async () => {
  sb = await startSandbox({ seed: 'small', keysCacheDir: TEST_KEYS_DIR });
}, 180_000);

afterAll(async () => {
  for (const s of opened) await s.close();
  await sb?.close();
  for (const d of cleanup) rmSync(d, { recursive: true, force: true });
});

describe('key list', () => {
  it('lists every persona key in the configured folder by file and folder name, never a path', async () => {
    const services = kiosk();
    const keys = await services.keys.list(false);
    const folders = keys.map((k) => k.folder).sort();
    // every persona with a key of their own (child-5 has none: a parent acts for him)
    expect(folders).toEqual(
      sb.personas
        .filter((p) => p.keyFile)
        .map((p) => p.id)
        .sort(),
    );
    expect(sb.personas.find((p) => p.id === 'child-5')?.keyFile).toBe('');
    for (const k of keys) {
      expect(k.removable).toBe(false);
      expect(k.medium).toBeNull();
      expect(JSON.stringify(k)).not.toContain(personaKeysFolder());
    }
    expect(keys.find((k) => k.folder === 'adult-no-declaration')?.kind).toBe('jks');
  });

  it('pushes a new list when a medium is inserted and when it is pulled', async () => {
    const media = tempDir('kiosk-media-');
    const services = kiosk({ keyFolder: null, mediaDir: media });
    const pushed: string[][] = [];
    services.events.on('signinKeysChanged', ({ keys }) => pushed.push(keys.map((k) => k.medium ?? '')));
    expect(await services.keys.list(true)).toEqual([]);
    expect(services.keys.watching).toBe(true);
    cpSync(dirname(persona('adult-with-apps').keyFile), join(media, 'FLASH', 'keys'), { recursive: true });
    expect(await services.keys.tick()).toBe(true);
    expect(pushed.at(-1)).toEqual(['FLASH']);
    expect(await services.keys.tick()).toBe(false);
    rmSync(join(media, 'FLASH'), { recursive: true, force: true });
    expect(await services.keys.tick()).toBe(true);
    expect(pushed.at(-1)).toEqual([]);
    services.keys.stop();
  });
});

describe('sign-in outcomes', () => {
  it('adult: full access, greeted in the vocative; the PatientSession API works end to end', async () => {
    const services = kiosk();
    const steps: string[] = [];
    services.events.on('signinProgress', ({ step }) => steps.push(step));
    const r = await signInAs(services, 'adult-with-declaration');
    expect(r).toMatchObject({
      ok: true,
      value: {
        access: 'full',
        accessReason: 'adult',
        ageYears: 42,
        greeting: { vocative: 'Олено Петрівно', nominative: 'Олена Петрівна' },
      },
    });
    expect(steps).toEqual(['opening-key', 'signing', 'signing-in', 'loading-person']);

    const patient = services.patient;
    const ctx = patient.current();
    expect(ctx).toMatchObject({ ageYears: 42, access: 'full' });
    expect(ctx?.sessionId).toBe(services.session.active?.id);
    expect(ctx?.patientKey).toBe(services.outbox.patientKeyFor(ctx?.personId ?? ''));
    expect(patient.requireView()).toMatchObject({ ok: true });
    expect(patient.requireAct()).toMatchObject({ ok: true });

    // the PIS client with this patient's tokens reads their own record
    const tokens = patient.tokens();
    expect(tokens).not.toBeNull();
    const person = await patient.pis().person.get(tokens as NonNullable<typeof tokens>);
    expect(person.ok && person.value.data.id).toBe(ctx?.personId);
    expect(patient.person()?.id).toBe(ctx?.personId);

    // a guard (the registrar's wrong-patient check) blocks actions, not reads
    const remove = patient.addActGuard(() => ({
      ok: false,
      error: { code: 'BIRTH_DATE_MISMATCH', message: 'not confirmed' },
    }));
    expect(patient.requireAct()).toMatchObject({ ok: false, error: { code: 'BIRTH_DATE_MISMATCH' } });
    expect(await patient.sign('{"a":1}')).toMatchObject({
      ok: false,
      error: { code: 'BIRTH_DATE_MISMATCH' },
    });
    expect(patient.requireView()).toMatchObject({ ok: true });
    remove();

    // signing in the signer process with the signed-in key
    const signed = await patient.sign(JSON.stringify({ jwt: 'x', n: 1 }));
    expect(signed.ok).toBe(true);
    if (signed.ok) expect(signed.value.signedContent.length).toBeGreaterThan(500);
    const signerPid = services.esign.signerPid;
    expect(signerPid).toBeTypeOf('number');

    // a second sign-in while one is open is refused
    expect(await signInAs(services, 'adult-with-apps')).toMatchObject({
      ok: false,
      error: { code: 'SESSION_BUSY' },
    });

    const access = tokens?.current().accessToken as string;
    const ended: SessionEndReason[] = [];
    services.events.on('sessionEnded', ({ reason }) => ended.push(reason));
    await services.session.end('finish');
    expect(ended).toEqual(['finish']);
    expect(patient.current()).toBeNull();
    expect(patient.tokens()).toBeNull();
    expect(patient.person()).toBeNull();
    expect(patient.requireView()).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
    expect(services.esign.signerPid).toBeUndefined();
    expect(() => process.kill(signerPid as number, 0)).toThrow();
    // logged out at eHealth: the token no longer works
    const after = await fetch(`${sb.baseUrl}/api/pis/person`, {
      headers: { 'api-key': sb.apiKey, authorization: `Bearer ${access}` },
    });
    expect(after.status).toBe(401);
    // nothing of the patient stays in the outbox's credentials
    expect(services.db.prepare('SELECT COUNT(*) AS n FROM outbox_credentials').get()).toEqual({ n: 0 });
  }, 120_000);

  it('teen aged 15 without verified legal capacity: view only, every action refused', async () => {
    const services = kiosk();
    const r = await signInAs(services, 'teen-15-no-capacity');
    expect(r).toMatchObject({
      ok: true,
      value: { access: 'view-only', accessReason: 'teen-capacity-not-verified', ageYears: 15 },
    });
    expect(r.ok && r.value.greeting.vocative).toBe('Софіє Олексіївно');
    expect(services.patient.requireView()).toMatchObject({ ok: true });
    expect(services.patient.requireAct()).toMatchObject({ ok: false, error: { code: 'VIEW_ONLY' } });
    expect(await services.patient.sign('{}')).toMatchObject({ ok: false, error: { code: 'VIEW_ONLY' } });
    await services.session.end('finish');
  }, 120_000);

  it('teen aged 16 with legal capacity VERIFIED: full access', async () => {
    const services = kiosk();
    const r = await signInAs(services, 'teen-16-capacity');
    expect(r).toMatchObject({
      ok: true,
      value: { access: 'full', accessReason: 'teen-capacity-verified', ageYears: 16 },
    });
    expect(r.ok && r.value.greeting.vocative).toBe('Назаре Євгеновичу');
    expect(services.patient.requireAct()).toMatchObject({ ok: true });
    await services.session.end('finish');
  }, 120_000);

  it('child aged 13: refused with AGE_UNDER_14, no session, signer ended', async () => {
    const services = kiosk();
    const ended: string[] = [];
    services.events.on('sessionEnded', ({ reason }) => ended.push(reason));
    const r = await signInAs(services, 'child-13');
    expect(r).toMatchObject({ ok: false, error: { code: 'AGE_UNDER_14', details: { reason: 'under-14' } } });
    expect(services.patient.current()).toBeNull();
    expect(services.session.active).toBeNull();
    expect(services.esign.signerPid).toBeUndefined();
  }, 120_000);

  it('expired certificate: CERT_EXPIRED before anything is sent', async () => {
    const services = kiosk();
    const r = await signInAs(services, 'adult-expired-cert');
    expect(r).toMatchObject({ ok: false, error: { code: 'CERT_EXPIRED' } });
    expect(services.session.active).toBeNull();
    expect(services.esign.signerPid).toBeUndefined();
  }, 120_000);

  it('valid certificate of nobody eHealth knows: PERSON_NOT_FOUND', async () => {
    const services = kiosk();
    const r = await signInAs(services, 'unknown-drfo');
    expect(r).toMatchObject({ ok: false, error: { code: 'PERSON_NOT_FOUND' } });
    expect(services.session.active).toBeNull();
  }, 120_000);

  it('certificate from a CA eHealth does not trust: CERT_UNTRUSTED', async () => {
    const folder = tempDir('kiosk-untrusted-');
    const ca = await createTestCa({ commonName: 'Untrusted test CA' });
    const now = new Date();
    const issued = await issueTestIdentity(
      ca,
      {
        drfo: persona('adult-with-apps').taxId,
        surname: 'Сергієнко',
        givenName: 'Тарас Богданович',
        commonName: 'Сергієнко Тарас Богданович',
        role: 'personal',
        validFrom: new Date(now.getTime() - 86_400_000),
        validTo: new Date(now.getTime() + 365 * 86_400_000),
      },
      { format: 'key6', password: 'untrusted-1' },
    );
    mkdirSync(join(folder, 'untrusted'));
    writeFileSync(join(folder, 'untrusted', issued.fileName), issued.file);
    writeFileSync(join(folder, 'untrusted', 'untrusted.cer'), issued.certificateDer);
    const services = kiosk({ keyFolder: folder });
    const r = await services.signIn.start(await keyIdOf(services, 'untrusted'), pw('untrusted-1'));
    expect(r).toMatchObject({ ok: false, error: { code: 'CERT_UNTRUSTED' } });
    expect(services.session.active).toBeNull();
  }, 120_000);

  it('wrong password: attempts left, then the key is locked for 15 minutes', async () => {
    const services = kiosk();
    const keyId = await keyIdOf(services, 'adult-with-apps');
    for (let left = 4; left >= 1; left--) {
      const r = await services.signIn.start(keyId, pw('not-the-password'));
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'KEY_WRONG_PASSWORD', details: { attemptsLeft: left } },
      });
    }
    const fifth = await services.signIn.start(keyId, pw('not-the-password'));
    expect(fifth).toMatchObject({ ok: false, error: { code: 'KEY_LOCKED' } });
    const seconds = !fifth.ok ? (fifth.error.details?.retryAfterSeconds as number) : 0;
    expect(seconds).toBeGreaterThan(14 * 60);
    expect(seconds).toBeLessThanOrEqual(15 * 60);
    // the right password does not help while the lock lasts
    const right = await services.signIn.start(keyId, pw(persona('adult-with-apps').password));
    expect(right).toMatchObject({ ok: false, error: { code: 'KEY_LOCKED' } });
    expect(services.esign.signerPid).toBeUndefined();
  }, 180_000);

  it('eHealth outage: EHEALTH_UNAVAILABLE, signer ended, no session', async () => {
    const services = kiosk();
    sb.faults.set({ outage: true });
    try {
      const r = await signInAs(services, 'adult-no-declaration');
      expect(r).toMatchObject({ ok: false, error: { code: 'EHEALTH_UNAVAILABLE' } });
      expect(services.session.active).toBeNull();
      expect(services.esign.signerPid).toBeUndefined();
    } finally {
      sb.faults.reset();
    }
    // and once eHealth is back the same key signs in
    const again = await signInAs(services, 'adult-no-declaration');
    expect(again).toMatchObject({ ok: true, value: { access: 'full' } });
    expect(again.ok && again.value.greeting.vocative).toBe('Андрію Івановичу');
    await services.session.end('finish');
  }, 120_000);
});

describe('the end of a session', () => {
  it('pulling the key medium ends the session (key-removed), the signer and the tokens', async () => {
    const media = tempDir('kiosk-media-');
    cpSync(dirname(persona('adult-with-apps').keyFile), join(media, 'FLASH'), { recursive: true });
    const services = kiosk({ keyFolder: null, mediaDir: media });
    const keys = await services.keys.list(false);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ medium: 'FLASH', removable: true, folder: null });
    const r = await services.signIn.start(
      (keys[0] as { id: string }).id,
      pw(persona('adult-with-apps').password),
    );
    expect(r.ok).toBe(true);
    const ended: SessionEndReason[] = [];
    services.events.on('sessionEnded', ({ reason }) => ended.push(reason));
    expect(await services.esign.checkMedium()).toBe(true);
    expect(ended).toEqual([]);
    rmSync(join(media, 'FLASH'), { recursive: true, force: true });
    expect(await services.esign.checkMedium()).toBe(false);
    await expect.poll(() => ended).toEqual(['key-removed']);
    expect(services.patient.current()).toBeNull();
    expect(services.patient.tokens()).toBeNull();
    expect(services.esign.signerPid).toBeUndefined();
  }, 120_000);

  it('a deferred delivery keeps the tokens (sealed) and the session end does not log them out', async () => {
    const services = kiosk(); // background off: the operation waits in the outbox
    const r = await signInAs(services, 'adult-with-apps');
    expect(r.ok).toBe(true);
    const ctx = services.patient.current();
    const tokens = services.patient.tokens();
    if (!ctx || !tokens) throw new Error('not signed in');
    const apps = await services.patient.pis().apps.list(tokens);
    const appId = apps.ok ? apps.value.data[0]?.id : undefined;
    expect(appId).toBeTruthy();
    const op = services.outbox.enqueue({
      kind: 'app.revoke',
      params: { appId: appId as string },
      patientKey: ctx.patientKey,
      credentials: tokens.current(),
    });
    expect(op.ok).toBe(true);
    const access = tokens.current().accessToken as string;
    await services.session.end('finish');
    expect(services.patient.current()).toBeNull();
    // the outbox still holds the tokens, sealed (no readable token in the table)
    const row = services.db
      .prepare('SELECT tokens FROM outbox_credentials WHERE patient_key = ?')
      .get(ctx.patientKey) as { tokens: Buffer } | undefined;
    expect(row).toBeDefined();
    expect(Buffer.from(row?.tokens ?? []).includes(Buffer.from(access))).toBe(false);
    expect(services.outbox.store.loadCredentials(ctx.patientKey)?.accessToken).toBe(access);
    // and eHealth still accepts them: no logout while a delivery needs them
    const still = await fetch(`${sb.baseUrl}/api/pis/person`, {
      headers: { 'api-key': sb.apiKey, authorization: `Bearer ${access}` },
    });
    expect(still.status).toBe(200);
  }, 120_000);

  it('"Finish" during a sign-in stops it: nothing is kept', async () => {
    const services = kiosk();
    const started = signInAs(services, 'adult-with-apps');
    // the visitor leaves while the key is being opened
    await new Promise((resolve) => services.events.on('signinProgress', resolve));
    await services.session.end('finish');
    const r = await started;
    expect(r.ok).toBe(false);
    expect(services.session.active).toBeNull();
    expect(services.patient.current()).toBeNull();
    expect(services.esign.signerPid).toBeUndefined();
  }, 120_000);
});
