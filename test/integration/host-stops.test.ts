/**
 * Nothing of the browser host is left behind, however it stops. The real program
 * (`electron/hosts/browser.ts`, training mode with its embedded sandbox) runs with TMPDIR pointed at
 * a private folder, so everything it would put in "the temp folder" can be seen. A patient signs in
 * over the host's WebSocket and prints a receipt (a PDF and the Chromium that rendered it); then:
 *
 *   Finish           → the receipt PDFs and the rendering browser's profile are gone at once;
 *   SIGINT (Ctrl-C)  → to the whole process group, as a terminal sends it (the signer gets it too);
 *   SIGKILL          → the group dies at once; the next start removes what it left;
 *   SIGTERM          → to the host alone;
 *   an uncaught error (thrown into the program by a preloaded module on SIGUSR2);
 *   SIGTERM while a spare signer waits and a directory sync is mid-way → both have ended when the
 *                    host exits, and nothing in the data directory changes afterwards.
 *
 * While it runs, the host's only trace in the temp folder is its own `kiosk-run-*` folder (TMPDIR
 * of the process and its children). After each stop: the private temp folder is empty, the data
 * directory holds no temporary folder, no receipt, no browser profile, and no process of the host's
 * group is still running.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { BRIDGE_PATH, BRIDGE_CODE_PARAM } from '#shared/bridge-wire';
import { directoryFolder } from '../../electron/core/directory/generation';

const base = mkdtempSync(join(tmpdir(), 'kiosk-host-stops-'));
const privateTmp = join(base, 'tmp');
const dataDir = join(base, 'data');
const site = join(base, 'site');
const PERSONA = { folder: 'adult-with-declaration', password: 'olena-4242' };
// an uncaught error inside the program, on demand (nothing in the program itself is changed for it)
const CRASH_ON_SIGUSR2 = `data:text/javascript,${encodeURIComponent(
  "process.on('SIGUSR2', () => setImmediate(() => { throw new Error('injected failure'); }));",
)}`;

interface Host {
  child: ChildProcess;
  pid: number;
  stderr(): string;
  exited: Promise<number | null>;
  call(
    channel: string,
    payload: unknown,
  ): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
  disconnect(): void;
  /** Push events the host sent so far (name and payload). */
  events: { name: string; payload: unknown }[];
}

const running: Host[] = [];

async function startHost(nodeArgs: string[] = []): Promise<Host> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      ...nodeArgs,
      'electron/hosts/browser.ts',
      '--port',
      '0',
      '--no-open',
      '--data-dir',
      dataDir,
    ],
    {
      detached: true, // its own process group, as a terminal's foreground job
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        TMPDIR: privateTmp,
        TMP: privateTmp,
        TEMP: privateTmp,
        TSX_DISABLE_CACHE: '1', // the dev runner's own cache would otherwise land in TMPDIR
        KIOSK_RENDERER_DIR: site,
        KIOSK_SANDBOX: '',
        KIOSK_KEY_FOLDER: '',
        KIOSK_MEDIA_DIR: '',
      },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<URL>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line\n${stderr}`)), 90_000);
    child.stdout?.on('data', (c: Buffer) => {
      stdout += c.toString();
      const m = /ready: (\S+)/.exec(stdout);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(new URL(m[1]));
      }
    });
    void exited.then((code) => reject(new Error(`exited with ${code}\n${stderr}`)));
  });
  // the printed URL carries the one-time launch code: this connection is the one that uses it
  const code = new URLSearchParams(url.hash.slice(1)).get(BRIDGE_CODE_PARAM) ?? '';
  const ws = new WebSocket(`ws://${url.host}${BRIDGE_PATH}?${BRIDGE_CODE_PARAM}=${code}`, {
    origin: url.origin,
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.on('error', () => undefined); // the host going away mid-test is the point of the test
  let nextId = 1;
  const pending = new Map<number, (r: never) => void>();
  const events: Host['events'] = [];
  ws.on('message', (data: Buffer) => {
    const m = JSON.parse(data.toString()) as {
      type: string;
      id?: number;
      result?: never;
      name?: string;
      payload?: unknown;
    };
    if (m.type === 'result' && typeof m.id === 'number') pending.get(m.id)?.(m.result as never);
    if (m.type === 'event' && m.name) events.push({ name: m.name, payload: m.payload });
  });
  const host: Host = {
    child,
    pid: child.pid as number,
    stderr: () => stderr,
    exited,
    call: (channel, payload) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve as (r: never) => void);
        ws.send(JSON.stringify({ type: 'call', id, channel, payload }));
      }),
    disconnect: () => ws.terminate(),
    events,
  };
  running.push(host);
  return host;
}

