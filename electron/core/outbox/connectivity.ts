import type { Connectivity } from '#shared/contract/app';
import type { CallOutcome } from '../ehealth/client';
import type { HttpTransport } from '../ehealth/transport';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    // background timers must not keep a CLI or test process alive
    (t as { unref?: () => void }).unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface ConnectivityOptions {
  /** A light request to eHealth; any HTTP answer means the link works. */
  probe: () => Promise<CallOutcome>;
  timers?: Timers;
  /** Probe period while online (a background check). */
  onlineProbeMs?: number;
  /** Probe period while degraded or offline: how fast a returning link is noticed. */
  recoveryProbeMs?: number;
}

/**
 * online / degraded / offline, from two sources: the outcome of every real eHealth call
 * (error-based detection) and a light periodic probe. A single failed call does not declare the
 * link down — it triggers an immediate probe, whose answer decides. While not online the probe
 * runs every `recoveryProbeMs` (1 s by default), so delivery resumes about a second after the
 * link returns.
 */
export class ConnectivityMonitor {
  private current: Connectivity = 'online';
  private readonly listeners = new Set<(state: Connectivity) => void>();
  private readonly timers: Timers;
  private timer: unknown = null;
  private probing: Promise<Connectivity> | null = null;
  private running = false;

  constructor(private readonly opts: ConnectivityOptions) {
    this.timers = opts.timers ?? realTimers;
  }

  state(): Connectivity {
    return this.current;
  }

  onChange(listener: (state: Connectivity) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    this.running = true;
    void this.probeNow();
  }

  stop(): void {
    this.running = false;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  /** Error-based detection: called with the outcome of every real eHealth call. */
  report(outcome: CallOutcome): void {
    if (outcome === 'ok') this.set('online');
    else if (outcome === 'server-error') this.set(this.current === 'offline' ? 'offline' : 'degraded');
    else {
      if (this.current === 'online') this.set('degraded');
      void this.probeNow();
    }
  }

  /** Probes now (one probe at a time) and returns the resulting state. */
  probeNow(): Promise<Connectivity> {
    this.probing ??= this.opts
      .probe()
      .then(
        (o) => o,
        () => 'network-error' as CallOutcome,
      )
      .then((o) => {
        this.set(o === 'ok' ? 'online' : o === 'server-error' ? 'degraded' : 'offline');
        return this.current;
      })
      .finally(() => {
        this.probing = null;
        this.schedule();
      });
    return this.probing;
  }

  private schedule(): void {
    if (!this.running) return;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    const ms =
      this.current === 'online' ? (this.opts.onlineProbeMs ?? 30_000) : (this.opts.recoveryProbeMs ?? 1_000);
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.probeNow();
    }, ms);
  }

  private set(state: Connectivity): void {
    if (state === this.current) return;
    this.current = state;
    if (this.running) this.schedule();
    for (const l of [...this.listeners]) {
      try {
        l(state);
      } catch {
        // one listener failing must not stop the others
      }
    }
  }
}

/**
 * A light probe: GET on a cheap URL with a short timeout. Any HTTP status below 500 (even 401 or
 * 404) proves the link and eHealth's front work; 5xx and 429 mean degraded; no answer means offline.
 */
export function httpProbe(
  transport: HttpTransport,
  url: string,
  timeoutMs = 3_000,
): () => Promise<CallOutcome> {
  return async () => {
    const controller = new AbortController();
    const t = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const res = await transport(url, {
        method: 'GET',
        headers: { Accept: 'application/json' },
        signal: controller.signal,
      });
      await res.text().catch(() => '');
      return res.status >= 500 || res.status === 429 ? 'server-error' : 'ok';
    } catch {
      return 'network-error';
    } finally {
      clearTimeout(t);
    }
  };
}
