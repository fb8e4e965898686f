/**
 * Virtual time for a process of the soak: `Date`, `setTimeout`/`setInterval` (and their clears)
 * follow a clock that moves only when told to, so a patient's twelve-minute pause or a weekend
 * outage costs no real time, while every timer the kiosk's code sets fires at its virtual moment
 * and in order. Real I/O (HTTP, the signer process, files) still runs in real time; the clock
 * moves on only when nothing real is in flight ("quiescent"), as if that I/O were instantaneous.
 *
 * Two readings: `now` is the true time (the sandbox's, eHealth's), `wall()` is what this
 * machine's clock says — the true time plus a skew (clock steps, drift). `Date` shows the wall
 * clock; timers run on the true time, as Node's monotonic timers do when the system clock steps.
 *
 * `setImmediate`, `process.nextTick` and `performance.now()` stay real.
 */

type Callback = (...args: unknown[]) => void;

export interface Entry {
  id: number;
  due: number;
  /** Order of creation: timers due at the same moment fire in the order they were set. */
  seq: number;
  fn: Callback;
  args: unknown[];
  /** The delay it was set with (a refresh starts it again). */
  delay: number;
  repeat: number | null;
  referenced: boolean;
}

/** What a virtual timer returns: enough of Node's Timeout for the code that holds one. */
export class VirtualTimeout {
  constructor(
    private readonly vt: VirtualTime,
    private readonly entry: Entry,
  ) {}
  get id(): number {
    return this.entry.id;
  }
  ref(): this {
    this.entry.referenced = true;
    return this;
  }
  unref(): this {
    this.entry.referenced = false;
    return this;
  }
  hasRef(): boolean {
    return this.entry.referenced;
  }
  refresh(): this {
    this.vt.refresh(this.entry);
    return this;
  }
  close(): this {
    this.vt.clear(this);
    return this;
  }
  [Symbol.toPrimitive](): number {
    return this.entry.id;
  }
}

export interface VirtualTimeOptions {
  /** True time at the start (ms since the epoch). */
  start: number;
  /** The wall clock's offset from the true time at a given true time (steps, drift); default none. */
  skew?: (t: number) => number;
}

export class VirtualTime {
  private t: number;
  private seq = 0;
  private nextId = 1;
  private readonly entries = new Map<number, Entry>();
  private skewOf: (t: number) => number;
  /** Timers fired so far (for the report). */
  fired = 0;

  constructor(opts: VirtualTimeOptions) {
    this.t = opts.start;
    this.skewOf = opts.skew ?? (() => 0);
  }

  get now(): number {
    return this.t;
  }

  /** What this machine's clock reads now. */
  wall(): number {
    return Math.floor(this.t + this.skewOf(this.t));
  }

  setSkew(skew: (t: number) => number): void {
    this.skewOf = skew;
  }

  setTimer(fn: Callback, ms: unknown, args: unknown[], repeat: boolean): VirtualTimeout {
    const delay = Math.max(1, Number.isFinite(Number(ms)) ? Math.floor(Number(ms)) : 1);
    const id = this.nextId++;
    const entry: Entry = {
      id,
      due: this.t + delay,
      seq: this.seq++,
      fn,
      args,
      delay,
      repeat: repeat ? delay : null,
      referenced: true,
    };
    this.entries.set(id, entry);
    return new VirtualTimeout(this, entry);
  }

  clear(handle: unknown): void {
    if (handle === null || handle === undefined) return;
    const id = handle instanceof VirtualTimeout ? handle.id : Number(handle);
    this.entries.delete(id);
  }

  /** As Node's: starts the timer again from now with its delay, even one that has fired already. */
  refresh(e: Entry): void {
    e.due = this.t + e.delay;
    e.seq = this.seq++;
    this.entries.set(e.id, e);
  }

  /** The earliest pending timer's due time, or null. */
  nextDue(): number | null {
    let best: Entry | null = null;
    for (const e of this.entries.values())
      if (!best || e.due < best.due || (e.due === best.due && e.seq < best.seq)) best = e;
    return best ? best.due : null;
  }

  get pending(): number {
    return this.entries.size;
  }

  /**
   * Moves the clock to `to` (never backwards) without firing anything; the caller fires what is
   * due with `fireDue`.
   */
  moveTo(to: number): void {
    if (to > this.t) this.t = Math.floor(to);
  }

  /** Fires the earliest timer due at or before the current time; false when none is. */
  fireOne(): boolean {
    let best: Entry | null = null;
    for (const e of this.entries.values())
      if (e.due <= this.t && (!best || e.due < best.due || (e.due === best.due && e.seq < best.seq)))
        best = e;
    if (!best) return false;
    if (best.repeat !== null) {
      best.due += best.repeat;
      best.seq = this.seq++;
    } else this.entries.delete(best.id);
    this.fired++;
    best.fn(...best.args);
    return true;
  }
}

export interface InstalledTime {
  vt: VirtualTime;
  /** The real timer functions, for the soak's own waiting. */
  real: { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout; Date: DateConstructor };
}

/** Replaces this process's `Date` and timers with virtual ones. Call before anything else is loaded. */
export function installVirtualTime(opts: VirtualTimeOptions): InstalledTime {
  const vt = new VirtualTime(opts);
  const g = globalThis as unknown as Record<string, unknown>;
  const RealDate = Date;
  const real = { setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout, Date: RealDate };

  // A function, not a class: `new Date()` must return a real Date (instanceof, prototype methods)
  // and `Date()` called without `new` a string, as the real one does.
  function VirtualDate(this: unknown, ...args: unknown[]): Date | string {
    if (!new.target) return new RealDate(vt.wall()).toString();
    if (args.length === 0) return new RealDate(vt.wall());
    return new (RealDate as unknown as new (...a: unknown[]) => Date)(...args);
  }
  VirtualDate.prototype = RealDate.prototype;
  Object.defineProperties(VirtualDate, {
    now: { value: () => vt.wall(), writable: true, configurable: true },
    parse: { value: RealDate.parse, writable: true, configurable: true },
    UTC: { value: RealDate.UTC, writable: true, configurable: true },
  });
  g.Date = VirtualDate;

  g.setTimeout = (fn: Callback, ms?: unknown, ...args: unknown[]) => vt.setTimer(fn, ms, args, false);
  g.setInterval = (fn: Callback, ms?: unknown, ...args: unknown[]) => vt.setTimer(fn, ms, args, true);
  g.clearTimeout = (h: unknown) => vt.clear(h);
  g.clearInterval = (h: unknown) => vt.clear(h);
  return { vt, real };
}
