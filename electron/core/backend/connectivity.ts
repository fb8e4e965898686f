import type { Connectivity, ConnectivityCause } from '#shared/contract/app';
import {
  type CallOutcome,
  type LinkReport,
  linkCauseOf,
  notEhealthAnswer,
  type HttpTransport,
} from '../ehealth';
import { realTimers, type Timers } from '../kiosk';

export interface ConnectivityOptions {
  /** A light request to eHealth; an answer from eHealth (any status) means the link works. */
  probe: () => Promise<CallOutcome | LinkReport>;
  timers?: Timers;
  /** Probe period while online (a background check). */
  onlineProbeMs?: number;
  /** Probe period while degraded or offline: how fast a returning link is noticed. */
  recoveryProbeMs?: number;
}

const asReport = (o: CallOutcome | LinkReport): LinkReport => (typeof o === 'string' ? { outcome: o } : o);

/** The state an outcome stands for: something other than eHealth answering is `degraded`, with its cause. */
const stateOf = (outcome: CallOutcome): Connectivity =>
  outcome === 'ok' ? 'online' : outcome === 'network-error' ? 'offline' : 'degraded';

/**
 * online / degraded / offline, from two sources: the outcome of every real eHealth call
 * (error-based detection) and a light periodic probe. A single failed call does not declare the
 * link down — it triggers an immediate probe, whose answer decides. While not online the probe
 * runs every `recoveryProbeMs` (1 s by default), so delivery resumes about a second after the
 * link returns. A link that answers with something other than eHealth (a captive portal's page)
 * is `degraded` with that cause, never online.
 */
export class ConnectivityMonitor {
  private current: Connectivity = 'online';
  private currentCause: ConnectivityCause | null = null;
  /**
   * The last real call was answered by something other than eHealth: a probe that gets through
   * (its path may answer differently) does not make the link online again — only a call that
   * eHealth answers does. Otherwise delivery would retry on every probe.
   */
  private intercepted = false;
  private readonly listeners = new Set<(state: Connectivity, cause: ConnectivityCause | null) => void>();
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

  /** Why the link is not online (null while online or when unknown). */
  cause(): ConnectivityCause | null {
    return this.currentCause;
  }

  onChange(listener: (state: Connectivity, cause: ConnectivityCause | null) => void): () => void {
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
  report(outcome: CallOutcome, cause: ConnectivityCause | null = null): void {
    this.intercepted = outcome === 'not-ehealth' || (this.intercepted && outcome !== 'ok');
    if (outcome === 'ok') this.set('online');
    else if (outcome === 'server-error')
      this.set(this.current === 'offline' ? 'offline' : 'degraded', cause ?? 'server-error');
    else if (outcome === 'not-ehealth') {
      this.set('degraded', cause ?? 'not-ehealth');
      void this.probeNow();
    } else {
      if (this.current === 'online') this.set('degraded', cause);
      void this.probeNow();
    }
  }

  /** Probes now (one probe at a time) and returns the resulting state. */
  probeNow(): Promise<Connectivity> {
    this.probing ??= this.opts
      .probe()
      .then(asReport, (): LinkReport => ({ outcome: 'network-error', cause: 'unreachable' }))
      .then((r) => {
        if (r.outcome === 'ok' && this.intercepted) this.set('degraded');
        else this.set(stateOf(r.outcome), r.cause ?? null);
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

  private set(state: Connectivity, cause: ConnectivityCause | null = null): void {
    const nextCause = state === 'online' ? null : (cause ?? this.currentCause);
    if (state === this.current && nextCause === this.currentCause) return;
    const stateChanged = state !== this.current;
    this.current = state;
    this.currentCause = nextCause;
    if (this.running && stateChanged) this.schedule();
    for (const l of [...this.listeners]) {
      try {
        l(state, nextCause);
      } catch {
        // one listener failing must not stop the others
      }
    }
  }
}

/**
 * A light probe: GET on a cheap URL with a short timeout. eHealth's answer with any status below
 * 500 (even 401 or 404) proves the link and eHealth's front work; 5xx and 429 mean degraded; an
 * answer that is not eHealth's (a redirect, an HTML login page) means degraded by a captive portal
 * or proxy; no answer means offline (with the reason: DNS, TLS, timeout, unreachable).
 */
export function httpProbe(
  transport: HttpTransport,
  url: string,
  timeoutMs = 3_000,
): () => Promise<LinkReport> {
  return async () => {
    const controller = new AbortController();
    let timedOut = false;
    const t = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const res = await transport(url, {
        method: 'GET',
        headers: { Accept: 'application/json' },
        signal: controller.signal,
      });
      const text = await res.text().catch(() => '');
      if (res.status >= 500) return { outcome: 'server-error', cause: 'server-error' };
      if (res.status === 429) return { outcome: 'server-error', cause: 'rate-limited' };
      // the probe's path need not exist: any JSON answer of eHealth's front will do, not a web page
      const portal = notEhealthAnswer(res.status, res.headers.get('content-type'), text);
      if (portal === 'captive-portal') return { outcome: 'not-ehealth', cause: portal };
      return { outcome: 'ok' };
    } catch (e) {
      const inner = (e as { cause?: { code?: unknown } } | null)?.cause?.code;
      return {
        outcome: 'network-error',
        cause: linkCauseOf(typeof inner === 'string' ? inner : '', timedOut),
      };
    } finally {
      clearTimeout(t);
    }
  };
}
