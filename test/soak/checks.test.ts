import { describe, expect, it } from 'vitest';
import { memoryTrend } from './checks';
import type { Sample } from './record';

const DAY = 86_400_000;
const MIB = 1024 * 1024;
const samples = (pid: number, days: number, mibPerDay: number): Sample[] =>
  Array.from({ length: days * 4 + 1 }, (_, i) => ({
    at: (i * DAY) / 4,
    pid,
    rssBytes: 150 * MIB,
    heapUsedBytes: (24 + (i / 4) * mibPerDay + (i % 2) * 0.3) * MIB,
    dbBytes: 0,
    walBytes: 0,
  }));

describe('the memory trend', () => {
  it('flags a heap that grows day after day in one process', () => {
    const t = memoryTrend(samples(7, 10, 0.7));
    expect(t.problem).toMatch(/grows 0\.7\d MiB per day/);
  });

  it('lets a flat heap (and the JIT warming up) pass', () => {
    expect(memoryTrend(samples(7, 10, 0.2)).problem).toBeNull();
    expect(memoryTrend(samples(7, 10, 0)).slopeMiBPerDay).toBeCloseTo(0, 1);
  });

  it('judges only the longest-lived process, and not at all when every life was short', () => {
    expect(memoryTrend([...samples(1, 1, 30), ...samples(2, 10, 0)]).problem).toBeNull();
    expect(memoryTrend(samples(3, 1, 30)).slopeMiBPerDay).toBeNull();
  });
});
