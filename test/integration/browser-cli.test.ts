/**
 * `electron/hosts/browser.ts` as a program: the exact flags, the one ready line on stdout that e2e
 * fixtures parse, a clean end on SIGTERM and SIGINT, clear failures.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';

const base = mkdtempSync(join(tmpdir(), 'kiosk-browser-cli-'));
const site = join(base, 'site');
mkdirSync(site);
writeFileSync(join(site, 'index.html'), '<!doctype html><title>k</title>');
afterAll(() => rmSync(base, { recursive: true, force: true }));

interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Runs the host; `until` decides, from stdout so far, when to send `signal` (if any). */
function run(
  args: string[],
  opts: {
    env?: Record<string, string>;
    until?: RegExp;
    signal?: NodeJS.Signals;
    /** Runs once `until` matched, before the signal is sent. */
    whileRunning?: (stdout: string) => Promise<void>;
  } = {},
): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/hosts/browser.ts', ...args], {
      env: { ...process.env, KIOSK_SANDBOX: 'off', KIOSK_RENDERER_DIR: site, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = { stdout: '', stderr: '' };
    let signalled = false;
    child.stdout.on('data', (c: Buffer) => {
      out.stdout += c.toString();
      if (opts.until && !signalled && opts.until.test(out.stdout)) {
        signalled = true;
        void (opts.whileRunning?.(out.stdout) ?? Promise.resolve()).finally(() =>
          child.kill(opts.signal ?? 'SIGTERM'),
        );
      }
    });
    child.stderr.on('data', (c: Buffer) => (out.stderr += c.toString()));
    child.on('exit', (code) => resolve({ ...out, code }));
  });
}

const READY =
  /^Kabinet Kiosk \(browser host\) ready: (http:\/\/127\.0\.0\.1:(\d+)\/#code=([A-Za-z0-9_-]{22}))\n$/;

/** Opens the bridge with the launch code the way the page does; the token it is answered with, or the refusal. */
function exchange(port: string, code: string): Promise<{ token: string } | { status: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/bridge?code=${code}`, {
      headers: { Origin: `http://127.0.0.1:${port}` },
    });
    ws.on('message', (d) => {
      const m = JSON.parse(d.toString()) as { type: string; token?: string };
      if (m.type === 'session' && m.token) resolve({ token: m.token });
      ws.close();
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      res.resume();
    });
    ws.on('error', () => resolve({ status: -1 }));
  });
}

describe('browser host program', () => {
  it('prints exactly one ready line on stdout and ends cleanly on SIGTERM', async () => {
    const r = await run(['--port', '0', '--no-open', '--data-dir', join(base, 'd1')], { until: /ready: / });
    expect(r.stdout).toMatch(READY);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('browser host stopping');
  }, 60_000);

  it('prints a one-time launch code, never the session token it is exchanged for', async () => {
    let token = '';
    let second: unknown = null;
    const r = await run(['--port', '0', '--no-open', '--data-dir', join(base, 'd3')], {
      until: /ready: .*\n/,
      whileRunning: async (stdout) => {
        const [, , port = '', code = ''] = READY.exec(stdout) ?? [];
        const first = await exchange(port, code);
        if ('token' in first) token = first.token;
        second = await exchange(port, code);
      },
    });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // the code worked once only
    expect(second).toEqual({ status: 401 });
    expect(r.stdout).not.toContain(token);
    expect(r.stderr).not.toContain(token);
    expect(r.code, r.stderr).toBe(0);
  }, 60_000);

  it('ends cleanly on SIGINT too', async () => {
    const r = await run(['--no-open', '--data-dir', join(base, 'd2')], {
      until: /ready: /,
      signal: 'SIGINT',
    });
    expect(r.stdout).toMatch(READY);
    expect(r.code).toBe(0);
  }, 60_000);

  it('refuses unknown flags with the usage and exit code 2', async () => {
    const r = await run(['--no-open', '--host', '0.0.0.0']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('unknown argument: --host');
    expect(r.stderr).toContain('usage: npm run start:browser -- [--port N] [--no-open] [--data-dir DIR]');
  }, 60_000);

  it('fails clearly when the renderer is not built', async () => {
    const r = await run(['--no-open', '--data-dir', join(base, 'd3')], {
      env: { KIOSK_RENDERER_DIR: join(base, 'nothing') },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('the renderer is not built');
  }, 60_000);
});
