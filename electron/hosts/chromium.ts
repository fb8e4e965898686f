/**
 * Opens Debian Chromium as a chrome-less kiosk app window on the browser host's URL, in a fresh
 * throw-away profile inside the host's temporary folder (removed when the window ends). The flags keep it quiet on a closed network; `--no-sandbox` only as root,
 * where Chromium refuses to start otherwise.
 *
 * The URL carries the host's one-time launch code, and a command line is readable by every user of
 * the machine: so the command line names only a small page in the private (0700) profile, which
 * forwards to the URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Logger } from '../core/log';

export const chromiumExecutable = (env: NodeJS.ProcessEnv = process.env): string =>
  env.KIOSK_CHROMIUM || '/usr/bin/chromium';

/** `appUrl`: what the window opens first (the launch page in the profile, never a URL with a secret). */
export function chromiumArgs(appUrl: string, userDataDir: string, opts: { root: boolean }): string[] {
  return [
    `--app=${appUrl}`,
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
    // no "translate this page?" bubble over the Ukrainian UI (see also the profile preferences)
    '--disable-features=Translate',
    '--lang=uk',
    ...(opts.root ? ['--no-sandbox'] : []),
  ];
}

/** A fresh profile that never offers translation, password saving or autofill on a public kiosk. */
export const PROFILE_PREFERENCES = {
  translate: { enabled: false },
  credentials_enable_service: false,
  autofill: { profile_enabled: false, credit_card_enabled: false },
  browser: { check_default_browser: false },
};

const escapeAttribute = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The page the window opens: it forwards at once to `url` (which only this file then holds). */
export const launchPage = (url: string): string =>
  `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer">` +
  `<meta http-equiv="refresh" content="0;url=${escapeAttribute(url)}"><title>Kabinet Kiosk</title>\n`;

export const LAUNCH_PAGE_FILE = 'kiosk-launch.html';

export interface ChromiumWindow {
  /** Resolves with the exit code (null when killed by a signal, or when it could not start). */
  exited: Promise<number | null>;
  close(): Promise<void>;
}

export function openChromiumApp(
  url: string,
  opts: { log: Logger; executable?: string; /** The host's temporary folder. */ tempDir: string },
): ChromiumWindow {
  const profile = mkdtempSync(join(opts.tempDir, 'chromium-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify(PROFILE_PREFERENCES));
  const launchFile = join(profile, LAUNCH_PAGE_FILE);
  writeFileSync(launchFile, launchPage(url), { mode: 0o600 });
  const exe = opts.executable ?? chromiumExecutable();
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  let child: ChildProcess | null = null;
  const processExit = new Promise<number | null>((resolve) => {
    try {
      // Its own process group, so closing it also ends the renderer/GPU helpers that write to the profile.
      child = spawn(exe, chromiumArgs(pathToFileURL(launchFile).href, profile, { root }), {
        stdio: 'ignore',
        detached: true,
      });
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
  });
  const exited = processExit.then(async (code) => {
    try {
      await rm(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
    } catch (e) {
      opts.log.warn({ err: e }, 'the temporary Chromium profile could not be removed');
    }
    return code;
  });
  return {
    exited,
    close: async () => {
      const c = child as ChildProcess | null;
      if (c?.pid !== undefined && c.exitCode === null && c.signalCode === null) {
        try {
          process.kill(-c.pid, 'SIGTERM');
        } catch {
          c.kill('SIGTERM');
        }
      }
      await exited;
    },
  };
}