/**
 * Signs the persona in (a signer process joins the host's group) and prints a receipt: the
 * patient's traces the host must not leave. Without `signIn`, only the receipt (cheaper).
 */
async function visit(host: Host, { signIn = true } = {}): Promise<void> {
  if (signIn) {
    const listed = await host.call('signinKeys', { watch: false });
    const keys = (listed.value as { keys: { id: string; folder: string | null }[] } | undefined)?.keys ?? [];
    const key = keys.find((k) => k.folder === PERSONA.folder);
    if (!key) throw new Error(`no key for ${PERSONA.folder}: ${JSON.stringify(listed)}\n${host.stderr()}`);
    const signedIn = await host.call('signinStart', { keyId: key.id, password: PERSONA.password });
    expect(signedIn, host.stderr()).toMatchObject({ ok: true });
  }
  const printed = await host.call('receiptPrint', { source: { slip: 'under-14' }, language: 'uk' });
  expect(printed, host.stderr()).toEqual({ ok: true, value: { via: 'pdf' } });
  expect(readdirSync(join(dataDir, 'receipts')).some((n) => n.endsWith('.pdf'))).toBe(true);
}

/** Every path under `dir`, relative. */
function walk(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const rel = prefix ? `${prefix}/${name}` : name;
    out.push(rel);
    const full = join(dir, name);
    if (statSync(full, { throwIfNoEntry: false })?.isDirectory()) out.push(...walk(full, rel));
  }
  return out;
}

/** What may hold a patient's data: receipts, PDFs and pages, browser profiles. */
const personal = (paths: string[]) =>
  paths.filter(
    (p) =>
      p.startsWith('receipts/') ||
      /\.(pdf|html)$/i.test(p) ||
      /(^|\/)(Local State|Default|profile|receipt-printer-[^/]*|chromium-[^/]*)$/.test(p),
  );

const groupAlive = (pgid: number): boolean => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The processes of the group still running (zombies, which only wait to be reaped, do not count). */
function liveInGroup(pgid: number): string[] {
  const r = spawnSync('ps', ['-o', 'stat=,args=', '-g', String(pgid)], { encoding: 'utf8' });
  return (
    r.stdout
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('Z'))
      .map((l) => l.replace(/^\S+\s+/, ''))
      // the dev runner's compiler service ends by itself when the process that started it is gone
      .filter((args) => !/\besbuild\b.*--service/.test(args))
  );
}

/** Every file under `dir` with its size and modification time: what a late writer would change. */
function fingerprint(dir: string): string[] {
  return walk(dir).map((p) => {
    const st = statSync(join(dir, p), { throwIfNoEntry: false });
    return `${p} ${st?.isDirectory() ? 'dir' : `${st?.size}@${st?.mtimeMs}`}`;
  });
}

