/**
 * `npm run bench [-- --quick] [-- --json] [-- --out FILE] [-- --only SUITE,…]`: measures the kiosk where patients
 * wait — directory search and sync, e-signature, outbox, start-up, size, memory — each against a
 * baseline measured in the same run; prints a table (progress goes to stderr) and writes
 * docs/benchmarks.md (full runs; quick runs only with --out). With --json the last stdout line
 * is one JSON object with every result. Not part of `npm test`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { killAllChildren, projectPath } from './lib/child';
import { FULL_SIZES, QUICK_SIZES, type BenchContext } from './lib/context';
import { machineInfo } from './lib/machine';
import { BENCH_SEED } from './lib/prng';
import { consoleTable, jsonReport, machineLine, markdownReport, type RunReport } from './lib/report';
import type { BenchResult } from './lib/results';
import { benchEsign } from './suites/esign';
import { benchMemory } from './suites/memory';
import { benchOutbox } from './suites/outbox';
import { benchSearch } from './suites/search';
import { benchSignIn } from './suites/signin';
import { benchSize } from './suites/size';
import {
  benchBrowser,
  benchSandboxStarts,
  benchServices,
  measureProcessFloor,
  startRunSandbox,
} from './suites/startup';
import { benchSync } from './suites/sync';

const USAGE = 'usage: npm run bench -- [--quick] [--json] [--out FILE] [--only SUITE,…]';

function parse(): { quick: boolean; json: boolean; out: string | null; only: string[] | null } | null {
  try {
    const { values } = parseArgs({
      options: {
        quick: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        only: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
    if (values.help) {
      console.error(USAGE);
      process.exit(0);
    }
    return {
      quick: values.quick,
      json: values.json,
      out: values.out ?? null,
      only: values.only ? values.only.split(',').map((x) => x.trim()) : null,
    };
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return null;
  }
}

async function main(): Promise<number> {
  const flags = parse();
  if (!flags) return 2;
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const machine = machineInfo();
  const tmp = mkdtempSync(join(tmpdir(), 'kiosk-bench-'));
  const results: BenchResult[] = [];
  const notes: Record<string, string[]> = {};
  const failures: string[] = [];
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
  const ctx: BenchContext = {
    quick: flags.quick,
    sizes: flags.quick ? QUICK_SIZES : FULL_SIZES,
    tmp,
    seed: BENCH_SEED,
    progress: (m) => console.error(`[bench ${elapsed()}] ${m}`),
    add: (r) => results.push(r),
    note: (g, t) => (notes[g] ??= []).push(t),
    sandbox: null,
    sandboxDataDir: null,
    sandboxFirstStart: null,
    floor: null,
    syncedDir: null,
    syncPeakRssKiB: null,
    rendererDir: null,
  };
  const interrupted = () => {
    killAllChildren();
    rmSync(tmp, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  const suite = async (name: string, run: () => Promise<void>) => {
    // a partial run (--only): the sandbox start and the process floor are what the others need
    const needed = ['process floor', 'sandbox start'].includes(name);
    if (flags.only && !needed && !flags.only.some((o) => name.includes(o))) return;
    const t = performance.now();
    try {
      await run();
      ctx.progress(`${name} done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    } catch (e) {
      failures.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      ctx.progress(`${name} FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  };

  ctx.progress(`${flags.quick ? 'quick' : 'full'} run in ${tmp}; ${machineLine(machine)}`);
  try {
    await suite('process floor', () => measureProcessFloor(ctx, flags.quick ? 1 : 2));
    await suite('sandbox start', () => startRunSandbox(ctx));
    if (ctx.sandbox) await suite('2. directory sync', () => benchSync(ctx));
    if (ctx.syncedDir) await suite('1. directory search', () => benchSearch(ctx));
    await suite('3. e-signature', () => benchEsign(ctx));
    if (ctx.sandbox) await suite('3. e-signature: sign-in', () => benchSignIn(ctx));
    if (ctx.sandbox) await suite('4. outbox', () => benchOutbox(ctx));
    await suite('7. memory', () => benchMemory(ctx));
    await ctx.sandbox?.stop();
    if (ctx.sandboxFirstStart) await suite('5. start-up: sandbox', () => benchSandboxStarts(ctx));
    await suite('6. size', () => benchSize(ctx));
    await suite('5. start-up: services', () => benchServices(ctx));
    if (ctx.rendererDir) await suite('5. start-up: browser', () => benchBrowser(ctx));
  } finally {
    await ctx.sandbox?.stop();
    killAllChildren();
    rmSync(tmp, { recursive: true, force: true });
  }

  const report: RunReport = {
    mode: flags.quick ? 'quick' : 'full',
    startedAt,
    wallSeconds: (performance.now() - started) / 1000,
    loadAtEnd: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    machine,
    results,
    notes,
    failures,
  };
  console.log(`Kabinet Kiosk benchmarks (${report.mode}), ${startedAt}`);
  console.log(machineLine(machine));
  console.log('');
  console.log(consoleTable(results));
  console.log('');
  console.log(
    `wall time ${report.wallSeconds.toFixed(0)} s; load average ${machine.loadAtStart} at start, ${report.loadAtEnd} at end${failures.length ? `; ${failures.length} benchmark(s) FAILED` : ''}`,
  );
  for (const f of failures) console.error(`FAILED ${f}`);

  const out = flags.out ?? (flags.quick || flags.only ? null : projectPath('docs/benchmarks.md'));
  if (out && failures.length === 0) {
    writeFileSync(out, markdownReport(report));
    console.error(`wrote ${out}`);
  } else if (out) {
    console.error(`not writing ${out}: some benchmarks failed`);
  } else {
    console.error(
      'quick or partial run: docs/benchmarks.md left as it is (pass --out FILE to write this report)',
    );
  }
  if (flags.json) console.log(jsonReport(report));
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`bench crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    killAllChildren();
    process.exit(1);
  },
);
