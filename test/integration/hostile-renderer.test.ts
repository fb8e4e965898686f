/**
 * A compromised renderer. The page is untrusted: whoever controls it holds the bridge token and can
 * call every channel with anything. Here a client does exactly that over the browser host's real
 * WebSocket bridge (real services, real SQLite, the training sandbox): every channel of the contract
 * (iterated, so channels added later are covered), fuzzed payloads (fast-check: valid-looking
 * requests, mutated ones, arbitrary JSON), many calls in flight at once — before anyone signed in, and
 * after a patient's session ended, with a registrar set up but never signed in.
 *
 * It must gain nothing: no data of a patient in any answer or push, no registrar action, no change of
 * settings or registrar accounts, no operation created; and nothing crashes — no handler error, the
 * host still answers afterwards.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { BRIDGE_PATH } from '#shared/bridge-wire';
import { CHANNEL_NAMES, channels, type ChannelName } from '#shared/contract';
import { silentLogger } from '../../electron/core/log';
import { startBrowserHost, type BrowserHost } from '../../electron/hosts/browser-host';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox';
import type { PersonInput } from '#shared/rules/person/index';
import { allPaths, validRequests, withValueAt } from './contract-samples';
import { registrationPerson, TEST_KEYS_DIR } from './sandbox-helpers';

/** Per channel and phase: a bounded number of fuzzed calls (the suite's share of `npm test` time). */
const CALLS_PER_CHANNEL = 10;
const REGISTRAR_PIN = '907152846319';

/** What may answer `ok` to someone who is neither a signed-in patient nor a registrar. */
const PUBLIC: ReadonlySet<ChannelName> = new Set<ChannelName>([
  'appInfo',
  'sessionEnd',
  // says only whether a patient session is open (and counts as activity, like every call)
  'sessionActivity',
  'doctorsSearch',
  'doctorsGet',
  'directoryStatus',
  'directorySync',
  'doctorSearchContext',
  'signinKeys',
  'registrarStatus',
  'registrarSignOut',
  // only takes the camera away from the page, never gives it
  'documentsCameraClose',
  // only the doctor note and the under-14 slip, which name no patient (checked below)
  'receiptPreview',
  'receiptPrint',
]);

let base: string;
let host: BrowserHost;
/** What the patient of the earlier session left that must never reach the hostile page. */
const secrets: string[] = [];

const snapshot = () => {
  const db = host.services.db;
  return JSON.stringify({
    settings: db
      .prepare("SELECT key, value, encrypted FROM settings WHERE key <> 'runtime.connectivity' ORDER BY key")
      .all(),
    accounts: db.prepare('SELECT * FROM registrar_accounts ORDER BY registrar_id').all(),
    enrollment: db.prepare('SELECT * FROM registrar_enrollment').all(),
    operations: db.prepare('SELECT count(*) AS n FROM outbox_operations').get(),
    registrarAudit: db
      .prepare(
        "SELECT count(*) AS n FROM audit_log WHERE actor LIKE 'registrar:%' OR action LIKE 'registrar.settings%'",
      )
      .get(),
  });
};

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'kiosk-hostile-'));
  const site = join(base, 'renderer');
  mkdirSync(site);
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Кабінет пацієнта</title>');
  host = await startBrowserHost({
    port: 0,
    dataDir: join(base, 'data'),
    rendererDir: site,
    log: silentLogger(),
    version: '9.9.9',
    startSandbox: (opts) => startSandbox({ ...opts, keysCacheDir: TEST_KEYS_DIR }),
  });
  // the kiosk has a registrar (set up on the machine), who is not signed in
  const accounts = host.services.registrar.accounts;
  const { code } = await accounts.enrollment.issue();
  const added = await accounts.addFirst('R-01', REGISTRAR_PIN, code);
  if (!added.ok) throw new Error(added.error.message);
}, 180_000);

afterAll(async () => {
  await host?.close();
  rmSync(base, { recursive: true, force: true });
});

interface Hostile {
  call(channel: string, payload: unknown): Promise<{ ok: boolean; error?: { code: string } }>;
  /**
   * Everything the host ever sent this client, as text — except the key list (answers to
   * `signinKeys`, `signinKeysChanged` pushes): it shows the key files on the media inserted right
   * now, whose names may carry their owner's tax id, to whoever stands at the screen; that is the
   * list the page shows before anyone signs in (checked separately).
   */
  received(): string;
  /** The key list answers, as text. */
  keyLists(): string;
  close(): void;
}

