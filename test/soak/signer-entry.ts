/**
 * The signer process as the soak starts it: the real signer (electron/core/esign/signer-process.ts)
 * on the kiosk's virtual clock. The kiosk process sends `{type: 'soak-clock', now, wall, link}`
 * before every request and whenever its clock moved; this process then shows that wall time in
 * `Date` (signing time, certificate checks), fires its long timers (an idle exit, if it has one)
 * when their virtual moment has come, and answers `soak-clock-ack`. Timers shorter than a second stay real
 * (the short pause before exiting on `close`). The clinic's link faults reach its time-stamp
 * requests too: a dead link, DNS, TLS or a captive portal hide the time-stamp service as well.
 * The signer's own message handler never sees these messages.
 */
import { performance } from 'node:perf_hooks';

interface SoakClock {
  type: 'soak-clock';
  now: number;
  wall: number;
  link: string | null;
}

const isSoakClock = (m: unknown): m is SoakClock =>
  typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'soak-clock';

const RealDate = Date;
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;
let trueAt = Number(process.env.SOAK_SIGNER_NOW ?? RealDate.now());
let wallAt = Number(process.env.SOAK_SIGNER_WALL ?? trueAt);
let realAt = performance.now();
let link: string | null = process.env.SOAK_SIGNER_LINK || null;
const trueNow = () => trueAt + (performance.now() - realAt);
const wallNow = () => wallAt + (performance.now() - realAt);

function VirtualDate(this: unknown, ...args: unknown[]): Date | string {
  if (!new.target) return new RealDate(wallNow()).toString();
  if (args.length === 0) return new RealDate(wallNow());
  return new (RealDate as unknown as new (...a: unknown[]) => Date)(...args);
}
VirtualDate.prototype = RealDate.prototype;
Object.defineProperties(VirtualDate, {
  now: { value: () => wallNow(), writable: true, configurable: true },
  parse: { value: RealDate.parse, writable: true, configurable: true },
  UTC: { value: RealDate.UTC, writable: true, configurable: true },
});
(globalThis as unknown as { Date: unknown }).Date = VirtualDate;

/** A long timer waiting for virtual time. */
class LongTimer {
  constructor(
    readonly due: number,
    readonly fn: () => void,
  ) {}
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  hasRef(): boolean {
    return false;
  }
}
const longTimers = new Set<LongTimer>();

(globalThis as unknown as Record<string, unknown>).setTimeout = (
  fn: (...a: unknown[]) => void,
  ms?: number,
  ...args: unknown[]
) => {
  const delay = Number(ms ?? 0);
  if (delay < 1000) return realSetTimeout(fn, delay, ...args);
  const t = new LongTimer(trueNow() + delay, () => fn(...args));
  longTimers.add(t);
  return t;
};
(globalThis as unknown as Record<string, unknown>).clearTimeout = (h: unknown) => {
  if (h instanceof LongTimer) longTimers.delete(h);
  else realClearTimeout(h as Parameters<typeof clearTimeout>[0]);
};

function fireDue(): void {
  for (const t of [...longTimers].sort((a, b) => a.due - b.due)) {
    if (t.due > trueNow()) break;
    longTimers.delete(t);
    t.fn();
  }
}

// the signer's own 'message' listeners must not see the clock (any message re-arms its idle timer)
const on = process.on.bind(process);
const filtered = (event: string | symbol, listener: (...a: unknown[]) => void) =>
  event === 'message'
    ? (...a: unknown[]) => {
        if (!isSoakClock(a[0])) listener(...a);
      }
    : listener;
process.on = ((event: string | symbol, listener: (...a: unknown[]) => void) =>
  on(event, filtered(event, listener))) as typeof process.on;
process.addListener = process.on;

on('message', (m: unknown) => {
  if (!isSoakClock(m)) return;
  trueAt = m.now;
  wallAt = m.wall;
  realAt = performance.now();
  link = m.link;
  fireDue();
  process.send?.({ type: 'soak-clock-ack' });
});

const realFetch = globalThis.fetch;
const failure = (code: string, message: string) =>
  Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) }));
globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
  switch (link) {
    case 'down':
      return failure('ENETUNREACH', 'connect ENETUNREACH');
    case 'dns':
      return failure('ENOTFOUND', 'getaddrinfo ENOTFOUND');
    case 'tls':
      return failure('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate');
    case 'captive':
      return Promise.resolve(
        new Response('<html><body>Wi-Fi login</body></html>', {
          status: 200,
          headers: { 'content-type': 'text/html' },
        }),
      );
    default:
      return realFetch(input, init);
  }
}) as typeof fetch;

await import('../../electron/core/esign/signer-process');
