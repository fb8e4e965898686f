/**
 * Registration with eHealth through the kiosk's services, against the real sandbox, the real signer
 * process and the personas' real keys: unknown-drfo is refused at sign-in, confirms a phone with the
 * code from the sandbox's SMS inbox, signs its registration and is signed in — then signs in again
 * with the same key after Finish; unknown-mismatch (a certificate in her maiden name) is stopped by
 * the kiosk's own check before anything is signed, and by eHealth's when the kiosk's check is passed
 * by the certificate's names but eHealth still refuses; a wrong code is eHealth's refusal.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonInput } from '#shared/rules/person/index';
import { silentLogger } from '../../electron/core/log';
import { createServices, type KioskServices } from '../../electron/core/services';
import { folderMedia } from '../../electron/core/session/folder-media';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox';
import { registrationPerson, smsCode, TEST_KEYS_DIR } from './sandbox-helpers';

let sb: SandboxHandle;
const cleanup: string[] = [];
const opened: KioskServices[] = [];

const persona = (id: string) => {
  const p = sb.personas.find((x) => x.id === id);
  if (!p) throw new Error(`no persona ${id}`);
  return p;
};

function kiosk(): KioskServices {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-registration-it-'));
  cleanup.push(dataDir);
  const media = mkdtempSync(join(tmpdir(), 'kiosk-no-media-'));
  cleanup.push(media);
  const services = createServices({
    dataDir,
    log: silentLogger(),
    version: 'it',
    ehealth: {
      baseUrl: sb.baseUrl,
      apiKey: sb.apiKey,
      clientId: sb.clientId,
      clientSecret: sb.clientSecret,
      scope: sb.scope,
    },
    patient: {
      keyFolder: dirname(dirname(persona('unknown-drfo').keyFile)),
      media: folderMedia(media),
      tsaUrl: sb.tsaUrl,
      trustList: sb.trustList,
    },
  });
  opened.push(services);
  return services;
}

const pw = (s: string) => new TextEncoder().encode(s);

async function keyIdOf(services: KioskServices, folder: string): Promise<string> {
  const k = (await services.keys.list(false)).find((x) => x.folder === folder);
  if (!k) throw new Error(`no key in folder ${folder}`);
  return k.id;
}

/** What the patient types: the sandbox helper's valid registration, as the kiosk's form holds it. */
async function typed(
  personaId: string,
  phone: string,
  names?: { last: string; first: string; second: string },
) {
  const p = await registrationPerson(sb, personaId, phone, names);
  const { authentication_methods: _m, process_disclosure_data_consent: _c, ...person } = p;
  return person as unknown as PersonInput;
}

beforeAll(async () => {
  sb = await startSandbox({ seed: 'small', keysCacheDir: TEST_KEYS_DIR });
}, 180_000);

afterAll(async () => {
  for (const s of opened) await s.close();
  await sb?.close();
  for (const d of cleanup) rmSync(d, { recursive: true, force: true });
});

