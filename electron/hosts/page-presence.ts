/**
 * The browser host's view of the page showing the kiosk. Each page load identifies itself with a
 * random id on the bridge's URL (the renderer's browser-bridge.ts); the same page reconnecting after
 * a dropped socket keeps its id. When another page arrives (a reload, a second tab) or the page's
 * last socket stays closed past a grace period (the page was closed), the page the visitor used is
 * gone: the host ends the patient session (SessionManager.pageLost), as Electron does for a crashed
 * page. Sockets without an id (tools, tests) are not a page and change nothing.
 */
import { realTimers, type Timers } from '../core/kiosk';

export type PageGoneCause = 'page-reloaded' | 'bridge-closed';

export interface PagePresenceOptions {
  /** The page is gone; resolves when the session has ended. */
  lost: (cause: PageGoneCause) => Promise<unknown>;
  /** How long a page may stay disconnected before it counts as closed. */
  graceMs?: number;
  timers?: Timers;
}

const PAGE_ID = /^[A-Za-z0-9-]{8,64}$/;

/** The page id of a bridge URL's query, or null (absent or malformed). */
export const pageIdOf = (value: string | null): string | null =>
  value && PAGE_ID.test(value) ? value : null;

export class PagePresence {
  private page: string | null = null;
  private readonly sockets = new Map<string, number>();
  private grace: unknown = null;
  private readonly timers: Timers;

  constructor(private readonly opts: PagePresenceOptions) {
    this.timers = opts.timers ?? realTimers;
  }

  /**
   * Before a socket is accepted: a page other than the current one replaces it, so the old page's
   * session ends first (and the new page never sees that end).
   */
  async arriving(pageId: string | null): Promise<void> {
    if (pageId === null) return;
    this.cancelGrace();
    const previous = this.page;
    this.page = pageId;
    if (previous !== null && previous !== pageId) await this.opts.lost('page-reloaded');
  }

  connected(pageId: string | null): void {
    if (pageId === null) return;
    this.sockets.set(pageId, (this.sockets.get(pageId) ?? 0) + 1);
  }

  disconnected(pageId: string | null): void {
    if (pageId === null) return;
    const left = (this.sockets.get(pageId) ?? 1) - 1;
    if (left > 0) this.sockets.set(pageId, left);
    else this.sockets.delete(pageId);
    if (pageId !== this.page || left > 0) return;
    this.cancelGrace();
    this.grace = this.timers.setTimeout(() => {
      this.grace = null;
      if (this.page !== pageId || this.sockets.has(pageId)) return;
      this.page = null;
      void this.opts.lost('bridge-closed');
    }, this.opts.graceMs ?? 10_000);
  }

  stop(): void {
    this.cancelGrace();
  }

  private cancelGrace(): void {
    if (this.grace !== null) this.timers.clearTimeout(this.grace);
    this.grace = null;
  }
}
