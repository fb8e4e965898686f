/**
 * The kiosk's temporary files, owned in one place for both hosts (the Electron kiosk and the browser
 * host). What a kiosk process keeps for a while lives in one run folder, `<data dir>/tmp/<run>`: the
 * browser host's training sandbox (database and persona keys) and Chromium profiles (the app
 * window, the PDF receipt printer).
 *
 * Whatever a library or a child process puts in "the temp folder" goes to a folder of its own: when
 * the host is the whole process, TMPDIR/TMP/TEMP point at `kiosk-run-XXXXXX` in the system's temp
 * folder, for the process and its children. It cannot be inside the data directory: Chromium keeps
 * its single-instance socket there, and a socket path may not exceed 108 bytes (104 on macOS). That
 * folder is recorded in the run folder, so whoever removes the run removes it too.
 *
 * A run goes when the host stops (its stop removes it; a process exit for any other reason removes
 * it synchronously as a last resort). What a SIGKILL or a power cut left behind is removed at the
 * next start: a run folder whose process is gone, or which is older than the machine's last boot
 * (after a power cut its process id may belong to another program).
 */
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, uptime } from 'node:os';
import { basename, join } from 'node:path';
import type { Logger } from '../core/log';

export const TEMP_FOLDER = 'tmp';
/** In a run folder: the path of the run's folder in the system's temp folder. */
const SYSTEM_TEMP_RECORD = '.system-temp';
const SYSTEM_TEMP_NAME = /^kiosk-run-[A-Za-z0-9]{6}$/;

export interface HostTemp {
  /** This process's run folder (exists until `remove`). */
  readonly dir: string;
  /** With `processWide`: the process's temp folder (TMPDIR), in the system's temp folder. */
  readonly systemDir: string | null;
  /** Removes the run (both folders and everything in them). Synchronous and idempotent. */
  remove(): void;
}

export interface ClaimHostTempOptions {
  log?: Logger;
  /**
   * Make the run folder the temp folder of the whole process and its children (TMPDIR, TMP, TEMP)
   * and remove it when the process exits. Only for a host that is the process (not in tests).
   */
  processWide?: boolean;
  /** Ports for tests: the clock, whether a process id is alive, when the machine booted. */
  now?: () => number;
  isRunning?: (pid: number) => boolean;
  bootTime?: () => number;
}

/** "<pid>-<start time, base 36>": short, as Chromium keeps a socket path under it (108 bytes on Linux). */
const runName = (pid: number, startedMs: number) => `${pid}-${startedMs.toString(36)}`;
const RUN_NAME = /^(\d+)-([0-9a-z]+)$/;

export function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, as another user's process
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes a run folder and the system temp folder it records (if it is one of ours). */
function removeRun(runDir: string): void {
  let recorded: string | null = null;
  try {
    recorded = readFileSync(join(runDir, SYSTEM_TEMP_RECORD), 'utf8').trim();
  } catch {
    // no system temp folder in this run
  }
  if (recorded && SYSTEM_TEMP_NAME.test(basename(recorded))) {
    // only a real folder of this user: the record is a file in the data directory, not a command
    const info = lstatSync(recorded, { throwIfNoEntry: false });
    const mine = info?.isDirectory() && (process.getuid === undefined || info.uid === process.getuid());
    if (mine) rmSync(recorded, { recursive: true, force: true, maxRetries: 3 });
  }
  rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
}

/** Run folders this process claimed and has not removed yet (two hosts in one process: tests). */
const claimedHere = new Set<string>();

/**
 * Whether a run folder's owner may still be running: a live process that started after the last
 * boot. A folder named with this process's id that this process did not claim is from an earlier
 * life of the id.
 */
function mayBeLive(
  root: string,
  name: string,
  o: { isRunning: (pid: number) => boolean; bootedAt: number },
): boolean {
  if (claimedHere.has(join(root, name))) return true;
  const m = RUN_NAME.exec(name);
  if (!m) return false;
  const pid = Number(m[1]);
  const startedMs = parseInt(m[2] as string, 36);
  return pid !== process.pid && startedMs >= o.bootedAt && o.isRunning(pid);
}

/**
 * Removes what earlier runs left in `<dataDir>/tmp` (everything but the folders of kiosk processes
 * still running on this data directory). Returns how many entries went.
 */
export function sweepHostTemp(
  dataDir: string,
  opts: Pick<ClaimHostTempOptions, 'isRunning' | 'bootTime' | 'log'> = {},
): number {
  const root = join(dataDir, TEMP_FOLDER);
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return 0;
  }
  const live = {
    isRunning: opts.isRunning ?? processIsRunning,
    // a minute of slack: the boot time is computed from the uptime, the start time from the wall clock
    bootedAt: (opts.bootTime ?? (() => Date.now() - uptime() * 1000))() - 60_000,
  };
  let removed = 0;
  for (const name of names) {
    if (mayBeLive(root, name, live)) continue;
    try {
      removeRun(join(root, name));
      removed++;
    } catch (e) {
      opts.log?.warn({ err: e }, 'a temporary folder of an earlier run could not be removed');
    }
  }
  if (removed > 0) opts.log?.info({ removed }, 'temporary files of an earlier run removed');
  return removed;
}

/** Sweeps what earlier runs left and creates this process's run folder. */
export function claimHostTemp(dataDir: string, opts: ClaimHostTempOptions = {}): HostTemp {
  sweepHostTemp(dataDir, opts);
  let dir = join(dataDir, TEMP_FOLDER, runName(process.pid, (opts.now ?? Date.now)()));
  while (claimedHere.has(dir)) dir = `${dir}0`; // a second host in this process in the same millisecond
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  claimedHere.add(dir);
  let systemDir: string | null = null;
  if (opts.processWide) {
    systemDir = mkdtempSync(join(tmpdir(), 'kiosk-run-'));
    writeFileSync(join(dir, SYSTEM_TEMP_RECORD), systemDir, { mode: 0o600 });
  }
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    claimedHere.delete(dir);
    try {
      removeRun(dir);
    } catch (e) {
      // the next start removes it
      opts.log?.warn({ err: e }, 'the temporary folder could not be removed');
    }
  };
  if (systemDir) {
    for (const name of ['TMPDIR', 'TMP', 'TEMP']) process.env[name] = systemDir;
    process.once('exit', remove);
  }
  return { dir, systemDir, remove };
}
