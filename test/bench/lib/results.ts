/**
 * What a benchmark reports: one row per measure, each with the baseline measured in the same run,
 * and the words that say which way the ratio points.
 */
import { ratio } from './stats';

export type Unit = 'ms' | 's' | 'ops/s' | 'rows/s' | 'KiB' | 'MiB';

export interface Baseline {
  name: string;
  value: number;
  detail?: string;
}

export interface BenchResult {
  /** The numbered section of the report (e.g. "1. Directory search"). */
  group: string;
  name: string;
  /** The median unless the name says otherwise (e.g. "p95"). */
  value: number;
  unit: Unit;
  /** How it was measured: percentiles, repetitions, sizes. */
  detail?: string;
  /** Null only where nothing comparable exists; the reason is then in `detail`. */
  baseline: Baseline | null;
  better: 'lower' | 'higher';
  /** A target this measure must meet (the issue that asked for it); shown as met or missed. */
  target?: Target;
}

/** Either a bound on the value itself or on the ratio to the baseline. */
export type Target = { text: string } & ({ max: number } | { maxRatio: number } | { minFactor: number });

/** Whether the result meets its target; null without one (or without the baseline a ratio needs). */
export function targetMet(r: BenchResult): boolean | null {
  const t = r.target;
  if (!t) return null;
  if ('max' in t) return r.value <= t.max;
  const q = ratio(r.value, r.baseline?.value);
  if (q === null) return null;
  // "N× faster": baseline ÷ value at least N
  if ('minFactor' in t) return q > 0 && 1 / q >= t.minFactor;
  return q <= t.maxRatio;
}

export function formatTarget(r: BenchResult): string {
  const met = targetMet(r);
  if (!r.target) return '';
  return `${r.target.text}: ${met === null ? 'not measured' : met ? 'met' : 'MISSED'}`;
}

export interface SuiteOutput {
  results: BenchResult[];
  /** Facts worth printing under the table (sizes, counts, caveats). */
  notes: string[];
}

const isRate = (u: Unit) => u === 'ops/s' || u === 'rows/s';
const isSize = (u: Unit) => u === 'KiB' || u === 'MiB';

/** Groups digits by thousands with commas, whatever the machine's locale. */
function group(intText: string): string {
  return intText.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Three significant digits below 1,000; whole numbers with thousands separators above. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const abs = Math.abs(v);
  if (abs >= 1000) return (v < 0 ? '-' : '') + group(String(Math.round(abs)));
  if (abs === 0) return '0';
  return String(Number(v.toPrecision(3)));
}

export const formatValue = (v: number, unit: Unit): string => `${formatNumber(v)} ${unit}`;

export function formatRatio(r: number): string {
  if (r >= 100) return `${group(String(Math.round(r)))}×`;
  if (r >= 10) return `${r.toFixed(1)}×`;
  return `${r.toFixed(2)}×`;
}

/** ours ÷ baseline, in words: "12× faster", "3.1× slower", "18% of baseline", "≈ baseline". */
export function verdict(r: number | null, unit: Unit, better: 'lower' | 'higher'): string {
  if (r === null) return '';
  if (Math.abs(r - 1) < 0.02) return '≈ baseline';
  if (isSize(unit)) return r < 1 ? `${Math.round(r * 100)}% of baseline` : `${formatRatio(r)} baseline`;
  const good = better === 'lower' ? r < 1 : r > 1;
  const factor = r < 1 ? 1 / r : r;
  const word =
    isRate(unit) || unit === 'ms' || unit === 's' ? (good ? 'faster' : 'slower') : good ? 'better' : 'worse';
  return `${formatRatio(factor)} ${word}`;
}

export const resultRatio = (r: BenchResult): number | null => ratio(r.value, r.baseline?.value);