/** The attacker's own client: the bridge token and the page's Origin, and nothing of the page's code. */
async function hostileClient(): Promise<Hostile> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}${BRIDGE_PATH}?token=${host.token}`, {
    headers: { Origin: host.origin },
    maxPayload: 64 * 1024 * 1024,
  });
  const pending = new Map<number, (r: { ok: boolean; error?: { code: string } }) => void>();
  const channelOf = new Map<number, string>();
  let text = '';
  let keyLists = '';
  let nextId = 1;
  ws.on('message', (data) => {
    const raw = data.toString();
    const m = JSON.parse(raw) as {
      type: string;
      id?: number | null;
      name?: string;
      result?: { ok: boolean };
    };
    const isKeyList =
      (m.type === 'result' && typeof m.id === 'number' && channelOf.get(m.id) === 'signinKeys') ||
      (m.type === 'event' && m.name === 'signinKeysChanged');
    if (isKeyList) keyLists += `${raw}\n`;
    else text += `${raw}\n`;
    if (m.type === 'result' && typeof m.id === 'number') pending.get(m.id)?.(m.result as never);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    call: (channel, payload) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        channelOf.set(id, channel);
        ws.send(JSON.stringify({ type: 'call', id, channel, payload }));
      }),
    received: () => text,
    keyLists: () => keyLists,
    close: () => ws.close(),
  };
}

const WRONG = [null, 0, -1, 1e308, '', 'x'.repeat(5000), true, [], {}, { __proto__: { admin: true } }];

/** Fuzzed payloads for a channel: valid-looking requests, the same with a value swapped, or anything. */
function payloadsFor(name: ChannelName, seed: number): unknown[] {
  const { valid } = validRequests(channels[name].request);
  const anything = fc.oneof(fc.jsonValue(), fc.constantFrom(...WRONG));
  const mutated = valid
    ? fc.tuple(valid, fc.nat(), fc.constantFrom(...WRONG)).map(([sample, pick, wrong]) => {
        const paths = allPaths(sample);
        return paths.length
          ? withValueAt(sample, paths[pick % paths.length] as (string | number)[], wrong)
          : wrong;
      })
    : anything;
  const arb = valid ? fc.oneof({ arbitrary: valid, weight: 3 }, mutated, anything) : anything;
  return fc.sample(arb as fc.Arbitrary<unknown>, { numRuns: CALLS_PER_CHANNEL, seed });
}

/** Every channel, fuzzed, all at once from a few clients; then the verdict on what came back. */
async function attack(
  seed: number,
  informed: { channel: ChannelName; payload: unknown }[] = [],
): Promise<{ heard: string; keyLists: string }> {
  const clients = await Promise.all([hostileClient(), hostileClient(), hostileClient()]);
  // an informed attacker also uses the real key ids the kiosk offers (wrong passwords, of course)
  const keys = await clients[0]?.call('signinKeys', {});
  const keyIds = ((keys as { value?: { keys: { id: string }[] } }).value?.keys ?? []).map((k) => k.id);
  const calls: { channel: ChannelName; payload: unknown }[] = [];
  CHANNEL_NAMES.forEach((channel, i) => {
    for (const payload of payloadsFor(channel, seed * 1000 + i)) calls.push({ channel, payload });
  });
  for (const keyId of keyIds.slice(0, 2))
    calls.push({ channel: 'signinStart', payload: { keyId, password: 'guess-1234' } });
  calls.push(...informed);
  const results = await Promise.all(
    calls.map((c, i) =>
      (clients[i % clients.length] as Hostile).call(c.channel, c.payload).then((r) => ({ ...c, r })),
    ),
  );
  for (const { channel, payload, r } of results) {
    const where = `${channel} ${JSON.stringify(payload)?.slice(0, 200)}`;
    // zero crashes: every call answered with a Result, none from a handler that failed
    expect(typeof r?.ok, where).toBe('boolean');
    if (!r.ok) expect(r.error?.code, where).not.toBe('INTERNAL');
    // zero privilege: only public channels answer, and receipts only for what names no patient
    if (r.ok) {
      expect(PUBLIC.has(channel), `${where} answered ok`).toBe(true);
      if (channel === 'receiptPreview' || channel === 'receiptPrint') {
        const source = (payload as { source: Record<string, unknown> }).source;
        expect('doctorNoteFor' in source || 'slip' in source, where).toBe(true);
      }
    }
  }
  const heard = clients.map((c) => c.received()).join('\n');
  const keyLists = clients.map((c) => c.keyLists()).join('\n');
  for (const c of clients) c.close();
  return { heard, keyLists };
}

/** The key list as the page itself shows it: only what the inserted media hold, nothing of a session. */
async function expectOnlyInsertedKeys(keyLists: string): Promise<void> {
  const onScreen = new Set(
    (await host.services.keys.list(false)).map((k) => JSON.stringify([k.fileName, k.folder])),
  );
  for (const line of keyLists.split('\n').filter(Boolean)) {
    const m = JSON.parse(line) as {
      result?: { value?: { keys: Record<string, string>[] } };
      payload?: { keys: Record<string, string>[] };
    };
    for (const k of m.result?.value?.keys ?? m.payload?.keys ?? [])
      expect(onScreen.has(JSON.stringify([k.fileName, k.folder])), JSON.stringify(k)).toBe(true);
  }
}

describe('a compromised renderer on the bridge', () => {
  it('gains nothing and crashes nothing before anyone signed in', async () => {
    const before = snapshot();
    const { heard, keyLists } = await attack(1);
    expect(snapshot()).toBe(before);
    await expectOnlyInsertedKeys(keyLists);
    expect(host.services.registrar.mode.state().mode).toBe('off');
    expect(host.services.session.active).toBeNull();
    expect(heard).not.toContain(REGISTRAR_PIN);
  }, 180_000);

  it('gains nothing of the previous patient after their session ended, and the host still answers', async () => {
    // a patient signs in for real, revokes an e-cabinet's access, and finishes
    const s = host.services;
    const persona = host.training?.personas?.find((p) => p.id === 'adult-with-apps');
    const sb = await fetch(`${host.training?.baseUrl}/sandbox/personas`).then(
      (r) =>
        r.json() as Promise<{
          data?: { id: string; password: string; taxId: string; fullName: string; birthDate: string }[];
        }>,
    );
    const p = (sb.data ?? []).find((x) => x.id === 'adult-with-apps');
    const key = (await s.keys.list(false)).find((k) => k.folder === 'adult-with-apps');
    if (!persona || !p || !key) throw new Error('no persona adult-with-apps');
    const signedIn = await s.signIn.start(key.id, new TextEncoder().encode(p.password));
    if (!signedIn.ok) throw new Error(signedIn.error.code);
    const ctx = s.patient.current();
    const tokens = s.patient.tokens()?.current();
    const apps = await s.cabinet.apps.list();
    const app = apps.ok ? apps.value.apps.find((a) => !a.thisKiosk) : undefined;
    if (!ctx || !tokens?.accessToken || !app) throw new Error('no session, tokens or app');
    expect((await s.cabinet.apps.revoke(app.id)).ok).toBe(true);
    const [op] = s.outbox.list();
    if (!op) throw new Error('nothing queued');
    secrets.push(
      p.taxId,
      ...p.fullName.split(' ').filter((w) => w.length > 3),
      p.birthDate.slice(0, 10),
      ctx.personId,
      tokens.accessToken,
      ...(tokens.refreshToken ? [tokens.refreshToken] : []),
      op.id,
      op.referenceCode,
      app.id,
    );
    await s.session.end('finish');

    // the next visitor found the receipt (its code) and knows the operation's id
    const ref = { referenceCode: op.referenceCode };
    const informed: { channel: ChannelName; payload: unknown }[] = [
      { channel: 'outboxGet', payload: { id: op.id } },
      { channel: 'outboxGet', payload: ref },
      { channel: 'outboxList', payload: {} },
      { channel: 'receiptPreview', payload: { source: ref, language: 'uk' } },
      { channel: 'receiptPrint', payload: { source: ref, language: 'en' } },
      { channel: 'receiptPreview', payload: { source: { operationId: op.id }, language: 'uk' } },
      { channel: 'registrarOutboxRetry', payload: { id: op.id } },
      { channel: 'registrarOutboxDiscard', payload: { id: op.id } },
      { channel: 'registrarSignIn', payload: { registrarId: 'R-01', pin: '123456' } },
    ];
    const before = snapshot();
    const { heard, keyLists } = await attack(2, informed);
    expect(snapshot()).toBe(before);
    await expectOnlyInsertedKeys(keyLists);
    for (const secret of secrets)
      expect(heard, 'a patient’s data reached the hostile page').not.toContain(secret);
    expect(host.services.registrar.mode.state().mode).toBe('off');
    expect(host.services.session.active).toBeNull();

    // zero crashes: a fresh, well-behaved client is answered as ever
    const fresh = await hostileClient();
    expect(await fresh.call('appInfo', {})).toMatchObject({ ok: true });
    expect(await fresh.call('registrarStatus', {})).toMatchObject({ ok: true });
    fresh.close();
  }, 180_000);
  it('gains nothing of a visitor whose registration waits in the outbox after they finished', async () => {
    // a visitor eHealth does not know registers while eHealth is unreachable, gets a receipt, and finishes
    const s = host.services;
    const training = host.training;
    if (!training) throw new Error('no training sandbox');
    const listed = (await fetch(`${training.baseUrl}/sandbox/personas`).then((r) => r.json())) as {
      data?: { id: string; password: string; taxId: string; fullName: string; birthDate: string }[];
    };
    const p = (listed.data ?? []).find((x) => x.id === 'unknown-drfo');
    const key = (await s.keys.list(false)).find((k) => k.folder === 'unknown-drfo');
    if (!p || !key) throw new Error('no persona unknown-drfo');
    const password = () => new TextEncoder().encode(p.password);
    expect(await s.signIn.start(key.id, password())).toMatchObject({ error: { code: 'PERSON_NOT_FOUND' } });
    const phone = '+380951234577';
    expect((await s.registration.requestCode(phone)).ok).toBe(true);
    const sms = (await fetch(`${training.baseUrl}/sandbox/sms?phone=${encodeURIComponent(phone)}`).then((r) =>
      r.json(),
    )) as { data?: { code: string }[] };
    const sandbox = { baseUrl: training.baseUrl, apiKey: training.apiKey, personas: listed.data ?? [] };
    const typed = await registrationPerson(sandbox as unknown as SandboxHandle, 'unknown-drfo', phone);
    const { authentication_methods: _m, process_disclosure_data_consent: _c, ...person } = typed;
    const faults = `${training.baseUrl}/sandbox/faults`;
    const cut = await fetch(faults, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outage: true }),
    });
    expect(cut.status).toBe(200);
    try {
      const r = await s.registration.register({
        keyId: key.id,
        password: password(),
        person: person as unknown as PersonInput,
        phone,
        code: sms.data?.[0]?.code ?? '',
      });
      if (!r.ok || r.value.status !== 'queued') throw new Error(`not queued: ${JSON.stringify(r)}`);
      const { operationId, referenceCode } = r.value.receipt;
      secrets.push(
        p.taxId,
        ...p.fullName.split(' ').filter((w) => w.length > 3),
        phone,
        operationId,
        referenceCode,
      );
      await s.session.end('finish');

      const ref = { referenceCode };
      const informed: { channel: ChannelName; payload: unknown }[] = [
        { channel: 'outboxGet', payload: { id: operationId } },
        { channel: 'outboxGet', payload: ref },
        { channel: 'outboxList', payload: {} },
        { channel: 'receiptPreview', payload: { source: ref, language: 'uk' } },
        { channel: 'receiptPreview', payload: { source: { operationId }, language: 'en' } },
        { channel: 'registrationPrefill', payload: {} },
        { channel: 'personAddressRegions', payload: {} },
        { channel: 'registrationRequestCode', payload: { phone } },
      ];
      const before = snapshot();
      const { heard } = await attack(3, informed);
      expect(snapshot()).toBe(before);
      for (const secret of secrets)
        expect(heard, 'a visitor’s data reached the hostile page').not.toContain(secret);
      expect(host.services.session.active).toBeNull();
    } finally {
      await fetch(faults, { method: 'DELETE' });
    }
  }, 180_000);
});
