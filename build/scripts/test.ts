/**
 * `npm test`: typecheck → lint → wasm → unit + integration (vitest) → build → e2e (Playwright).
 * Stops at the first failing step; ends with one line `N passed, M failed` for CI.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

interface Step {
  name: string;
  cmd: string;
  args: string[];
  env?: Record<string, string>;
}

mkdirSync('test-results', { recursive: true });
for (const f of ['vitest.json', 'playwright.json']) rmSync(`test-results/${f}`, { force: true });

const steps: Step[] = [
  { name: 'typecheck (node side)', cmd: 'npx', args: ['tsc', '-p', 'tsconfig.node.json', '--noEmit'] },
  { name: 'typecheck (web side)', cmd: 'npx', args: ['tsc', '-p', 'tsconfig.web.json', '--noEmit'] },
  { name: 'lint (eslint)', cmd: 'npx', args: ['eslint', '--max-warnings', '0', '.'] },
  { name: 'format (prettier)', cmd: 'npx', args: ['prettier', '--check', '.'] },
  // the GOST primitives' WebAssembly module, from source (the vitest set-up would build it too)
  { name: 'wasm (AssemblyScript)', cmd: 'npm', args: ['run', 'build:wasm'] },
  {
    name: 'unit + integration (vitest)',
    cmd: 'npx',
    args: [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=test-results/vitest.json',
    ],
  },
  { name: 'build (renderer + main)', cmd: 'npm', args: ['run', 'build'] },
  {
    name: 'e2e (playwright)',
    cmd: 'npx',
    args: ['playwright', 'test'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/playwright.json' },
  },
];

const only = process.argv.slice(2);
const started = Date.now();
let failedStep: string | null = null;
for (const step of steps) {
  if (only.length && !only.some((o) => step.name.includes(o))) continue;
  const t0 = Date.now();
  console.log(`\n▶ ${step.name}`);
  const r = spawnSync(step.cmd, step.args, { stdio: 'inherit', env: { ...process.env, ...step.env } });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.log(`✖ ${step.name} failed after ${secs} s`);
    failedStep = step.name;
    break;
  }
  console.log(`✔ ${step.name} (${secs} s)`);
}

function counts(): { passed: number; failed: number; skipped: number } {
  const c = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync('test-results/vitest.json')) {
    const v = JSON.parse(readFileSync('test-results/vitest.json', 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
    };
    c.passed += v.numPassedTests;
    c.failed += v.numFailedTests;
    c.skipped += v.numPendingTests + v.numTodoTests;
  }
  if (existsSync('test-results/playwright.json')) {
    const p = JSON.parse(readFileSync('test-results/playwright.json', 'utf8')) as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    };
    c.passed += p.stats.expected + p.stats.flaky;
    c.failed += p.stats.unexpected;
    c.skipped += p.stats.skipped;
  }
  return c;
}

const c = counts();
console.log(
  `\nnpm test: ${failedStep ? `FAILED at "${failedStep}"` : 'all steps passed'} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
if (c.skipped) console.log(`${c.skipped} skipped (each prints its reason)`);
console.log(`${c.passed} passed, ${c.failed + (failedStep && c.failed === 0 ? 1 : 0)} failed`);
process.exitCode = failedStep ? 1 : 0;
