/**
 * The kiosk process's I/O as the soak sees it: every HTTP request and every signer request is
 * counted while it is in flight (virtual time waits for them), the clinic's network faults are
 * applied to eHealth traffic, and the signer process follows the virtual clock. Nothing here
 * changes what the kiosk's code does with an answer: a fault looks exactly as it would on a real
 * network (a `fetch failed` with the system's error code, an HTML page, an answer that never comes).
 */
import { fileURLToPath } from 'node:url';
import type { HttpRequestInit, HttpResponseLike, HttpTransport } from '../../electron/core/ehealth/transport';
import { httpOcspPost, type OcspPost } from '../../electron/core/esign/ocsp/check';
import {
  nodeSignerLauncher,
  type SignerChannel,
  type SignerLauncher,
} from '../../electron/core/esign/signer/launcher';
import type { SignerRequest } from '../../electron/core/esign/signer/protocol';
import { isLinkWide, linkAt, type LinkWindow, type Timeline } from './timeline';
import type { VirtualTime } from './virtual-time';

/** What is in flight in real time; virtual time does not move while anything is. */
export class InFlight {
  private readonly open = new Map<number, string>();
  private next = 1;

  begin(label: string): () => void {
    const id = this.next++;
    this.open.set(id, label);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.open.delete(id);
    };
  }

  get count(): number {
    return this.open.size;
  }

  labels(): string[] {
    return [...this.open.values()];
  }
}

const CAPTIVE_PAGE =
  '<!doctype html><html><head><title>Clinic Wi-Fi</title></head><body><h1>Please log in</h1>' +
  '<form method="post" action="/login"><input name="code"><button>Connect</button></form></body></html>';

const networkError = (code: string, message: string): TypeError =>
  new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });

const abortError = (): Error =>
  Object.assign(new Error('This operation was aborted'), { name: 'AbortError' });

/** A response already read to the end (so that "in flight" ends when the body has arrived). */
const buffered = (status: number, headers: Headers, text: string): HttpResponseLike => ({
  status,
  headers: { get: (name) => headers.get(name) },
  text: () => Promise.resolve(text),
});

export interface TransportOptions {
  vt: VirtualTime;
  inFlight: InFlight;
  timeline: () => Timeline;
  /** Makes eHealth's clock the kiosk's true time before a request reaches it. */
  syncClock: () => Promise<void>;
  /** Called with a delivery's path when eHealth accepted it (the soak may kill the process here). */
  onAccepted?: (method: string, path: string) => void;
  /** Sleeps on the virtual clock (a slow link). */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  counters: Record<string, number>;
}

/** The kiosk's HTTP transport on the soak's network: the real fetch, behind the clinic's faults. */
export function soakTransport(o: TransportOptions): HttpTransport {
  const count = (k: string) => (o.counters[k] = (o.counters[k] ?? 0) + 1);
  return async (url: string, init: HttpRequestInit): Promise<HttpResponseLike> => {
    const fault: LinkWindow | null = linkAt(o.timeline(), o.vt.now);
    if (fault) count(`request.${fault.fault}`);
    switch (fault?.fault) {
      case 'down':
        throw networkError('ENETUNREACH', 'connect ENETUNREACH');
      case 'ehealth-down':
        throw networkError('ECONNREFUSED', 'connect ECONNREFUSED');
      case 'dns':
        throw networkError(o.vt.now % 2 ? 'ENOTFOUND' : 'EAI_AGAIN', 'getaddrinfo failed');
      case 'tls':
        throw networkError(
          o.vt.now % 2 ? 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' : 'ERR_TLS_CERT_ALTNAME_INVALID',
          'TLS handshake failed',
        );
      case 'captive':
        // a hotel-style portal: a login page with 200, or a redirect to it
        return o.vt.now % 3 === 0
          ? buffered(302, new Headers({ location: 'http://portal.clinic.lan/login' }), '')
          : buffered(200, new Headers({ 'content-type': 'text/html; charset=utf-8' }), CAPTIVE_PAGE);
      case 'slow':
        await o.sleep(fault.slowMs ?? 30_000, init.signal);
        break;
      default:
        break;
    }
    if (init.signal?.aborted) throw abortError();
    await o.syncClock();
    const done = o.inFlight.begin(`http ${init.method} ${new URL(url).pathname}`);
    try {
      const res = await fetch(url, init);
      const text = await res.text();
      if (res.status >= 200 && res.status < 300) o.onAccepted?.(init.method, new URL(url).pathname);
      return buffered(res.status, res.headers, text);
    } finally {
      done();
    }
  };
}

export interface OcspOptions {
  vt: VirtualTime;
  inFlight: InFlight;
  timeline: () => Timeline;
  /** Makes the sandbox's clock (its OCSP responder's) the kiosk's true time before a request. */
  syncClock: () => Promise<void>;
  counters: Record<string, number>;
}

