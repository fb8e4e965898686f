/**
 * A registration is an act like the others, against the real sandbox, the real signer process, the
 * personas' real keys and a real SQLite outbox, with the kiosk's link to eHealth cut and restored
 * (its own transport: the sandbox, its SMS inbox, time-stamps and OCSP stay reachable) and one
 * clock, injected into both the kiosk and the sandbox, moved by hand:
 *   - the link drops between signing and sending: a receipt with a reference code and the nonce's
 *     window in words; the link returns and it is delivered; the person then signs in;
 *   - the link returns only after the nonce expired: the act ends `expired` with its reason, shown by
 *     `kiosk outbox list`, and the person is still unknown;
 *   - the kiosk restarts between signing and delivery: the act is kept and delivered by the next run;
 *   - eHealth refuses it at the later delivery (the person registered elsewhere meanwhile): `rejected`
 *     with eHealth's reason;
 *   - after Finish nothing personal remains: the payload is sealed, no name, tax id or phone is in
 *     the database file, the logs or the audit log, and the visitor's registration state is gone;
 *   - the address register answers during a registration in progress, and only then.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RegistrationOutcome, RegistrationReceipt } from '#shared/contract/signin';
import type { PersonInput } from '#shared/rules/person/index';
import type { Result } from '#shared/result';
import { outboxGroup } from '../../electron/cli/outbox';
import { createLogger, silentLogger, type Logger } from '../../electron/core/log';
import { fetchTransport, type HttpTransport } from '../../electron/core/ehealth/transport';
import { createServices, type KioskServices } from '../../electron/core/services';
import { folderMedia } from '../../electron/core/session/folder-media';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox';
import { call, registrationPerson, smsCode, TEST_KEYS_DIR } from './sandbox-helpers';

const MINUTE = 60_000;
/** The sandbox's nonce life (its `nonceTtlSeconds`), as eHealth's is about 15 minutes. */
const NONCE_TTL_MS = 900_000;

/** The one clock of a test: the kiosk and the sandbox both read it; `advance` moves both. */
let shiftMs = 0;
const now = () => new Date(Date.now() + shiftMs);

let sb: SandboxHandle;
const cleanup: string[] = [];
const opened: KioskServices[] = [];

const tempDir = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  cleanup.push(d);
  return d;
};

/** The kiosk's link to eHealth: up, or cut as a pulled cable cuts it (the connection fails). */
function link() {
  const state = { down: false };
  const transport: HttpTransport = (url, init) =>
    state.down
      ? Promise.reject(
          Object.assign(new TypeError('fetch failed'), {
            cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
          }),
        )
      : fetchTransport(url, init);
  return { state, transport };
}

function kiosk(o: { dataDir?: string; transport: HttpTransport; log?: Logger }): KioskServices {
  const services = createServices({
    dataDir: o.dataDir ?? tempDir('kiosk-registration-outbox-'),
    log: o.log ?? silentLogger(),
    version: 'it',
    now,
    transport: o.transport,
    ehealth: {
      baseUrl: sb.baseUrl,
      apiKey: sb.apiKey,
      clientId: sb.clientId,
      clientSecret: sb.clientSecret,
      scope: sb.scope,
    },
    patient: {
      keyFolder: dirname(dirname(persona('unknown-drfo').keyFile)),
      media: folderMedia(tempDir('kiosk-no-media-')),
      tsaUrl: sb.tsaUrl,
      trustList: sb.trustList,
    },
  });
  opened.push(services);
  return services;
}

function persona(id: string) {
  const p = sb.personas.find((x) => x.id === id);
  if (!p) throw new Error(`no persona ${id}`);
  return p;
}

const pw = (s: string) => new TextEncoder().encode(s);

async function keyIdOf(services: KioskServices, folder: string): Promise<string> {
  const k = (await services.keys.list(false)).find((x) => x.folder === folder);
  if (!k) throw new Error(`no key in folder ${folder}`);
  return k.id;
}

/** The visitor is refused as unknown, asks for the phone code and reads it from the inbox. */
async function refusedThenCode(services: KioskServices, personaId: string, phone: string) {
  const keyId = await keyIdOf(services, personaId);
  const refused = await services.signIn.start(keyId, pw(persona(personaId).password));
  expect(refused).toMatchObject({ ok: false, error: { code: 'PERSON_NOT_FOUND' } });
  const askedAt = now().getTime();
  expect(await services.registration.requestCode(phone)).toEqual({ ok: true, value: { codeSent: true } });
  return { keyId, askedAt, code: await smsCode(sb, phone) };
}

