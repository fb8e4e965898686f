/**
 * What the soak writes down while it runs: every act a patient left with a receipt for, every
 * surprise (a patient cut off, a visitor turned away by a half-open session, a sign-in refused
 * while eHealth was reachable), the faults that hit, and the samples of size and memory.
 */

export interface Act {
  operationId: string;
  referenceCode: string;
  kind: string;
  persona: string;
  session: string;
  /** When the patient got the receipt (true time) and what it said. */
  at: number;
  receiptState: string;
}

export interface Problem {
  /** The invariant it breaks (cutOff, stuckSession, signInRefused, internalError, …). */
  kind: string;
  at: number;
  session: string | null;
  detail: string;
}

export interface Sample {
  at: number;
  pid: number | undefined;
  rssBytes: number;
  heapUsedBytes: number;
  dbBytes: number;
  walBytes: number;
}

export class Recorder {
  readonly acts: Act[] = [];
  readonly problems: Problem[] = [];
  readonly samples: Sample[] = [];
  readonly counters = new Map<string, number>();
  /** Lines for the human summary (faults that hit, kills, restarts). */
  readonly notes: string[] = [];

  count(key: string, n = 1): void {
    this.counters.set(key, (this.counters.get(key) ?? 0) + n);
  }

  get(key: string): number {
    return this.counters.get(key) ?? 0;
  }

  problem(kind: string, at: number, session: string | null, detail: string): void {
    this.problems.push({ kind, at, session, detail });
  }

  problemsOf(kind: string): Problem[] {
    return this.problems.filter((p) => p.kind === kind);
  }
}

export const iso = (t: number): string => new Date(t).toISOString().replace('.000Z', 'Z');
