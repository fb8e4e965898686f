import { describe, expect, it } from 'vitest';
import { median, percentile, ratio, summarize } from './stats';

describe('percentile', () => {
  it('interpolates between closest ranks (type 7, as numpy and R default)', () => {
    const xs = [1, 2, 3, 4];
    expect(percentile(xs, 0)).toBe(1);
    expect(percentile(xs, 100)).toBe(4);
    expect(percentile(xs, 50)).toBe(2.5);
    expect(percentile(xs, 95)).toBeCloseTo(3.85, 10);
    expect(percentile(xs, 99)).toBeCloseTo(3.97, 10);
    expect(percentile(xs, 25)).toBeCloseTo(1.75, 10);
  });

  it('takes samples in any order and leaves the input as it was', () => {
    const xs = [9, 1, 5, 3, 7];
    expect(percentile(xs, 50)).toBe(5);
    expect(percentile(xs, 75)).toBe(7);
    expect(xs).toEqual([9, 1, 5, 3, 7]);
  });

  it('of one sample is that sample at every p', () => {
    for (const p of [0, 1, 50, 99, 100]) expect(percentile([42], p)).toBe(42);
  });

  it('of 100 samples 1..100 puts p99 between the two largest', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(xs, 99)).toBeCloseTo(99.01, 10);
    expect(percentile(xs, 95)).toBeCloseTo(95.05, 10);
  });

  it('refuses an empty sample, a p outside 0–100 and non-finite samples', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], -1)).toThrow(/0–100/);
    expect(() => percentile([1], 100.5)).toThrow(/0–100/);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
    expect(() => percentile([1, Number.NaN], 50)).toThrow(/finite/);
    expect(() => percentile([1, Infinity], 50)).toThrow(/finite/);
  });
});

describe('median', () => {
  it('is the middle sample of an odd count and the mean of the middle two of an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([-5, 5])).toBe(0);
  });
});

describe('summarize', () => {
  it('reports count, extremes, mean and the percentiles', () => {
    const s = summarize([10, 20, 30, 40, 50]);
    expect(s).toEqual({ n: 5, min: 10, max: 50, mean: 30, p50: 30, p95: 48, p99: 49.6 });
  });

  it('refuses an empty sample', () => {
    expect(() => summarize([])).toThrow(RangeError);
  });
});

describe('ratio', () => {
  it('divides the result by its baseline', () => {
    expect(ratio(10, 4)).toBe(2.5);
    expect(ratio(1, 8)).toBe(0.125);
  });

  it('is null without a usable baseline', () => {
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(1, null)).toBeNull();
    expect(ratio(1, undefined)).toBeNull();
    expect(ratio(null, 2)).toBeNull();
    expect(ratio(Number.NaN, 2)).toBeNull();
    expect(ratio(1, Infinity)).toBeNull();
  });
});
