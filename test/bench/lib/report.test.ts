import { describe, expect, it } from 'vitest';
import type { MachineInfo } from './machine';
import { consoleTable, jsonReport, markdownReport, ordered, type RunReport } from './report';
import type { BenchResult } from './results';

const machine: MachineInfo = {
  cpu: 'Test CPU',
  cores: 2,
  ramGiB: 8,
  os: 'TestOS 1',
  node: 'v20.0.0',
  loadAtStart: 1.5,
  commit: 'abc1234',
};

const row = (group: string, name: string, value: number, baseline: number | null): BenchResult => ({
  group,
  name,
  value,
  unit: 'ms',
  baseline: baseline === null ? null : { name: `${name} baseline`, value: baseline },
  better: 'lower',
});

const report = (results: BenchResult[]): RunReport => ({
  mode: 'full',
  startedAt: '2026-08-03T12:00:00.000Z',
  wallSeconds: 321.4,
  loadAtEnd: 2.25,
  machine,
  results,
  notes: { '2. Sync': ['a note'] },
  failures: [],
});

describe('report', () => {
  it('orders results by their numbered group, numerically, keeping the measured order inside a group', () => {
    const results = [
      row('10. Ten', 'x', 1, 1),
      row('2. Sync', 'b', 1, 1),
      row('2. Sync', 'a', 1, 1),
      row('1. Search', 'c', 1, 1),
    ];
    expect(ordered(results).map((r) => r.name)).toEqual(['c', 'b', 'a', 'x']);
  });

  it('prints each group as a section with result, baseline, ratio and verdict', () => {
    const text = consoleTable([row('1. Search', 'search p50', 2, 20), row('2. Sync', 'sync', 3, null)]);
    const lines = text.split('\n');
    expect(lines[2]).toBe('1. Search');
    expect(lines[3]).toMatch(/^search p50 +2 ms +20 ms +0\.10× +10\.0× faster$/);
    expect(lines[5]).toMatch(/^sync +3 ms +— +—$/);
  });

  it('writes the machine, the date, the wall time, the table and the notes into the Markdown', () => {
    const md = markdownReport(report([row('2. Sync', 'sync', 4, 2)]));
    expect(md).toContain('| CPU | Test CPU, 2 cores |');
    expect(md).toContain('| RAM | 8 GiB |');
    expect(md).toContain('| OS | TestOS 1 |');
    expect(md).toContain('| Node | v20.0.0 |');
    expect(md).toContain('| date | 2026-08-03T12:00:00.000Z |');
    expect(md).toContain('| wall time | 321 s |');
    expect(md).toContain('| load average (1 min) at start / end | 1.5 / 2.25 on 2 cores');
    expect(md).toContain('| sync | 4 ms | 2 ms | 2.00× | 2.00× slower |');
    expect(md).toContain('## 2. Sync');
    expect(md).toContain('- a note');
  });

  it('gives every result its ratio in the JSON, which is one line', () => {
    const json = jsonReport(report([row('2. Sync', 'sync', 4, 2), row('2. Sync', 'other', 1, null)]));
    expect(json).not.toContain('\n');
    const parsed = JSON.parse(json) as {
      results: { name: string; ratio: number | null }[];
      wallSeconds: number;
    };
    expect(parsed.results.map((r) => [r.name, r.ratio])).toEqual([
      ['sync', 2],
      ['other', null],
    ]);
    expect(parsed.wallSeconds).toBe(321.4);
  });
  it('shows whether each target was met: a bound on the value, on the ratio, or a speed-up factor', () => {
    const text = consoleTable([
      { ...row('1. Search', 'p95', 1.5, 20), target: { text: '≤ 2 ms', max: 2 } },
      { ...row('1. Search', 'p99', 6, 20), target: { text: '≤ 5 ms', max: 5 } },
      { ...row('3. E-signature', 'open', 50, 400), target: { text: '≥ 5× faster', minFactor: 5 } },
      { ...row('7. Memory', 'sync', 300, 200), unit: 'MiB', target: { text: '≤ 1.3×', maxRatio: 1.3 } },
    ]);
    expect(text).toMatch(/p95 .* ≤ 2 ms: met/);
    expect(text).toMatch(/p99 .* ≤ 5 ms: MISSED/);
    expect(text).toMatch(/open .* ≥ 5× faster: met/);
    expect(text).toMatch(/sync .* ≤ 1\.3×: MISSED/);
    const md = markdownReport(
      report([{ ...row('2. Sync', 'stall', 40, 5), target: { text: '≤ 50 ms', max: 50 } }]),
    );
    expect(md).toContain('| stall | 40 ms | 5 ms | 8.00× | 8.00× slower | ≤ 50 ms: met |');
    expect(md).toContain('target ≤ 50 ms: met.');
  });
});
