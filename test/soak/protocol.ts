/**
 * Messages between the soak (parent) and the kiosk process it drives (kiosk-child.ts). The parent
 * plays the renderer (contract calls), moves time forward and plants the points where the kiosk
 * process dies (SIGKILL); the kiosk process runs the real main-side services on virtual time and
 * asks the parent to move eHealth's clock with its own before any request leaves.
 */
import type { Timeline } from './timeline';

/** Where the kiosk process kills itself (SIGKILL) the next time it gets there. */
export type TrapKind =
  /** the signer was asked to sign (it is working) */
  | 'sign-sent'
  /** the signer answered with the signature, before main used it */
  | 'sign-answered'
  /** a signed act was committed to the outbox, before the patient was told */
  | 'released'
  /** eHealth answered a delivery of a signed act, before the kiosk recorded it */
  | 'delivered'
  /** the directory sync reported progress */
  | 'sync';

export interface KioskConfig {
  dataDir: string;
  /** TMPDIR of the kiosk and its signer (scanned for personal data). */
  tmpDir: string;
  /** The sandbox's persona keys (the training key folder is theirs). */
  personas: { id: string; keyFile: string }[];
  ehealth: {
    baseUrl: string;
    apiKey: string;
    clientId: string;
    clientSecret: string;
    scope: string;
    requestTermHours: number;
  };
  tsaUrl: string;
  /** The sandbox's test CA bundle (base64): the issuer the training kiosk trusts. */
  trustList: string;
  /** True virtual time at start. */
  start: number;
  timeline: Timeline;
  /** Seeds the process's Math.random (the delivery worker's jitter). */
  seed: number;
  /** Kill inside the migration with this version (a database left at an older schema). */
  migrationTrap: number | null;
  log: { maxBytes: number; maxFiles: number };
  version: string;
}

export type ParentMessage =
  | { type: 'call'; id: number; channel: string; payload: unknown }
  | { type: 'advance'; id: number; to: number }
  | { type: 'timeline'; timeline: Timeline }
  | { type: 'trap'; trap: TrapKind | null }
  | { type: 'stats'; id: number }
  | { type: 'clockAck'; id: number }
  | { type: 'stop'; id: number };

export interface KioskStats {
  rssBytes: number;
  heapUsedBytes: number;
  /** Virtual timers fired in this process's life. */
  timersFired: number;
  /** Waits that ended because real I/O took too long (a hung request). */
  stuckWaits: number;
  /** eHealth requests that met a network fault, by fault. */
  requests: Record<string, number>;
  /** Log lines the log file could not take (disk trouble). */
  logLinesDropped: number;
}

export type ChildMessage =
  | { type: 'ready'; now: number }
  | { type: 'result'; id: number; result: unknown; now: number }
  | { type: 'advanced'; id: number; now: number }
  | { type: 'stats'; id: number; stats: KioskStats }
  | { type: 'clock'; id: number; now: number }
  | { type: 'event'; name: string; payload: unknown; now: number }
  | { type: 'signer'; pid: number }
  | { type: 'stopped'; id: number };

/** The origin the soak's renderer calls from (the router checks it as it checks the real one). */
export const SOAK_ORIGIN = 'soak://kiosk';