/**
 * The kiosk's OCSP requests (the project's HTTP POST) on the soak's network: the link-wide faults
 * hide the responder as they hide eHealth and the time-stamp service (a captive portal answers its
 * login page with 200), and a request in flight holds virtual time.
 */
export function soakOcspPost(o: OcspOptions): OcspPost {
  const post = httpOcspPost();
  return async (url, request) => {
    const window = linkAt(o.timeline(), o.vt.now);
    const fault = window && isLinkWide(window.fault) ? window.fault : null;
    if (fault) o.counters[`ocsp.${fault}`] = (o.counters[`ocsp.${fault}`] ?? 0) + 1;
    switch (fault) {
      case 'down':
        throw networkError('ENETUNREACH', 'connect ENETUNREACH');
      case 'dns':
        throw networkError('ENOTFOUND', 'getaddrinfo ENOTFOUND');
      case 'tls':
        throw networkError('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'TLS handshake failed');
      case 'captive':
        return new TextEncoder().encode(CAPTIVE_PAGE);
      default:
        break;
    }
    await o.syncClock();
    const done = o.inFlight.begin(`ocsp ${new URL(url).pathname}`);
    try {
      return await post(url, request);
    } finally {
      done();
    }
  };
}

export interface SignerOptions {
  vt: VirtualTime;
  inFlight: InFlight;
  timeline: () => Timeline;
  syncClock: () => Promise<void>;
  /** A sign request went to the signer / its answer came back (trap points). */
  onSignSent?: () => void;
  onSignAnswered?: () => void;
  onLaunch?: (pid: number) => void;
}

const SIGNER_ENTRY = fileURLToPath(new URL('./signer-entry.ts', import.meta.url));

interface LiveSigner {
  clockTo(): Promise<void>;
}

/**
 * The kiosk's own signer launcher (the project's `nodeSignerLauncher`) starting the soak's signer
 * entry, which runs the real signer on the virtual clock. Every request waits for the signer to
 * have the kiosk's time; requests and the end of the process count as in flight.
 */
export function soakSignerLauncher(o: SignerOptions): SignerLauncher & { live: Set<LiveSigner> } {
  const live = new Set<LiveSigner>();
  return {
    live,
    launch(): SignerChannel {
      const link = () => {
        const f = linkAt(o.timeline(), o.vt.now)?.fault ?? null;
        return f && isLinkWide(f) ? f : null;
      };
      const env = {
        SOAK_SIGNER_NOW: String(o.vt.now),
        SOAK_SIGNER_WALL: String(o.vt.wall()),
        SOAK_SIGNER_LINK: link() ?? '',
      };
      const launching = o.inFlight.begin('signer start');
      const channel = nodeSignerLauncher({ entry: SIGNER_ENTRY, env }).launch();
      if (channel.pid) o.onLaunch?.(channel.pid);
      const waiting = new Map<number, { type: string; done: () => void }>();
      let closing: (() => void) | null = null;
      let exited = false;
      let ack: (() => void) | null = null;
      let chain: Promise<void> = Promise.resolve();
      const signer: LiveSigner = {
        clockTo: () =>
          exited
            ? Promise.resolve()
            : new Promise<void>((resolve) => {
                const done = o.inFlight.begin('signer clock');
                ack = () => {
                  ack = null;
                  done();
                  resolve();
                };
                channel.send({ type: 'soak-clock', now: o.vt.now, wall: o.vt.wall(), link: link() } as never);
              }),
      };
      live.add(signer);
      channel.onMessage((m) => {
        const msg = m as { type?: unknown; id?: unknown };
        if (msg?.type === 'ready') launching();
        if (msg?.type === 'soak-clock-ack') ack?.();
        if (typeof msg?.id === 'number') {
          const w = waiting.get(msg.id);
          if (w) {
            waiting.delete(msg.id);
            if (w.type === 'sign') o.onSignAnswered?.();
            w.done();
          }
        }
      });
      channel.onExit(() => {
        exited = true;
        live.delete(signer);
        launching();
        ack?.();
        closing?.();
        for (const w of waiting.values()) w.done();
        waiting.clear();
      });
      return {
        send(message: SignerRequest) {
          const done = o.inFlight.begin(`signer ${message.type}`);
          if (message.type === 'close') closing = done;
          else waiting.set(message.id, { type: message.type, done });
          chain = chain.then(async () => {
            await o.syncClock();
            await signer.clockTo();
            channel.send(message);
            if (message.type === 'sign') o.onSignSent?.();
          });
        },
        // the soak's messages to and from the signer never reach the session's listener
        onMessage: (l) =>
          channel.onMessage((m) => {
            if ((m as { type?: unknown })?.type !== 'soak-clock-ack') l(m);
          }),
        onExit: (l) => channel.onExit(l),
        kill: () => channel.kill(),
        get pid() {
          return channel.pid;
        },
      };
    },
  };
}
