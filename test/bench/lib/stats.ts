/**
 * Statistics for the bench: percentiles by linear interpolation between closest ranks (the
 * common "type 7" definition), medians, summaries of a sample and ratios against a baseline.
 */

export interface Summary {
  n: number;
  min: number;
  max: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
}

function checkSamples(samples: readonly number[]): void {
  if (samples.length === 0) throw new RangeError('no samples');
  for (const s of samples) {
    if (!Number.isFinite(s)) throw new RangeError(`sample is not a finite number: ${s}`);
  }
}

/** The p-th percentile (0–100) of the samples, in any order. */
export function percentile(samples: readonly number[], p: number): number {
  checkSamples(samples);
  if (!Number.isFinite(p) || p < 0 || p > 100) throw new RangeError(`percentile must be 0–100, not ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (rank - lo);
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

export function summarize(samples: readonly number[]): Summary {
  checkSamples(samples);
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const s of samples) {
    min = Math.min(min, s);
    max = Math.max(max, s);
    sum += s;
  }
  return {
    n: samples.length,
    min,
    max,
    mean: sum / samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
  };
}

/** value ÷ baseline; null when there is no usable baseline (missing, zero or not finite). */
export function ratio(value: number | null, baseline: number | null | undefined): number | null {
  if (value === null || baseline === null || baseline === undefined) return null;
  if (!Number.isFinite(value) || !Number.isFinite(baseline) || baseline === 0) return null;
  return value / baseline;
}