async function until(what: string, check: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** After a stop: nothing outside the data directory, nothing temporary or personal inside it. */
async function expectNothingLeft(host: Host): Promise<void> {
  await until('the process group to end', () => !groupAlive(host.pid));
  expect(walk(privateTmp)).toEqual([]);
  expect(walk(join(dataDir, 'tmp'))).toEqual([]);
  expect(personal(walk(dataDir))).toEqual([]);
}

beforeAll(() => {
  mkdirSync(privateTmp);
  mkdirSync(site);
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>k</title>');
});

afterAll(async () => {
  for (const h of running) {
    try {
      process.kill(-h.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(base, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
});

describe('the browser host leaves nothing behind', () => {
  let host: Host;

  it('Finish removes the visit’s receipts and the printer’s browser profile at once', async () => {
    host = await startHost();
    await visit(host);
    expect(await host.call('sessionEnd', { reason: 'finish' })).toMatchObject({ ok: true });
    await until(
      'the receipts and the printer profile to go',
      () => personal(walk(dataDir)).length === 0 && personal(walk(privateTmp)).length === 0,
    );
    expect(readdirSync(privateTmp)).toEqual([expect.stringMatching(/^kiosk-run-/)]);
  }, 180_000);

  it('Ctrl-C (SIGINT to the whole process group) leaves nothing', async () => {
    await visit(host);
    process.kill(-host.pid, 'SIGINT');
    expect(await host.exited, host.stderr()).toBe(0);
    await expectNothingLeft(host);
  }, 180_000);

  it('what a SIGKILL left is removed at the next start; SIGTERM leaves nothing', async () => {
    const killed = await startHost();
    await visit(killed, { signIn: false });
    process.kill(-killed.pid, 'SIGKILL');
    await killed.exited;
    await until('the killed group to end', () => !groupAlive(killed.pid));
    // left behind: the sandbox, the receipt and the printer's profile, the process's temp folder
    expect(personal(walk(dataDir)).length).toBeGreaterThan(0);
    const leftOutside = readdirSync(privateTmp);
    expect(leftOutside.length).toBeGreaterThan(0);

    const next = await startHost();
    // only the new run's folders remain: one in the temp folder, one in <data dir>/tmp
    const outside = readdirSync(privateTmp);
    expect(outside).toEqual([expect.stringMatching(/^kiosk-run-/)]);
    expect(leftOutside).not.toContain(outside[0]);
    expect(readdirSync(join(dataDir, 'tmp'))).toEqual([expect.stringMatching(new RegExp(`^${next.pid}-`))]);
    expect(personal(walk(dataDir))).toEqual([]);

    await visit(next);
    process.kill(next.pid, 'SIGTERM');
    expect(await next.exited, next.stderr()).toBe(0);
    await expectNothingLeft(next);
  }, 180_000);

  it('a stop ends what the host started before it exits: the spare signer, a directory sync mid-way', async () => {
    const host = await startHost();
    // a patient choosing a key: a spare signer process starts and waits
    expect((await host.call('signinKeys', { watch: true })).ok).toBe(true);
    await until('the spare signer to start', () => liveInGroup(host.pid).some((p) => p.includes('signer')));
    // a directory sync in its worker thread, caught while it writes the next generation
    let from = 0;
    for (let tries = 0; ; tries++) {
      from = host.events.length;
      const r = await host.call('directorySync', {});
      expect(r.ok, host.stderr()).toBe(true);
      if ((r.value as { started: boolean }).started) break;
      if (tries > 150) throw new Error('no directory sync could be started');
      await new Promise((done) => setTimeout(done, 200)); // one already runs: start one of our own
    }
    await until('the sync to download', () =>
      host.events
        .slice(from)
        .some(
          (e) => e.name === 'directoryProgress' && (e.payload as { phase?: string }).phase === 'download',
        ),
    );
    expect(readdirSync(directoryFolder(dataDir, 'training')).some((n) => n.endsWith('.building'))).toBe(true);

    process.kill(host.pid, 'SIGTERM'); // the host alone: its own stop must end its children
    expect(await host.exited, host.stderr()).toBe(0);
    expect(liveInGroup(host.pid)).toEqual([]);
    const atExit = fingerprint(dataDir);
    expect(atExit.filter((p) => p.includes('.building'))).toEqual([]);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(fingerprint(dataDir)).toEqual(atExit);
    await expectNothingLeft(host);
  }, 180_000);

  it('an uncaught error stops the host cleanly (exit 1) and leaves nothing', async () => {
    const host = await startHost(['--import', CRASH_ON_SIGUSR2]);
    await visit(host, { signIn: false });
    process.kill(host.pid, 'SIGUSR2');
    expect(await host.exited, host.stderr()).toBe(1);
    expect(host.stderr()).toContain('injected failure');
    await expectNothingLeft(host);
  }, 180_000);
});