describe('registration with eHealth', () => {
  it('unknown-drfo: refused at sign-in, registers with the SMS code, is signed in, and signs in again', async () => {
    const services = kiosk();
    const keyId = await keyIdOf(services, 'unknown-drfo');
    const refused = await services.signIn.start(keyId, pw(persona('unknown-drfo').password));
    expect(refused).toMatchObject({ ok: false, error: { code: 'PERSON_NOT_FOUND' } });
    // the form starts from the certificate: names, tax id, and the birth date the tax id tells
    const prefill = services.registration.prefill();
    expect(prefill).toEqual({
      ok: true,
      value: {
        lastName: 'Пилипенко',
        firstName: 'Остап',
        secondName: 'Юрійович',
        taxId: persona('unknown-drfo').taxId,
        birthDate: persona('unknown-drfo').birthDate,
      },
    });

    const phone = '+380951234508';
    const person = await typed('unknown-drfo', phone);
    // no code requested yet: nothing is signed
    const early = await services.registration.register({
      keyId,
      password: pw(persona('unknown-drfo').password),
      person,
      phone,
      code: '0000',
    });
    expect(early).toMatchObject({ ok: false, error: { code: 'FLOW_EXPIRED' } });

    const sent = await services.registration.requestCode('+380 95 123 45 08');
    expect(sent).toEqual({ ok: true, value: { codeSent: true } });
    const code = await smsCode(sb, phone);
    const wrong = await services.registration.register({
      keyId,
      password: pw(persona('unknown-drfo').password),
      person,
      phone,
      code: String((Number(code) + 1) % 10_000).padStart(4, '0'),
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'SMS_CODE_WRONG' } });
    expect(services.session.active).toBeNull();
    // refused at once: the act stays as a receipt (rejected, with eHealth's reason), its payload gone
    const [refusedAct] = services.outbox.list({ states: ['rejected'] });
    expect(refusedAct).toMatchObject({ kind: 'registration.sign-up', error: { code: 'SMS_CODE_WRONG' } });
    expect(
      services.db.prepare('SELECT payload FROM outbox_operations WHERE id = ?').get(refusedAct?.id),
    ).toEqual({ payload: null });

    const r = await services.registration.register({
      keyId,
      password: pw(persona('unknown-drfo').password),
      person,
      phone,
      code,
    });
    expect(r, JSON.stringify(r)).toMatchObject({
      ok: true,
      value: { status: 'signed-in', signIn: { access: 'full', accessReason: 'adult' } },
    });
    expect(services.session.active).not.toBeNull();
    expect(services.patient.current()?.personId).toBeTruthy();
    await services.session.end('finish');
    expect(services.patient.current()).toBeNull();

    const again = await services.signIn.start(keyId, pw(persona('unknown-drfo').password));
    expect(again).toMatchObject({ ok: true, value: { access: 'full' } });
    await services.session.end('finish');
  }, 180_000);

  it('unknown-mismatch: the surname she types is not her certificate’s — refused before signing', async () => {
    const services = kiosk();
    const keyId = await keyIdOf(services, 'unknown-mismatch');
    const phone = '+380991234510';
    // nothing to register before eHealth refused the key's owner as unknown
    expect(await services.registration.requestCode(phone)).toMatchObject({
      ok: false,
      error: { code: 'FLOW_EXPIRED' },
    });
    const refused = await services.signIn.start(keyId, pw(persona('unknown-mismatch').password));
    expect(refused).toMatchObject({ ok: false, error: { code: 'PERSON_NOT_FOUND' } });
    expect(services.registration.prefill()).toMatchObject({ ok: true, value: { lastName: 'Гнатюк' } });
    expect(await services.registration.requestCode(phone)).toMatchObject({ ok: true });
    const r = await services.registration.register({
      keyId,
      password: pw(persona('unknown-mismatch').password),
      person: await typed('unknown-mismatch', phone),
      phone,
      code: await smsCode(sb, phone),
    });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        details: { violations: [{ path: 'last_name', rule: 'registration.lastName' }] },
      },
    });
    expect(services.session.active).toBeNull();
    // eHealth still does not know her
    const signIn = await services.signIn.start(keyId, pw(persona('unknown-mismatch').password));
    expect(signIn).toMatchObject({ ok: false, error: { code: 'PERSON_NOT_FOUND' } });
  }, 180_000);

  it('Finish forgets the phone: a registration after it must confirm the phone again', async () => {
    const services = kiosk();
    const keyId = await keyIdOf(services, 'unknown-mismatch');
    const phone = '+380991234513';
    await services.signIn.start(keyId, pw(persona('unknown-mismatch').password));
    expect(await services.registration.requestCode(phone)).toMatchObject({ ok: true });
    services.events.emit('sessionEnded', { reason: 'finish' });
    expect(services.registration.prefill()).toMatchObject({ ok: false, error: { code: 'FLOW_EXPIRED' } });
    const r = await services.registration.register({
      keyId,
      password: pw(persona('unknown-mismatch').password),
      person: await typed('unknown-mismatch', phone, {
        last: 'Гнатюк',
        first: 'Христина',
        second: 'Андріївна',
      }),
      phone,
      code: await smsCode(sb, phone),
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'FLOW_EXPIRED' } });
  }, 180_000);

  it('a phone eHealth already verified needs no code: the registration goes without one (after the tests above; she stays unknown in them)', async () => {
    // the first test's registration verified this phone at eHealth
    const phone = '+380951234508';
    const services = kiosk();
    const keyId = await keyIdOf(services, 'unknown-mismatch');
    await services.signIn.start(keyId, pw(persona('unknown-mismatch').password));
    expect(await services.registration.requestCode(phone)).toEqual({ ok: true, value: { codeSent: false } });
    const r = await services.registration.register({
      keyId,
      password: pw(persona('unknown-mismatch').password),
      // the names of her certificate, as the form shows them
      person: await typed('unknown-mismatch', phone, {
        last: 'Гнатюк',
        first: 'Христина',
        second: 'Андріївна',
      }),
      phone,
      code: '',
    });
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true, value: { status: 'signed-in' } });
    await services.session.end('finish');
    const again = await services.signIn.start(keyId, pw(persona('unknown-mismatch').password));
    expect(again).toMatchObject({ ok: true });
    await services.session.end('finish');
  }, 180_000);
});
