/**
 * Opens Debian Chromium as a chrome-less kiosk app window on the browser host's URL, in a fresh
 * throw-away profile. The flags keep it quiet on a closed network; `--no-sandbox` only as root,
 * where Chromium refuses to start otherwise.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../core/log';

export const chromiumExecutable = (env: NodeJS.ProcessEnv = process.env): string =>
  env.KIOSK_CHROMIUM || '/usr/bin/chromium';

export function chromiumArgs(url: string, userDataDir: string, opts: { root: boolean }): string[] {
  return [
    `--app=${url}`,
    '--kiosk',
    '--window-position=0,0',
    '--window-size=1280,800',
    `--user-data-dir=${userDataDir}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-gpu',
    '--disable-quic',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    ...(opts.root ? ['--no-sandbox'] : []),
  ];
}

export interface ChromiumWindow {
  /** Resolves with the exit code (null when killed by a signal, or when it could not start). */
  exited: Promise<number | null>;
  close(): Promise<void>;
}

export function openChromiumApp(url: string, opts: { log: Logger; executable?: string }): ChromiumWindow {
  const profile = mkdtempSync(join(tmpdir(), 'kiosk-chromium-'));
  const exe = opts.executable ?? chromiumExecutable();
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  let child: ChildProcess | null = null;
  const removeProfile = () => rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  const exited = new Promise<number | null>((resolve) => {
    try {
      child = spawn(exe, chromiumArgs(url, profile, { root }), { stdio: 'ignore' });
    } catch (e) {
      opts.log.error({ err: e }, 'chromium could not be started');
      resolve(null);
      return;
    }
    child.once('error', (e) => {
      opts.log.error({ err: e, executable: exe }, 'chromium could not be started');
      resolve(null);
    });
    child.once('exit', (code) => resolve(code));
  }).finally(removeProfile);
  return {
    exited,
    close: async () => {
      const c = child as ChildProcess | null;
      if (c && c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
      await exited;
    },
  };
}
