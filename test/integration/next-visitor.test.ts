/**
 * Patients see only their own: through the real services and channel handlers against the sandbox,
 * a patient queues an action and leaves; nobody at the screen, and then the next visitor signed in
 * with their own key, can neither list, open nor reprint it by its id or its receipt code, and the
 * push events about it never reach the page. The patient themselves and the registrar in the panel
 * can. No background delivery: the operation stays queued while the next visitor looks for it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../electron/core/log';
import { createServices, type KioskServices } from '../../electron/core/services';
import { folderMedia } from '../../electron/core/session/folder-media';
import { createHandlers } from '../../electron/ipc/handlers';
import { createRouter } from '../../electron/ipc/router';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox';
import { TEST_KEYS_DIR } from './sandbox-helpers';

const FAST = { N: 1024, r: 8, p: 1, keyLength: 32 };

let sb: SandboxHandle;
let services: KioskServices;
const dirs: string[] = [];

beforeAll(async () => {
  sb = await startSandbox({ seed: 'small', keysCacheDir: TEST_KEYS_DIR });
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-next-visitor-'));
  const media = mkdtempSync(join(tmpdir(), 'kiosk-next-visitor-media-'));
  dirs.push(dataDir, media);
  services = createServices({
    dataDir,
    log: silentLogger(),
    version: 'it',
    background: false,
    pinScrypt: FAST,
    ehealth: {
      baseUrl: sb.baseUrl,
      apiKey: sb.apiKey,
      clientId: sb.clientId,
      clientSecret: sb.clientSecret,
      scope: sb.scope,
    },
    patient: {
      keyFolder: dirname(dirname((sb.personas[0] as { keyFile: string }).keyFile)),
      media: folderMedia(media),
      tsaUrl: sb.tsaUrl,
      trustList: sb.trustList,
    },
  });
}, 180_000);

afterAll(async () => {
  await services?.close();
  await sb?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function signIn(personaId: string): Promise<void> {
  const p = sb.personas.find((x) => x.id === personaId);
  const key = (await services.keys.list(false)).find((k) => k.folder === personaId);
  if (!p || !key) throw new Error(`no key for ${personaId}`);
  const r = await services.signIn.start(key.id, new TextEncoder().encode(p.password));
  if (!r.ok) throw new Error(`sign-in ${personaId}: ${r.error.code}`);
}

describe('the next visitor', () => {
  it('cannot list, open, reprint or hear about the previous patient’s operations', async () => {
    const dispatch = createRouter({
      handlers: createHandlers(services),
      isAllowedOrigin: () => true,
      log: silentLogger(),
    });
    const call = (channel: string, payload: unknown) => dispatch(channel, payload, { origin: 'app://kiosk' });
    const heard: string[] = [];
    services.rendererEvents.subscribeAll((name, payload) => {
      if (name === 'outboxChanged') heard.push((payload as { id: string }).id);
    });

    // the first patient revokes an e-cabinet's access; it waits in the outbox
    await signIn('adult-with-apps');
    const apps = await services.cabinet.apps.list();
    if (!apps.ok) throw new Error(apps.error.message);
    const app = apps.value.apps.find((a) => !a.thisKiosk);
    if (!app) throw new Error('the persona has no e-cabinet to revoke');
    expect((await services.cabinet.apps.revoke(app.id)).ok).toBe(true);
    const [op] = services.outbox.list();
    if (!op) throw new Error('nothing queued');
    const ref = { referenceCode: op.referenceCode };
    // their own: visible on every channel, and its push event reached the page
    expect(heard).toContain(op.id);
    expect(await call('outboxList', {})).toMatchObject({ ok: true, value: { operations: [{ id: op.id }] } });
    expect(await call('outboxGet', { id: op.id })).toMatchObject({ ok: true, value: { id: op.id } });
    expect(await call('outboxGet', ref)).toMatchObject({ ok: true, value: { id: op.id } });
    expect(await call('receiptPreview', { source: ref, language: 'uk' })).toMatchObject({ ok: true });
    expect(await call('receiptPreview', { source: { operationId: op.id }, language: 'en' })).toMatchObject({
      ok: true,
    });
    expect(await call('sessionEnd', { reason: 'finish' })).toMatchObject({ ok: true });

    // nobody signed in: nothing at all
    for (const [channel, payload] of [
      ['outboxList', {}],
      ['outboxGet', { id: op.id }],
      ['outboxGet', ref],
      ['receiptPreview', { source: ref, language: 'uk' }],
      ['receiptPrint', { source: ref, language: 'uk' }],
      ['receiptPreview', { source: { operationId: op.id }, language: 'uk' }],
    ] as const)
      expect(await call(channel, payload), channel).toMatchObject({
        ok: false,
        error: { code: 'NO_SESSION' },
      });
    expect(await call('outboxStatus', {})).toMatchObject({
      ok: false,
      error: { code: 'REGISTRAR_REQUIRED' },
    });

    // the next visitor, with their own key: it does not exist for them, and its changes stay silent
    await signIn('adult-with-declaration');
    expect(await call('outboxList', {})).toEqual({ ok: true, value: { operations: [] } });
    for (const [channel, payload] of [
      ['outboxGet', { id: op.id }],
      ['outboxGet', ref],
      ['receiptPreview', { source: ref, language: 'uk' }],
      ['receiptPrint', { source: ref, language: 'uk' }],
      ['receiptPreview', { source: { operationId: op.id }, language: 'uk' }],
    ] as const)
      expect(await call(channel, payload), channel).toMatchObject({
        ok: false,
        error: { code: 'OPERATION_NOT_FOUND' },
      });
    heard.length = 0;
    expect(services.outbox.discard(op.id, 'operator-cli').ok).toBe(true);
    expect(heard).toEqual([]);
    await services.session.end('finish');

    // the registrar in the panel sees every operation
    const { code } = await services.registrar.accounts.enrollment.issue();
    expect(
      (await call('registrarSetFirstPin', { registrarId: 'R-01', pin: '250871', enrollmentCode: code })).ok,
    ).toBe(true);
    expect(await call('outboxGet', ref)).toMatchObject({ ok: true, value: { id: op.id, state: 'rejected' } });
    expect(await call('outboxStatus', {})).toMatchObject({ ok: true });
    expect(await call('outboxList', {})).toMatchObject({ ok: true, value: { operations: [{ id: op.id }] } });
  }, 180_000);
});
