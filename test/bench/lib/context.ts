/** What the suites share: the mode and its sizes, the temp folder, progress output, and what one suite leaves for the next. */
import type { SandboxChild } from './sandbox-child';
import type { BenchResult } from './results';

export interface Sizes {
  seed: 'small' | 'national';
  /** Doctors in the first search tier (the synced directory, topped up if smaller). */
  searchDoctors: number;
  /** The second tier is this many times the first. */
  searchFactor: number;
  queries: number;
  /** How many of the queries the LIKE baseline repeats at the larger tier (every k-th). */
  likeQueriesAtScale: number;
  fullSyncs: number;
  incrementalSyncs: number;
  keyOpens: number;
  signatures: number;
  signIns: number;
  enqueues: number;
  drained: number;
  linkRestores: number;
  serviceStarts: number;
  paints: number;
  sandboxReuses: number;
}

export const FULL_SIZES: Sizes = {
  seed: 'national',
  searchDoctors: 30_000,
  searchFactor: 10,
  queries: 500,
  likeQueriesAtScale: 50,
  fullSyncs: 2,
  incrementalSyncs: 3,
  keyOpens: 2,
  signatures: 5,
  signIns: 3,
  enqueues: 300,
  drained: 100,
  linkRestores: 5,
  serviceStarts: 5,
  paints: 3,
  sandboxReuses: 2,
};

export const QUICK_SIZES: Sizes = {
  seed: 'small',
  searchDoctors: 2_000,
  searchFactor: 10,
  queries: 100,
  likeQueriesAtScale: 20,
  fullSyncs: 1,
  incrementalSyncs: 1,
  keyOpens: 1,
  signatures: 2,
  signIns: 1,
  enqueues: 40,
  drained: 15,
  linkRestores: 1,
  serviceStarts: 3,
  paints: 1,
  sandboxReuses: 0,
};

export interface BenchContext {
  quick: boolean;
  sizes: Sizes;
  /** Removed when the run ends. */
  tmp: string;
  seed: number;
  progress(message: string): void;
  add(result: BenchResult): void;
  note(group: string, text: string): void;
  /** Started by the start-up suite, used by sync and outbox, measured by memory. */
  sandbox: SandboxChild | null;
  sandboxDataDir: string | null;
  /** The sandbox's first start in this run (spawn → ready, and its own account). */
  sandboxFirstStart: { readyMs: number; timings: SandboxChild['timings'] } | null;
  /** Node with the bench's loader doing nothing: start time and peak RSS (medians). */
  floor: { readyMs: number; peakRssKiB: number; runs: number } | null;
  /** A kiosk data directory holding the synced directory (left by the sync suite). */
  syncedDir: string | null;
  /** Peak RSS of the main side after its first full sync (left by the sync suite for the memory suite). */
  syncPeakRssKiB: number | null;
  /** The renderer built by the size suite, served in the paint measurement. */
  rendererDir: string | null;
}

export const GROUPS = {
  search: '1. Directory search',
  sync: '2. Directory sync',
  esign: '3. E-signature',
  outbox: '4. Outbox',
  startup: '5. Start-up',
  size: '6. Size',
  memory: '7. Memory',
} as const;
