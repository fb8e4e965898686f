/**
 * Training mode: the hosts (Electron main, browser host) run the embedded eHealth sandbox in-process
 * and point the kiosk at it. Only hosts import the sandbox — never electron/core. The sandbox's start
 * function is passed in, so this module stays testable and the type below is the seam it must fit.
 */
import { join } from 'node:path';
import { err, ok, type Result } from '../../shared/result';
import type { Logger } from '../core/log';

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
  scope: string;
  close(): Promise<void>;
}

export type StartSandbox = (opts?: SandboxStartOptions) => Promise<TrainingBackend>;

export interface TrainingOptions {
  /** The kiosk data directory; the sandbox keeps its own database in `<dataDir>/sandbox`. */
  dataDir: string;
  log: Logger;
  env?: NodeJS.ProcessEnv;
}

/** `KIOSK_SANDBOX_SEED=small` for quick starts; the national seed is the default, as in the sandbox. */
export function sandboxOptions(opts: TrainingOptions): SandboxStartOptions {
  const seedEnv = (opts.env ?? process.env).KIOSK_SANDBOX_SEED;
  const seed: SandboxSeed = seedEnv === 'small' ? 'small' : 'national';
  return {
    host: '127.0.0.1',
    port: 0,
    seed,
    ...(opts.dataDir === ':memory:' ? {} : { dataDir: join(opts.dataDir, 'sandbox') }),
  };
}

/** Starts the sandbox; a failure is a value (the kiosk still starts, offline). */
export async function startTrainingBackend(
  start: StartSandbox | null,
  opts: TrainingOptions,
): Promise<Result<TrainingBackend>> {
  if (!start) return err('NOT_AVAILABLE', 'this build has no embedded sandbox');
  try {
    const backend = await start(sandboxOptions(opts));
    opts.log.info({ baseUrl: backend.baseUrl }, 'training sandbox started');
    return ok(backend);
  } catch (e) {
    opts.log.error({ err: e }, 'training sandbox failed to start');
    return err('NOT_AVAILABLE', 'the training sandbox failed to start');
  }
}
