/**
 * The soak's faults on the virtual time line: what the clinic's network, eHealth, the disk and the
 * kiosk's clock do at a given true time. Pure data, so the parent (which applies eHealth's side to
 * the sandbox) and the kiosk process (which applies the network, disk and clock to itself) read the
 * same plan; the parent adds windows while it runs (a link that drops while a patient fills a form).
 */
import type { FaultConfig } from '../../electron/sandbox';

/**
 * down: the clinic's link is gone (nothing answers, the time-stamp service neither);
 * ehealth-down: eHealth refuses connections (the clinic's link and the time-stamp service work);
 * dns: names do not resolve; tls: a middlebox breaks TLS; captive: a login page answers every
 * request; slow: every answer takes `slowMs` (longer than the kiosk's timeout means none arrives).
 */
export type LinkFault = 'down' | 'ehealth-down' | 'dns' | 'tls' | 'captive' | 'slow';

export interface Window {
  from: number;
  to: number;
}

export interface LinkWindow extends Window {
  fault: LinkFault;
  slowMs?: number;
  /** Why it is there (printed with the fault mix). */
  note?: string;
}

/** eHealth answers 5xx or 429 to a share of the calls. */
export interface StormWindow extends Window {
  status: 500 | 503 | 429;
  rate: number;
  retryAfterSeconds: number;
}

/** The connection dies before or after eHealth committed a change. */
export interface DropWindow extends Window {
  drop: 'before-commit' | 'after-commit';
  rate: number;
}

/** The kiosk's clock is off by `offsetMs` (a step), until NTP puts it right. */
export interface ClockStepWindow extends Window {
  offsetMs: number;
}

/** The kiosk's clock drifts by `msPerHour` from `from`, until NTP puts it right at `to`. */
export interface DriftWindow extends Window {
  msPerHour: number;
}

export interface Timeline {
  link: LinkWindow[];
  storms: StormWindow[];
  drops: DropWindow[];
  clockSteps: ClockStepWindow[];
  drift: DriftWindow[];
  diskFull: Window[];
}

export const emptyTimeline = (): Timeline => ({
  link: [],
  storms: [],
  drops: [],
  clockSteps: [],
  drift: [],
  diskFull: [],
});

const inside = (w: Window, t: number) => t >= w.from && t < w.to;

/** Which fault wins when windows overlap: the one that hides the most. */
const LINK_ORDER: readonly LinkFault[] = ['down', 'dns', 'tls', 'captive', 'ehealth-down', 'slow'];

export function linkAt(tl: Timeline, t: number): LinkWindow | null {
  let best: LinkWindow | null = null;
  for (const w of tl.link) {
    if (!inside(w, t)) continue;
    if (!best || LINK_ORDER.indexOf(w.fault) < LINK_ORDER.indexOf(best.fault)) best = w;
  }
  return best;
}

/** Faults that hit every host the kiosk talks to (the time-stamp service too), not only eHealth. */
export const isLinkWide = (f: LinkFault): boolean => f !== 'ehealth-down' && f !== 'slow';

/** The kiosk clock's offset from the true time at `t`. */
export function skewAt(tl: Timeline, t: number): number {
  let skew = 0;
  for (const w of tl.clockSteps) if (inside(w, t)) skew += w.offsetMs;
  for (const w of tl.drift) if (inside(w, t)) skew += Math.round(((t - w.from) / 3_600_000) * w.msPerHour);
  return skew;
}

export const diskFullAt = (tl: Timeline, t: number): boolean => tl.diskFull.some((w) => inside(w, t));

/** What the sandbox (eHealth) does at `t`: storms and dropped connections. */
export function sandboxFaultsAt(tl: Timeline, t: number): Partial<FaultConfig> {
  const storm = tl.storms.find((w) => inside(w, t));
  const drop = tl.drops.find((w) => inside(w, t));
  return {
    errorRate: storm ? storm.rate : 0,
    errorStatus: storm ? storm.status : 503,
    retryAfterSeconds: storm ? storm.retryAfterSeconds : 1,
    drop: drop ? drop.drop : 'none',
    dropRate: drop ? drop.rate : 1,
  };
}

/** Every moment something starts or ends, in order (the parent applies eHealth's side at these). */
export function boundaries(tl: Timeline): number[] {
  const all = [...tl.link, ...tl.storms, ...tl.drops, ...tl.clockSteps, ...tl.drift, ...tl.diskFull];
  return [...new Set(all.flatMap((w) => [w.from, w.to]))].sort((a, b) => a - b);
}
