/**
 * How a host process ends, the same for the Electron kiosk and the browser host: SIGINT (Ctrl-C,
 * which reaches the whole process group), SIGTERM and SIGHUP run the host's stop and exit 0; an
 * uncaught error or an unhandled rejection is logged, runs the same stop (bounded by a grace period)
 * and exits 1. The stop is the host's one clean-up path (services, sandbox, browser windows, the
 * run's temporary folder); a second signal while it runs exits at once (what is left then is
 * removed at the next start).
 */
import type { Logger } from '../core/log';

export type StopReason = 'SIGINT' | 'SIGTERM' | 'SIGHUP' | 'error' | (string & {});

export interface ProcessLike {
  on(event: 'SIGINT' | 'SIGTERM' | 'SIGHUP', listener: () => void): unknown;
  on(event: 'uncaughtException', listener: (e: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  off(event: string, listener: (...args: never[]) => void): unknown;
}

export interface ProcessStopsOptions {
  log: Logger;
  /** The host's clean stop; called once. */
  stop: (why: StopReason) => Promise<void>;
  /** Ends the process (default `process.exit`; Electron: `app.exit`). */
  exit?: (code: number) => void;
  /** After an error, the stop gets this long before the process exits anyway. */
  errorGraceMs?: number;
  proc?: ProcessLike;
}

export interface ProcessStops {
  /** Stops the host for a reason of its own (the window was closed) and exits with `code`. */
  stop(why: StopReason, code?: number): Promise<void>;
  /** Whether a stop has begun. */
  readonly stopping: boolean;
  /** Removes the listeners (tests). */
  dispose(): void;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export function handleProcessStops(opts: ProcessStopsOptions): ProcessStops {
  const proc: ProcessLike = opts.proc ?? process;
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  let stopping: Promise<void> | null = null;

  const stop = (why: StopReason, code = 0): Promise<void> => {
    if (stopping) return stopping;
    stopping = (async () => {
      let graceTimer: NodeJS.Timeout | null = null;
      const grace =
        code === 0
          ? null
          : new Promise<void>((resolve) => {
              graceTimer = setTimeout(resolve, opts.errorGraceMs ?? 10_000);
              graceTimer.unref?.();
            });
      try {
        await (grace ? Promise.race([opts.stop(why), grace]) : opts.stop(why));
      } catch (e) {
        opts.log.error({ err: e }, 'the stop failed');
        code = code || 1;
      } finally {
        if (graceTimer) clearTimeout(graceTimer);
      }
      exit(code);
    })();
    return stopping;
  };

  const onSignal = (signal: (typeof SIGNALS)[number]) => () => {
    if (stopping) {
      opts.log.warn({ signal }, 'second stop signal: exiting at once');
      exit(1);
      return;
    }
    void stop(signal, 0);
  };
  const signalListeners = SIGNALS.map((s) => [s, onSignal(s)] as const);
  const onError = (e: unknown) => {
    opts.log.fatal({ err: e }, 'uncaught error: the host stops');
    void stop('error', 1);
  };
  for (const [s, l] of signalListeners) proc.on(s, l);
  proc.on('uncaughtException', onError);
  proc.on('unhandledRejection', onError);

  return {
    stop,
    get stopping() {
      return stopping !== null;
    },
    dispose() {
      for (const [s, l] of signalListeners) proc.off(s, l);
      proc.off('uncaughtException', onError);
      proc.off('unhandledRejection', onError);
    },
  };
}
