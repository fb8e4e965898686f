/**
 * Registrar mode with a real patient session, through the services against the sandbox (the
 * persona's real key signs in; the revocation goes through the real outbox and delivery worker):
 *
 * - an assisted session: no change before the registrar has confirmed the visitor's birth date;
 *   every action is attributed to the registrar in the audit log; after "hand back" the patient's
 *   own actions are the patient's again;
 * - the logs: a whole session (sign-in → an action → finish), logged at the most verbose level to
 *   `<data-dir>/logs`, leaves none of the persona's data in any log file.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../electron/core/log';
import { createKioskLogger } from '../../electron/core/logging/kiosk-logger';
import { silentLogger } from '../../electron/core/log';
import { createServices, type KioskServices } from '../../electron/core/services';
import { folderMedia } from '../../electron/core/session/folder-media';
import { createHandlers } from '../../electron/ipc/handlers';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox';
import { TEST_KEYS_DIR } from './sandbox-helpers';

const FAST = { N: 1024, r: 8, p: 1, keyLength: 32 };
const CTX = { origin: 'app://kiosk' };

let sb: SandboxHandle;
const cleanup: string[] = [];
const opened: KioskServices[] = [];

beforeAll(async () => {
  sb = await startSandbox({ seed: 'small', keysCacheDir: TEST_KEYS_DIR });
}, 180_000);

afterAll(async () => {
  for (const s of opened) await s.close();
  await sb?.close();
  for (const d of cleanup) rmSync(d, { recursive: true, force: true });
});

const persona = (id: string) => {
  const p = sb.personas.find((x) => x.id === id);
  if (!p) throw new Error(`no persona ${id}`);
  return p;
};
const personaKeysFolder = () => dirname(dirname((sb.personas[0] as { keyFile: string }).keyFile));

function kiosk(log: Logger = silentLogger()): { services: KioskServices; dataDir: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-registrar-it-'));
  const media = mkdtempSync(join(tmpdir(), 'kiosk-registrar-media-'));
  cleanup.push(dataDir, media);
  const services = createServices({
    dataDir,
    log,
    version: 'it',
    pinScrypt: FAST,
    ehealth: {
      baseUrl: sb.baseUrl,
      apiKey: sb.apiKey,
      clientId: sb.clientId,
      clientSecret: sb.clientSecret,
      scope: sb.scope,
    },
    patient: {
      keyFolder: personaKeysFolder(),
      media: folderMedia(media),
      tsaUrl: sb.tsaUrl,
      trustList: sb.trustList,
    },
  });
  opened.push(services);
  return { services, dataDir };
}

async function signIn(services: KioskServices, personaId: string) {
  const key = (await services.keys.list(false)).find((k) => k.folder === personaId);
  if (!key) throw new Error(`no key for ${personaId}`);
  const r = await services.signIn.start(key.id, new TextEncoder().encode(persona(personaId).password));
  if (!r.ok) throw new Error(`sign-in ${personaId}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

async function otherApps(services: KioskServices): Promise<{ id: string }[]> {
  const list = await services.cabinet.apps.list();
  if (!list.ok) throw new Error(list.error.message);
  return list.value.apps.filter((a) => !a.thisKiosk);
}

describe('assisted session', () => {
  it('guards every change by the birth-date check and attributes the actions to the registrar', async () => {
    const { services } = kiosk();
    const h = createHandlers(services);
    const { code } = await services.registrar.accounts.enrollment.issue();
    expect(
      (await h.registrarSetFirstPin({ registrarId: 'R-07', pin: '250871', enrollmentCode: code }, CTX)).ok,
    ).toBe(true);
    expect(await h.registrarAssistStart({}, CTX)).toMatchObject({ ok: true, value: { mode: 'assisted' } });

    await signIn(services, 'adult-with-apps');
    expect(await h.registrarStatus({}, CTX)).toMatchObject({
      ok: true,
      value: { mode: 'assisted', patientSignedIn: true, birthDateConfirmed: false },
    });
    const [first, second] = await otherApps(services);
    if (!first || !second) throw new Error('the persona has fewer than two e-cabinets');

    // no change before the registrar has checked the birth date: nothing is queued
    expect(await services.cabinet.apps.revoke(first.id)).toMatchObject({
      ok: false,
      error: { code: 'BIRTH_DATE_NOT_CONFIRMED' },
    });
    expect(services.outbox.list()).toHaveLength(0);

    const birthDate = persona('adult-with-apps').birthDate.slice(0, 10);
    const [y, m, d] = birthDate.split('-') as [string, string, string];
    const wrong = `${y}-${m}-${d === '01' ? '02' : '01'}`;
    expect(await h.registrarConfirmBirthDate({ birthDate: wrong }, CTX)).toMatchObject({
      ok: false,
      error: { code: 'BIRTH_DATE_MISMATCH', details: { attemptsLeft: 2 } },
    });
    expect((await services.cabinet.apps.revoke(first.id)).ok).toBe(false);
    expect(await h.registrarConfirmBirthDate({ birthDate }, CTX)).toMatchObject({
      ok: true,
      value: { birthDateConfirmed: true },
    });

    const assisted = await services.cabinet.apps.revoke(first.id);
    expect(assisted.ok).toBe(true);
    const [assistedOp] = services.outbox.list();
    if (!assistedOp) throw new Error('nothing queued');
    const entriesOf = (id: string) => services.audit.list(500).filter((e) => e.subject === id);
    expect(entriesOf(assistedOp.id).find((e) => e.action === 'outbox.captured')?.actor).toBe(
      'registrar:R-07',
    );

    // handed back: the registrar's controls are gone and what follows is the patient's own
    expect(await h.registrarHandBack({}, CTX)).toMatchObject({ ok: true, value: { mode: 'off' } });
    expect(await h.registrarOverview({}, CTX)).toMatchObject({
      ok: false,
      error: { code: 'REGISTRAR_REQUIRED' },
    });
    expect((await services.cabinet.apps.revoke(second.id)).ok).toBe(true);
    const own = services.outbox.list().find((o) => o.id !== assistedOp.id);
    if (!own) throw new Error('the second revocation was not queued');
    expect(entriesOf(own.id).find((e) => e.action === 'outbox.captured')?.actor).toBe('patient');

    // nothing personal in the audit trail of it all
    const trail = JSON.stringify(services.audit.list(500));
    const p = persona('adult-with-apps');
    for (const secret of [p.taxId, birthDate, wrong, p.fullName.split(' ')[0] as string])
      expect(trail).not.toContain(secret);
    expect(services.audit.verify().ok).toBe(true);
    await services.session.end('finish');
  }, 180_000);
});

describe('logs of a whole session', () => {
  it('keep none of the persona’s data: names, tax id, phones, document numbers, birth date, tokens', async () => {
    const logDir = mkdtempSync(join(tmpdir(), 'kiosk-registrar-logs-'));
    cleanup.push(logDir);
    const { log, file } = createKioskLogger({
      name: 'kiosk-it',
      dataDir: logDir,
      stderr: false,
      level: 'trace',
    });
    const { services } = kiosk(log);
    const h = createHandlers(services);

    await signIn(services, 'adult-with-apps');
    const person = services.patient.person();
    const tokens = services.patient.tokens()?.current();
    if (!person || !tokens) throw new Error('no person or tokens after sign-in');
    // a careless structured log line with the whole record: the scrubber takes it apart by key
    services.log.debug({ person, verification: services.patient.verification() }, 'person record read');

    const [target] = await otherApps(services);
    if (!target) throw new Error('no e-cabinet to revoke');
    const revoked = await services.cabinet.apps.revoke(target.id);
    expect(revoked.ok).toBe(true);
    const [op] = services.outbox.list();
    if (!op) throw new Error('nothing queued');
    expect((await services.outbox.whenSettled(op.id)).view.state).toBe('done');
    expect(await h.sessionEnd({ reason: 'finish' }, CTX)).toEqual({ ok: true, value: { ended: true } });
    await services.close();
    opened.splice(opened.indexOf(services), 1);
    file?.end();

    const logsDir = join(logDir, 'logs');
    const text = readdirSync(logsDir)
      .map((f) => readFileSync(join(logsDir, f), 'utf8'))
      .join('\n');
    const lines = text.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
    expect(text).toContain('person record read');
    expect(text).toContain('[redacted]');

    const p = persona('adult-with-apps');
    const record = person as unknown as Record<string, unknown>;
    const strings = (v: unknown): string[] =>
      typeof v === 'string'
        ? [v]
        : Array.isArray(v)
          ? v.flatMap(strings)
          : v && typeof v === 'object'
            ? Object.values(v).flatMap(strings)
            : [];
    const personal = [
      p.fullName,
      ...p.fullName.split(' '),
      p.taxId,
      p.birthDate.slice(0, 10),
      p.password,
      tokens.accessToken,
      tokens.refreshToken,
      ...['first_name', 'last_name', 'second_name', 'tax_id', 'unzr', 'email'].flatMap((k) =>
        strings(record[k]),
      ),
      ...strings(record.phones).filter((s) => /\d{6,}/.test(s)),
      ...strings(record.documents).filter((s) => /\d{5,}/.test(s)),
    ].filter((s) => s && s.length >= 4);
    expect(personal.length).toBeGreaterThan(6);
    for (const secret of new Set(personal))
      expect(text, `log files contain "${secret}"`).not.toContain(secret);
  }, 180_000);
});