async function typed(personaId: string, phone: string): Promise<PersonInput> {
  const p = await registrationPerson(sb, personaId, phone);
  const { authentication_methods: _m, process_disclosure_data_consent: _c, ...person } = p;
  return person as unknown as PersonInput;
}

async function submit(
  services: KioskServices,
  personaId: string,
  keyId: string,
  phone: string,
  code: string,
): Promise<Result<RegistrationOutcome>> {
  return services.registration.register({
    keyId,
    password: pw(persona(personaId).password),
    person: await typed(personaId, phone),
    phone,
    code,
  });
}

function receiptOf(r: Result<RegistrationOutcome>): RegistrationReceipt {
  if (!r.ok || r.value.status !== 'queued') throw new Error(`not queued: ${JSON.stringify(r)}`);
  return r.value.receipt;
}

const rowOf = (services: KioskServices, id: string) =>
  services.db
    .prepare('SELECT kind, state, patient_key, payload, expires_at FROM outbox_operations WHERE id = ?')
    .get(id) as {
    kind: string;
    state: string;
    patient_key: string | null;
    payload: Buffer | null;
    expires_at: string;
  };

async function cliList(dataDir: string): Promise<string> {
  let out = '';
  const code = await outboxGroup.run(['list'], {
    dataDir,
    io: { stdout: (t) => (out += `${t}\n`), stderr: () => undefined, readStdin: async () => Buffer.alloc(0) },
  });
  expect(code).toBe(0);
  return out;
}

async function freshSandbox(): Promise<void> {
  shiftMs = 0;
  sb = await startSandbox({ seed: 'small', keysCacheDir: TEST_KEYS_DIR, now });
}

afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  await sb?.close();
  for (const d of cleanup.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('a registration signed while the link is down', () => {
  it('gets a receipt with the window in words, is delivered when the link returns, and the person then signs in', async () => {
    await freshSandbox();
    const net = link();
    const services = kiosk({ transport: net.transport });
    const phone = '+380951234561';
    const { keyId, askedAt, code } = await refusedThenCode(services, 'unknown-drfo', phone);

    net.state.down = true;
    const r = await submit(services, 'unknown-drfo', keyId, phone, code);
    const receipt = receiptOf(r);
    expect(receipt.referenceCode).toMatch(/^[A-Z0-9-]{4,16}$/);
    // its deadline is the nonce's expiry as eHealth set it (900 s after the code was asked for)
    expect(Math.abs(Date.parse(receipt.deadline) - (askedAt + NONCE_TTL_MS))).toBeLessThan(3_000);
    expect(receipt.windowMinutes).toBeGreaterThanOrEqual(14);
    expect(receipt.windowMinutes).toBeLessThanOrEqual(15);
    // not signed in: nothing to sign in to yet
    expect(services.session.active).toBeNull();
    expect(services.patient.current()).toBeNull();
    const row = rowOf(services, receipt.operationId);
    expect(row).toMatchObject({ kind: 'registration.sign-up', state: 'waiting-network', patient_key: null });
    expect(row.payload).not.toBeNull();
    expect(row.expires_at).toBe(receipt.deadline);

    // the visitor may see and print their own receipt (no session), saying the window in words
    expect(services.operations.find({ id: receipt.operationId })).toMatchObject({
      ok: true,
      value: { referenceCode: receipt.referenceCode },
    });
    const uk = await services.cabinet.receipts.preview({ operationId: receipt.operationId }, 'uk');
    expect(uk.ok && uk.value.html).toContain(`протягом ${receipt.windowMinutes} хвилин`);
    expect(uk.ok && uk.value.html).toContain(receipt.referenceCode);
    const en = await services.cabinet.receipts.preview({ operationId: receipt.operationId }, 'en');
    expect(en.ok && en.value.html).toContain(`within ${receipt.windowMinutes} minutes of signing`);

    net.state.down = false;
    const settled = await services.outbox.whenSettled(receipt.operationId);
    expect(settled.view).toMatchObject({ state: 'done', referenceCode: receipt.referenceCode, error: null });
    expect(settled.view.ehealthId).toBeTruthy();
    expect(rowOf(services, receipt.operationId)).toMatchObject({ payload: null, patient_key: null });
    // nobody waited for the sign-up's token: the kiosk closed that eHealth session at once
    const token = (settled.data as { token?: { value?: string } } | undefined)?.token?.value ?? '';
    expect(token).not.toBe('');
    await expect
      .poll(async () => (await call(sb, 'GET', '/api/pis/person', { token })).status, { timeout: 10_000 })
      .toBe(401);
    await services.session.end('finish');

    const signedIn = await services.signIn.start(keyId, pw(persona('unknown-drfo').password));
    expect(signedIn).toMatchObject({ ok: true, value: { access: 'full', accessReason: 'adult' } });
    expect(services.patient.current()?.personId).toBe(settled.view.ehealthId);
  }, 180_000);

  it.each([
    ['16 minutes', 16 * MINUTE],
    ['a weekend', 60 * 60 * MINUTE],
  ])(
    'ends expired with its reason when the link returns %s later, after the nonce expired; the person stays unknown',
    async (_, outage) => {
      await freshSandbox();
      const net = link();
      const dataDir = tempDir('kiosk-registration-expired-');
      const services = kiosk({ dataDir, transport: net.transport });
      const phone = '+380951234562';
      const { keyId, code } = await refusedThenCode(services, 'unknown-drfo', phone);
      net.state.down = true;
      const receipt = receiptOf(await submit(services, 'unknown-drfo', keyId, phone, code));

      // the outage lasts past the nonce's life, on the kiosk's and eHealth's clock
      shiftMs += outage;
      net.state.down = false;
      const settled = await services.outbox.whenSettled(receipt.operationId);
      expect(settled.view).toMatchObject({
        state: 'expired',
        referenceCode: receipt.referenceCode,
        error: { code: 'EXPIRED', message: expect.stringContaining('deadline') },
      });
      expect(rowOf(services, receipt.operationId).payload).toBeNull();
      const line = (await cliList(dataDir)).split('\n').find((l) => l.includes(receipt.referenceCode)) ?? '';
      expect(line).toMatch(/expired/);
      expect(line).toContain('EXPIRED: not delivered before its deadline');

      await services.session.end('finish');
      const again = await services.signIn.start(keyId, pw(persona('unknown-drfo').password));
      expect(again).toMatchObject({ ok: false, error: { code: 'PERSON_NOT_FOUND' } });
    },
    180_000,
  );

  it('is kept across a kiosk restart between signing and delivery, and delivered by the next run', async () => {
    await freshSandbox();
    const net = link();
    const dataDir = tempDir('kiosk-registration-restart-');
    const first = kiosk({ dataDir, transport: net.transport });
    const phone = '+380951234563';
    const { keyId, code } = await refusedThenCode(first, 'unknown-drfo', phone);
    net.state.down = true;
    const receipt = receiptOf(await submit(first, 'unknown-drfo', keyId, phone, code));
    expect(first.outbox.get(receipt.operationId)?.state).toBe('waiting-network');
    await first.close();
    opened.splice(opened.indexOf(first), 1);

    net.state.down = false;
    const second = kiosk({ dataDir, transport: net.transport });
    expect(second.outbox.getByReference(receipt.referenceCode)?.kind).toBe('registration.sign-up');
    const settled = await second.outbox.whenSettled(receipt.operationId);
    expect(settled.view).toMatchObject({ state: 'done', error: null });
    // key ids belong to a run: the next run lists the key again
    const again = await keyIdOf(second, 'unknown-drfo');
    const signedIn = await second.signIn.start(again, pw(persona('unknown-drfo').password));
    expect(signedIn, JSON.stringify(signedIn)).toMatchObject({ ok: true, value: { access: 'full' } });
  }, 180_000);

  it('ends rejected with eHealth’s reason when eHealth refuses it at the later delivery', async () => {
    await freshSandbox();
    const here = link();
    const elsewhere = link();
    const services = kiosk({ transport: here.transport });
    const phone = '+380951234564';
    const { keyId, code } = await refusedThenCode(services, 'unknown-drfo', phone);
    here.state.down = true;
    const receipt = receiptOf(await submit(services, 'unknown-drfo', keyId, phone, code));

    // meanwhile the same person registers at another kiosk whose link is fine
    const other = kiosk({ transport: elsewhere.transport });
    const otherPhone = '+380951234565';
    const o = await refusedThenCode(other, 'unknown-drfo', otherPhone);
    const registered = await submit(other, 'unknown-drfo', o.keyId, otherPhone, o.code);
    expect(registered).toMatchObject({ ok: true, value: { status: 'signed-in' } });
    await other.session.end('finish');

    here.state.down = false;
    const settled = await services.outbox.whenSettled(receipt.operationId);
    expect(settled.view).toMatchObject({
      state: 'rejected',
      referenceCode: receipt.referenceCode,
      error: { code: 'EHEALTH_CONFLICT', ehealth: { status: 409, message: expect.stringMatching(/tax_id/) } },
    });
    // a refused registration keeps its sealed payload only until its deadline, then nothing
    shiftMs += 16 * MINUTE;
    services.offline.worker?.wake();
    await expect.poll(() => rowOf(services, receipt.operationId).payload, { timeout: 30_000 }).toBeNull();
    expect(rowOf(services, receipt.operationId).state).toBe('rejected');
  }, 180_000);
});

describe('after Finish', () => {
  it('nothing personal of a queued registration remains: sealed payload, clean logs, audit and database, state forgotten', async () => {
    await freshSandbox();
    const net = link();
    const lines: string[] = [];
    const log = createLogger({ level: 'debug', destination: { write: (s: string) => lines.push(s) } });
    const dataDir = tempDir('kiosk-registration-privacy-');
    const services = kiosk({ dataDir, transport: net.transport, log });
    const phone = '+380951234566';
    const { keyId, code } = await refusedThenCode(services, 'unknown-drfo', phone);
    net.state.down = true;
    const receipt = receiptOf(await submit(services, 'unknown-drfo', keyId, phone, code));

    // the payload is sealed, and holds the signed registration and the code — not the kiosk's secret
    const row = services.outbox.store.get(receipt.operationId);
    if (!row) throw new Error('no row');
    const opened = services.outbox.store.readPayload(row);
    expect(opened.ok && Object.keys(opened.payload.params).sort()).toEqual(['otp', 'signedContent']);
    expect(JSON.stringify(opened.ok && opened.payload)).not.toContain(sb.clientSecret);

    await services.session.end('finish');
    expect(services.registration.prefill()).toMatchObject({ ok: false, error: { code: 'FLOW_EXPIRED' } });
    expect(services.registration.hasQueued()).toBe(false);
    expect(services.operations.find({ id: receipt.operationId })).toMatchObject({
      ok: false,
      error: { code: 'NO_SESSION' },
    });
    expect(await services.cabinet.receipts.preview({ operationId: receipt.operationId }, 'uk')).toMatchObject(
      { ok: false, error: { code: 'OPERATION_NOT_FOUND' } },
    );
    expect(await services.person.addresses.regions()).toMatchObject({ ok: false });

    const p = persona('unknown-drfo');
    const [last, first, second] = p.fullName.split(' ') as [string, string, string];
    const personal = [last, first, second, p.taxId, phone, phone.slice(4), 'Ромашка', '+380951234599'];
    const files = readdirSync(dataDir).filter((f) => f.startsWith('kiosk.db'));
    const bytes = Buffer.concat(files.map((f) => readFileSync(join(dataDir, f)))).toString('latin1');
    const logs = lines.join('');
    const audit = JSON.stringify(services.audit.list(1000));
    for (const value of personal) {
      const asStored = Buffer.from(value, 'utf8').toString('latin1');
      expect(bytes.includes(asStored), `database file holds ${value}`).toBe(false);
      expect(logs.includes(value), `logs hold ${value}`).toBe(false);
      expect(audit.includes(value), `audit holds ${value}`).toBe(false);
    }
    expect(logs).toContain('registration queued for delivery');

    // nobody at the kiosk any more: the act still goes out when the link returns
    net.state.down = false;
    const settled = await services.outbox.whenSettled(receipt.operationId);
    expect(settled.view.state).toBe('done');
    expect(rowOf(services, receipt.operationId).payload).toBeNull();
  }, 180_000);
});

describe('the address register during a registration', () => {
  it('answers only while a registration is in progress (after the unknown-person refusal, until Finish)', async () => {
    await freshSandbox();
    const services = kiosk({ transport: fetchTransport });
    expect(await services.person.addresses.regions()).toMatchObject({
      ok: false,
      error: { code: 'NO_SESSION' },
    });
    const keyId = await keyIdOf(services, 'unknown-mismatch');
    const refused = await services.signIn.start(keyId, pw(persona('unknown-mismatch').password));
    expect(refused).toMatchObject({ ok: false, error: { code: 'PERSON_NOT_FOUND' } });
    const regions = await services.person.addresses.regions();
    if (!regions.ok) throw new Error(regions.error.code);
    const region = regions.value.regions[0];
    if (!region) throw new Error('no region');
    const settlements = await services.person.addresses.settlements(region.name, 'а');
    expect(settlements.ok).toBe(true);
    await services.session.end('finish');
    expect(await services.person.addresses.regions()).toMatchObject({
      ok: false,
      error: { code: 'NO_SESSION' },
    });
  }, 120_000);
});
