/**
 * The port through which hosts start a signer process.
 *
 *   interface SignerLauncher { launch(): SignerChannel }
 *
 * A SignerChannel is one running signer process: `send` a SignerRequest (protocol.ts), receive
 * every message the process posts through `onMessage` (the first is `{type:'ready'}`, then one
 * SignerResponse per request, matched by id), learn about its end through `onExit`, and `kill` it.
 * Implementations: `nodeSignerLauncher` below (child_process.fork — browser host, CLI, tests) and
 * an Electron `utilityProcess.fork` one in the Electron main code, which must deliver the same
 * messages (in main, utilityProcess's 'message' event carries the posted value itself; only the
 * child side receives `{ data }` events, which signer-process.ts unwraps).
 * Entry file: electron/core/esign/signer-process.ts, bundled as dist-electron/signer.cjs.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SignerRequest } from './protocol';

export interface SignerChannel {
  send(message: SignerRequest): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
  readonly pid: number | undefined;
}

export interface LaunchOptions {
  /**
   * Started ahead of need (see `warmSignerLauncher`): the process warms its code up — the curve
   * arithmetic, the hash, the WebAssembly module — before it says it is ready.
   */
  spare?: boolean;
}

/** The argument a spare signer process is started with. */
export const SPARE_ARG = '--spare';

export interface SignerLauncher {
  launch(opts?: LaunchOptions): SignerChannel;
}

export interface NodeSignerLauncherOptions {
  /** Path of the signer entry; default: signer.cjs beside the bundle, or the TypeScript source. */
  entry?: string;
  env?: Record<string, string>;
}

/** Where the signer entry is for this build: bundled (dist-electron/signer.cjs) or source (tsx). */
export function defaultSignerEntry(): { entry: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    const require = createRequire(import.meta.url);
    return {
      entry: join(dirname(here), '..', 'signer-process.ts'),
      execArgv: ['--import', pathToFileURL(require.resolve('tsx')).href],
    };
  }
  return { entry: join(dirname(here), 'signer.cjs'), execArgv: [] };
}

export function nodeSignerLauncher(opts: NodeSignerLauncherOptions = {}): SignerLauncher {
  return {
    launch(launchOpts: LaunchOptions = {}): SignerChannel {
      const def = defaultSignerEntry();
      const entry = opts.entry ?? def.entry;
      if (!existsSync(entry)) throw new Error(`signer entry not found: ${entry}`);
      const child: ChildProcess = fork(entry, launchOpts.spare ? [SPARE_ARG] : [], {
        execArgv: opts.entry?.endsWith('.ts') || (!opts.entry && def.execArgv.length) ? def.execArgv : [],
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
        env: { ...process.env, ...opts.env },
      });
      return {
        send: (m) => {
          if (child.connected) child.send(m);
        },
        onMessage: (l) => {
          child.on('message', l);
        },
        onExit: (l) => {
          child.on('exit', (code) => l(code));
        },
        kill: () => {
          child.kill('SIGKILL');
        },
        get pid() {
          return child.pid;
        },
      };
    },
  };
}

/**
 * A launcher that keeps one signer process started ahead of need, so that a patient who has
 * typed the password does not also wait for a process to start and load its code. The spare is
 * a fresh process that has never held a key; `launch()` hands it over (messages it posted
 * meanwhile, such as `ready`, are replayed to the new listener) and every session still gets a
 * process of its own. `warm()` starts a spare if there is none; a spare that exits is dropped.
 */
export interface WarmLauncher extends SignerLauncher {
  warm(): void;
  /**
   * Ends the spare (the kiosk shuts down) and starts none again: resolves when its process has
   * exited (or after `graceMs`, should it never say so).
   */
  dispose(graceMs?: number): Promise<void>;
}

export function warmSignerLauncher(inner: SignerLauncher): WarmLauncher {
  let spare: { channel: SignerChannel; messages: unknown[]; exited: boolean; taken: boolean } | null = null;
  let disposed = false;
  const start = () => {
    const channel = inner.launch({ spare: true });
    const entry = { channel, messages: [] as unknown[], exited: false, taken: false };
    channel.onMessage((m) => {
      if (!entry.taken) entry.messages.push(m);
    });
    channel.onExit(() => {
      entry.exited = true;
      if (spare === entry) spare = null;
    });
    spare = entry;
  };
  return {
    warm() {
      if (!spare && !disposed) start();
    },
    launch(): SignerChannel {
      const entry = spare;
      spare = null;
      if (!entry || entry.exited) return inner.launch();
      entry.taken = true;
      const { channel, messages } = entry;
      return {
        send: (m) => channel.send(m),
        onMessage: (l) => {
          for (const m of messages.splice(0)) l(m);
          channel.onMessage(l);
        },
        onExit: (l) => channel.onExit(l),
        kill: () => channel.kill(),
        get pid() {
          return channel.pid;
        },
      };
    },
    dispose(graceMs = 5_000) {
      disposed = true;
      const entry = spare;
      spare = null;
      if (!entry || entry.exited) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, graceMs);
        entry.channel.onExit(() => {
          clearTimeout(timer);
          resolve();
        });
        entry.channel.kill();
      });
    },
  };
}
