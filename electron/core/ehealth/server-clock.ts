/**
 * eHealth's clock as the kiosk sees it. Every eHealth answer carries an HTTP `Date` header; the
 * offset between it and the kiosk clock (at the middle of the exchange) is kept here, so that
 * eHealth's absolute times (a token's `expires_at`, a `Retry-After` date, an SMS code's expiry)
 * become times on the kiosk clock. A kiosk clock that is an hour fast or slow then still renews
 * tokens when eHealth would expect it, and the registrar is warned when the offset is large.
 */

/** An offset beyond this is shown to the registrar as a warning (the kiosk clock needs fixing). */
export const SKEW_WARNING_MS = 2 * 60_000;

/** `Date` headers have whole seconds: changes smaller than this are noise, not a clock step. */
const NOISE_MS = 1_500;

export class ServerClock {
  private offset: number | null = null;
  private readonly listeners = new Set<(offsetMs: number) => void>();

  constructor(readonly localNow: () => Date = () => new Date()) {}

  /**
   * Notes one exchange: eHealth's `Date` header and the kiosk times (ms) when the request left and
   * the answer arrived. A missing or unreadable header changes nothing.
   */
  observe(dateHeader: string | null | undefined, sentAtMs: number, receivedAtMs: number): void {
    if (!dateHeader) return;
    const server = Date.parse(dateHeader);
    if (Number.isNaN(server)) return;
    // the header is truncated to the second: eHealth's time was, on average, half a second later
    const offset = Math.round(server + 500 - (sentAtMs + receivedAtMs) / 2);
    if (this.offset !== null && Math.abs(offset - this.offset) < NOISE_MS) return;
    this.offset = offset;
    for (const l of [...this.listeners]) {
      try {
        l(offset);
      } catch {
        // a failing listener must not break the eHealth call that measured the offset
      }
    }
  }

  /** eHealth's time minus the kiosk's, in ms; null until an answer with a `Date` header arrived. */
  offsetMs(): number | null {
    return this.offset;
  }

  /** True when the kiosk clock is off by more than the warning threshold. */
  skewed(): boolean {
    return this.offset !== null && Math.abs(this.offset) > SKEW_WARNING_MS;
  }

  /** eHealth's "now" (the kiosk clock corrected by the measured offset). */
  serverNow(): Date {
    return new Date(this.localNow().getTime() + (this.offset ?? 0));
  }

  /** An instant given on eHealth's clock (ms) as the same instant on the kiosk clock. */
  toLocalMs(serverMs: number): number {
    return serverMs - (this.offset ?? 0);
  }

  onChange(listener: (offsetMs: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
