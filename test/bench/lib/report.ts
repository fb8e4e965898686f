/** The bench's outputs: the console table, docs/benchmarks.md and the JSON line. */
import type { MachineInfo } from './machine';
import {
  formatNumber,
  formatRatio,
  formatTarget,
  formatValue,
  resultRatio,
  verdict,
  targetMet,
  type BenchResult,
} from './results';
import { renderMarkdownTable, renderTextTable, type Align, type Row } from './table';

export interface RunReport {
  mode: 'full' | 'quick';
  startedAt: string;
  wallSeconds: number;
  /** 1-minute load average when the run ended */
  loadAtEnd: number;
  machine: MachineInfo;
  results: BenchResult[];
  notes: Record<string, string[]>;
  failures: string[];
}

const HEADERS = ['measure', 'result', 'baseline', 'ratio', '', 'target'];
const ALIGN: Align[] = ['l', 'r', 'r', 'r', 'l', 'l'];

/** Results in report order: by their numbered group, then as measured. */
export function ordered(results: readonly BenchResult[]): BenchResult[] {
  return results
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.group.localeCompare(b.r.group, 'en', { numeric: true }) || a.i - b.i)
    .map(({ r }) => r);
}

function cells(r: BenchResult): string[] {
  const ratio = resultRatio(r);
  return [
    r.name,
    formatValue(r.value, r.unit),
    r.baseline ? formatValue(r.baseline.value, r.unit) : '—',
    ratio === null ? '—' : formatRatio(ratio),
    verdict(ratio, r.unit, r.better),
    formatTarget(r),
  ];
}

function rowsOf(results: readonly BenchResult[]): Row[] {
  const rows: Row[] = [];
  let group = '';
  for (const r of ordered(results)) {
    if (r.group !== group) {
      group = r.group;
      rows.push({ section: group });
    }
    rows.push(cells(r));
  }
  return rows;
}

export const consoleTable = (results: readonly BenchResult[]): string =>
  renderTextTable(HEADERS, rowsOf(results), ALIGN);

export function machineLine(m: MachineInfo): string {
  return `${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM; ${m.os}; Node ${m.node}; load average ${m.loadAtStart} at start`;
}

export function markdownReport(report: RunReport): string {
  const m = report.machine;
  const out: string[] = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (`test/bench/run.ts`); do not edit by hand. Every measure has its',
    'baseline measured in the same run, on the same machine, so the **ratio** (result ÷ baseline)',
    'holds better than the absolute numbers on a busy machine. Medians unless a row says p95/p99.',
    '',
    '| | |',
    '| --- | --- |',
    `| date | ${report.startedAt} |`,
    `| mode | ${report.mode}${report.mode === 'quick' ? ' (smaller sizes)' : ''} |`,
    `| CPU | ${m.cpu}, ${m.cores} cores |`,
    `| RAM | ${m.ramGiB} GiB |`,
    `| OS | ${m.os} |`,
    `| Node | ${m.node} |`,
    `| load average (1 min) at start / end | ${m.loadAtStart} / ${report.loadAtEnd} on ${m.cores} cores (other work on the machine adds noise) |`,
    `| commit | ${m.commit ?? 'unknown'} |`,
    `| wall time | ${formatNumber(report.wallSeconds)} s |`,
    '',
    '## Summary',
    '',
    renderMarkdownTable(HEADERS, rowsOf(report.results), ALIGN),
    '',
  ];
  const groups = [...new Set(ordered(report.results).map((r) => r.group)), ...Object.keys(report.notes)];
  for (const group of [...new Set(groups)]) {
    out.push(`## ${group}`, '');
    for (const r of ordered(report.results).filter((x) => x.group === group)) {
      const ratio = resultRatio(r);
      const base = r.baseline
        ? `baseline: ${r.baseline.name} = ${formatValue(r.baseline.value, r.unit)}${r.baseline.detail ? ` (${r.baseline.detail})` : ''}; ratio ${ratio === null ? '—' : `${formatRatio(ratio)} — ${verdict(ratio, r.unit, r.better)}`}`
        : 'no baseline';
      const target = r.target ? `; target ${formatTarget(r)}` : '';
      out.push(
        `- **${r.name}**: ${formatValue(r.value, r.unit)}${r.detail ? ` (${r.detail})` : ''}; ${base}${target}.`,
      );
    }
    for (const n of report.notes[group] ?? []) out.push(`- ${n}`);
    out.push('');
  }
  if (report.failures.length) {
    out.push('## Failed', '', ...report.failures.map((f) => `- ${f}`), '');
  }
  out.push(
    '## How to run',
    '',
    '```',
    'npm run bench                    # full sizes; writes this file',
    'npm run bench -- --quick         # smaller sizes, a quick look; does not write this file',
    'npm run bench -- --json          # also one JSON object on the last line of stdout',
    'npm run bench -- --only sync,search   # only the suites whose names contain these words; does not write this file',
    '```',
    '',
  );
  return out.join('\n');
}

export function jsonReport(report: RunReport): string {
  return JSON.stringify({
    ...report,
    results: ordered(report.results).map((r) => ({ ...r, ratio: resultRatio(r), targetMet: targetMet(r) })),
  });
}
