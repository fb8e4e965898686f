/**
 * One owner of a patient session's life, with the real signer process, the sandbox and the kiosk's
 * own router: a patient who thinks for a long time over a form keeps their session and their signer
 * (whatever the signer's old idle setting says), a renderer that falls silent is ended by main's one
 * backstop, and a crashed signer ends the session as an error — told apart from a normal end.
 * The session's clock and timers are virtual; the signer and the sandbox run in real time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionEndReason } from '#shared/contract/session';
import { silentLogger } from '../../electron/core/log';
import type { Timers } from '../../electron/core/kiosk/timers';
import { createServices, type KioskServices } from '../../electron/core/services';
import { folderMedia } from '../../electron/core/session/folder-media';
import { createHandlers } from '../../electron/ipc/handlers';
import { createRouter, type Dispatch } from '../../electron/ipc/router';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox';
import { TEST_KEYS_DIR } from './sandbox-helpers';

let sb: SandboxHandle;
const dirs: string[] = [];
const opened: KioskServices[] = [];
const signerIdleBefore = process.env.KIOSK_SIGNER_IDLE_MS;

/** Virtual time for the session manager: the clock moves only when the test says so. */
function virtualTime() {
  let offset = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  let next = 1;
  const now = () => new Date(Date.now() + offset);
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      pending.set(next, { at: now().getTime() + ms, fn });
      return next++;
    },
    clearTimeout: (h) => pending.delete(h as number),
  };
  const advance = (ms: number) => {
    offset += ms;
    for (const [id, p] of [...pending.entries()].sort((a, b) => a[1].at - b[1].at)) {
      if (p.at > now().getTime() || !pending.has(id)) continue;
      pending.delete(id);
      p.fn();
    }
  };
  return { now, timers, advance };
}

function kiosk() {
  const time = virtualTime();
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-session-life-'));
  dirs.push(dataDir);
  const services = createServices({
    dataDir,
    log: silentLogger(),
    version: 'it',
    background: false,
    now: time.now,
    timers: time.timers,
    ehealth: {
      baseUrl: sb.baseUrl,
      apiKey: sb.apiKey,
      clientId: sb.clientId,
      clientSecret: sb.clientSecret,
      scope: sb.scope,
    },
    patient: {
      keyFolder: dirname(dirname(sb.personas[0]?.keyFile ?? '')),
      media: folderMedia(dataDir),
      tsaUrl: sb.tsaUrl,
      trustList: sb.trustList,
    },
  });
  opened.push(services);
  // the renderer's calls go through the kiosk's router, which counts each as activity (as the hosts wire it)
  const dispatch: Dispatch = createRouter({
    handlers: createHandlers(services),
    isAllowedOrigin: () => true,
    log: silentLogger(),
    onCall: () => services.session.touch(),
  });
  const call = (channel: string, payload: unknown = {}) =>
    dispatch(channel, payload, { origin: 'app://kiosk' });
  const ended: SessionEndReason[] = [];
  services.events.on('sessionEnded', ({ reason }) => ended.push(reason));
  return { services, time, call, ended };
}

async function signIn(k: ReturnType<typeof kiosk>, personaId: string) {
  const persona = sb.personas.find((p) => p.id === personaId);
  const key = (await k.services.keys.list(false)).find((x) => x.folder === personaId);
  if (!persona || !key) throw new Error(`no key for ${personaId}`);
  const r = await k.call('signinStart', { keyId: key.id, password: persona.password });
  expect(r).toMatchObject({ ok: true });
  const pid = k.services.esign.signerPid;
  if (!pid) throw new Error('no signer running');
  return pid;
}

const running = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(check: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const lastEnd = (services: KioskServices) =>
  services.audit.list(50).find((e) => e.action === 'session.end')?.detail;

beforeAll(async () => {
  // the signer's old idle knob, set very short: the signer must ignore it now
  process.env.KIOSK_SIGNER_IDLE_MS = '300';
  sb = await startSandbox({ seed: 'small', keysCacheDir: TEST_KEYS_DIR });
}, 180_000);

afterAll(async () => {
  for (const s of opened) await s.close();
  await sb?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  if (signerIdleBefore === undefined) delete process.env.KIOSK_SIGNER_IDLE_MS;
  else process.env.KIOSK_SIGNER_IDLE_MS = signerIdleBefore;
});

describe('one owner of a patient session’s life', () => {
  it('a patient thinking over a form for half an hour keeps the session and the signer', async () => {
    const k = kiosk();
    const pid = await signIn(k, 'adult-with-apps');
    // 36 virtual minutes, the renderer reporting the visitor's typing every 30 s …
    for (let s = 0; s < 36 * 60; s += 30) {
      k.time.advance(30_000);
      expect(await k.call('sessionActivity')).toMatchObject({ ok: true, value: { active: true } });
    }
    // … and a second of real time, longer than the signer's old idle setting
    await new Promise((r) => setTimeout(r, 1_000));
    expect(running(pid)).toBe(true);
    expect(k.ended).toEqual([]);
    const signed = await k.services.patient.sign('{"still":"here"}');
    expect(signed).toMatchObject({ ok: true });
  }, 120_000);

  it('a silent renderer is ended by main’s backstop: signer gone, tokens dropped, cause audited', async () => {
    const k = kiosk();
    const pid = await signIn(k, 'adult-with-apps');
    const settings = k.services.settings.get();
    const allowedMs = (settings.idleTimeoutSeconds + settings.idleWarningSeconds + 60) * 1000;
    k.time.advance(allowedMs - 1_000);
    expect(k.services.session.active).not.toBeNull();
    k.time.advance(1_000);
    await until(() => k.ended.length > 0 && !running(pid));
    expect(k.ended).toEqual(['idle']);
    expect(k.services.patient.current()).toBeNull();
    expect(k.services.patient.tokens()).toBeNull();
    expect(lastEnd(k.services)).toBe(JSON.stringify({ reason: 'idle', cause: 'renderer-silent' }));
  }, 120_000);

  it('a signer crash ends the session as an error; a normal end is not a crash', async () => {
    const k = kiosk();
    await signIn(k, 'adult-with-apps');
    expect(await k.call('sessionEnd', { reason: 'finish' })).toMatchObject({
      ok: true,
      value: { ended: true },
    });
    expect(lastEnd(k.services)).toBe(JSON.stringify({ reason: 'finish' }));
    expect(k.ended).toEqual(['finish']);

    const pid = await signIn(k, 'adult-with-apps');
    process.kill(pid, 'SIGKILL');
    await until(() => k.ended.length === 2);
    expect(k.ended).toEqual(['finish', 'error']);
    expect(k.services.patient.current()).toBeNull();
    expect(lastEnd(k.services)).toBe(JSON.stringify({ reason: 'error', cause: 'signer-crashed' }));
  }, 120_000);
});
