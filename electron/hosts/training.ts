/**
 * Training mode: the hosts (Electron main, browser host) run the embedded eHealth sandbox in-process
 * and point the kiosk's services at it. Only hosts import the sandbox — never electron/core. The start
 * function is passed in (the type below is the seam `electron/sandbox`'s startSandbox must fit).
 *
 * Where the sandbox keeps its data, and how big it is, depends on the host:
 *   electron  `<dataDir>/sandbox`, national seed — a training kiosk keeps its practice data;
 *   browser   a fresh database and persona keys per start in the host's temporary folder
 *             (`<dataDir>/tmp/<run>/sandbox`, removed when the host stops), small seed — a quick,
 *             disposable dev/test backend.
 * Environment overrides: KIOSK_SANDBOX=off (no sandbox), KIOSK_SANDBOX_SEED=small|national,
 * KIOSK_SANDBOX_PERSIST=1|0.
 */
import { dirname, join } from 'node:path';
import { err, ok, type Result } from '#shared/result';
import { openKioskDatabase } from '../core/db';
import type { EhealthConfigInput } from '../core/ehealth';
import type { Logger } from '../core/log';
import { SettingsStore, type KioskSettings } from '../core/kiosk';

export type SandboxSeed = 'small' | 'national';

export interface SandboxStartOptions {
  port?: number;
  host?: string;
  seed?: SandboxSeed;
  dataDir?: string;
  record?: string;
}

/** What the running sandbox tells the kiosk: where it is and which credentials a PIS uses there. */
export interface TrainingBackend {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  apiKey: string;
  tsaUrl: string;
  /** The sandbox's test CA (a CACertificates.p7b bundle): the only issuer a training kiosk trusts. */
  trustList?: Uint8Array;
  scope: string;
  /** The sandbox's request term (hours): how long eHealth keeps a declaration or person request. */
  requestTermHours?: number;
  /** The demo patients and their key files (the sandbox writes one folder per persona). */
  personas?: readonly TrainingPersona[];
  close(): Promise<void>;
}

export interface TrainingPersona {
  id: string;
  /** Absolute path of the persona's key container: <keys folder>/<persona id>/Key-6.dat (or .jks). */
  keyFile: string;
}

export type StartSandbox = (opts?: SandboxStartOptions) => Promise<TrainingBackend>;

export type HostKind = 'electron' | 'browser';

export interface TrainingOptions {
  /** The kiosk data directory. */
  dataDir: string;
  /** The host's temporary folder (host-temp.ts): where a disposable sandbox lives. */
  tempDir: string;
  host: HostKind;
  log: Logger;
  env?: NodeJS.ProcessEnv;
}

/** The sandbox's start options for this host, or null when the environment switches it off. */
export function sandboxOptions(opts: TrainingOptions): SandboxStartOptions | null {
  const env = opts.env ?? process.env;
  if (env.KIOSK_SANDBOX === 'off') return null;
  const seedEnv = env.KIOSK_SANDBOX_SEED;
  const seed: SandboxSeed =
    seedEnv === 'small' || seedEnv === 'national' ? seedEnv : opts.host === 'electron' ? 'national' : 'small';
  const persistEnv = env.KIOSK_SANDBOX_PERSIST;
  const persist =
    opts.dataDir !== ':memory:' && (persistEnv === '1' || (persistEnv !== '0' && opts.host === 'electron'));
  return {
    host: '127.0.0.1',
    port: 0,
    seed,
    dataDir: persist ? join(opts.dataDir, 'sandbox') : join(opts.tempDir, 'sandbox'),
  };
}

/** The environment stored in the kiosk's settings, read before the services start. */
export function storedEnvironment(dataDir: string): KioskSettings['environment'] {
  const db = openKioskDatabase(dataDir);
  try {
    return new SettingsStore(db).get().environment;
  } finally {
    db.close();
  }
}

/** The services' eHealth port for a running sandbox. */
export const ehealthConfigFor = (b: TrainingBackend): EhealthConfigInput => ({
  baseUrl: b.baseUrl,
  apiKey: b.apiKey,
  clientId: b.clientId,
  clientSecret: b.clientSecret,
  scope: b.scope,
  ...(b.requestTermHours ? { requestTermHours: b.requestTermHours } : {}),
});

/**
 * Training mode's key folder: where the sandbox wrote the personas' keys (one subfolder per persona),
 * so the key list offers them as a kiosk with a configured key folder would. Null without personas.
 */
export function trainingKeyFolder(b: TrainingBackend): string | null {
  const first = b.personas?.find((p) => p.keyFile);
  return first ? dirname(dirname(first.keyFile)) : null;
}

/** What the first directory wait needs of the services' directory. */
export interface TrainingDirectory {
  status(): { lastSyncAt: string | null; doctors: number };
  sync(): Promise<Result<unknown>>;
}

/** How long a training kiosk's start waits for its first directory (a national seed takes seconds). */
export const FIRST_DIRECTORY_WAIT_MS = 120_000;

/**
 * A training kiosk is ready when its directory is: the backend runs in this process, so the first
 * directory (the sync the schedule starts at once on an empty directory, joined here) is a matter
 * of seconds, and a kiosk that took patients before would show their declarations without their
 * doctor. Returns whether the directory is in place; a failed or slow sync is logged and the kiosk
 * starts anyway (the schedule tries again; the declarations then say the printout names the doctor).
 */
export async function awaitFirstDirectory(
  directory: TrainingDirectory,
  log: Logger,
  timeoutMs = FIRST_DIRECTORY_WAIT_MS,
): Promise<boolean> {
  if (directory.status().lastSyncAt !== null) return true;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), timeoutMs);
  });
  try {
    const r = await Promise.race([directory.sync(), late]);
    if (r === 'late') {
      log.warn({ waitedMs: timeoutMs }, 'training directory not synced yet: the kiosk starts without it');
      return false;
    }
    if (!r.ok) {
      log.warn({ code: r.error.code }, 'training directory sync failed: the kiosk starts without it');
      return false;
    }
    log.info({ doctors: directory.status().doctors }, 'training directory in place');
    return true;
  } finally {
    clearTimeout(timer);
  }
}

/** Starts the sandbox; a failure is a value (the kiosk still starts, without a backend). */
export async function startTrainingBackend(
  start: StartSandbox | null,
  opts: TrainingOptions,
): Promise<Result<TrainingBackend>> {
  if (!start) return err('NOT_AVAILABLE', 'this build has no embedded sandbox');
  const options = sandboxOptions(opts);
  if (!options) return err('NOT_AVAILABLE', 'the embedded sandbox is switched off (KIOSK_SANDBOX=off)');
  try {
    const backend = await start(options);
    opts.log.info({ baseUrl: backend.baseUrl, seed: options.seed }, 'training sandbox started');
    return ok(backend);
  } catch (e) {
    opts.log.error({ err: e }, 'training sandbox failed to start');
    return err('NOT_AVAILABLE', 'the training sandbox failed to start');
  }
}
