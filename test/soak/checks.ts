/**
 * The soak's checks that look at the kiosk from outside: the database and its WAL on disk, the
 * log files and their rotation, the kiosk process's memory over days, signer processes left behind
 * by a killed kiosk.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Sample } from './record';

/** The database with its WAL may not outgrow this, nor the WAL alone its own bound. */
export const DB_BYTES_LIMIT = 64 * 1024 * 1024;
export const WAL_BYTES_LIMIT = 32 * 1024 * 1024;

const size = (file: string) => (existsSync(file) ? statSync(file).size : 0);

export function dbSizes(dataDir: string): { dbBytes: number; walBytes: number } {
  const db = join(dataDir, 'kiosk.db');
  return { dbBytes: size(db) + size(`${db}-wal`), walBytes: size(`${db}-wal`) };
}

export interface LogCheck {
  files: number;
  bytes: number;
  rotated: boolean;
  problem: string | null;
}

/** Rotation by size and count: never more files than kept, none much over the size. */
export function checkLogs(dataDir: string, maxBytes: number, maxFiles: number): LogCheck {
  const dir = join(dataDir, 'logs');
  const names = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.log')) : [];
  const sizes = names.map((n) => statSync(join(dir, n)).size);
  const bytes = sizes.reduce((a, b) => a + b, 0);
  const oversize = sizes.filter((s) => s > maxBytes + 64 * 1024).length;
  const perProgram = new Map<string, number>();
  for (const n of names) {
    const program = n.replace(/(\.\d+)?\.log$/, '');
    perProgram.set(program, (perProgram.get(program) ?? 0) + 1);
  }
  const tooMany = [...perProgram].filter(([, c]) => c > maxFiles);
  const problem =
    oversize > 0
      ? `${oversize} log file(s) over ${maxBytes} bytes`
      : tooMany.length
        ? `${tooMany.map(([p, c]) => `${c} files of ${p}`).join(', ')} (at most ${maxFiles} kept)`
        : null;
  return { files: names.length, bytes, rotated: names.some((n) => /\.\d+\.log$/.test(n)), problem };
}

export interface MemoryTrend {
  /** Heap growth of the longest-lived kiosk process, MiB per virtual day; null when not judged. */
  slopeMiBPerDay: number | null;
  samples: number;
  spanDays: number;
  problem: string | null;
  note: string;
}

const MIB = 1024 * 1024;

/**
 * Memory without a growth trend: the heap after a full GC of the longest-lived kiosk process
 * (more than 0.5 MiB a day and 4 MiB in all is a trend; the JIT's warm-up stays well under it),
 * fitted by least squares against virtual time. A restart resets memory, so only one process's
 * life counts; too short a life is not judged (and said so).
 */
export function memoryTrend(samples: readonly Sample[]): MemoryTrend {
  const byPid = new Map<number | undefined, Sample[]>();
  for (const s of samples) byPid.set(s.pid, [...(byPid.get(s.pid) ?? []), s]);
  let best: Sample[] = [];
  for (const list of byPid.values()) {
    const span = (l: Sample[]) => ((l.at(-1)?.at ?? 0) - (l[0]?.at ?? 0)) / 86_400_000;
    if (span(list) > span(best)) best = list;
  }
  const spanDays = best.length ? ((best.at(-1)?.at ?? 0) - (best[0]?.at ?? 0)) / 86_400_000 : 0;
  if (best.length < 6 || spanDays < 2)
    return {
      slopeMiBPerDay: null,
      samples: best.length,
      spanDays,
      problem: null,
      note: `not judged: the longest kiosk life sampled was ${spanDays.toFixed(1)} days (${best.length} samples)`,
    };
  // the first day's samples include the directory's first load and warm-up: fit from day two
  const start = best[0]?.at ?? 0;
  const fit = best.filter((s) => s.at - start >= 86_400_000 / 2);
  const xs = fit.map((s) => (s.at - start) / 86_400_000);
  const ys = fit.map((s) => s.heapUsedBytes / MIB);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * ((ys[i] as number) - my);
    den += (x - mx) ** 2;
  });
  const slope = den > 0 ? num / den : 0;
  const grew = (ys.at(-1) ?? 0) - (ys[0] ?? 0);
  const problem =
    slope > 0.5 && grew > 4
      ? `the kiosk's heap grows ${slope.toFixed(2)} MiB per day (${grew.toFixed(1)} MiB over ${spanDays.toFixed(1)} days)`
      : null;
  return {
    slopeMiBPerDay: slope,
    samples: fit.length,
    spanDays,
    problem,
    note: `heap after GC ${slope >= 0 ? '+' : ''}${slope.toFixed(2)} MiB/day over ${spanDays.toFixed(1)} days of one process (${fit.length} samples)`,
  };
}

/** Whether a process still runs (a signer left behind by a killed kiosk). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
