/**
 * `npm run soak -- [--days N] [--seed S] [--json] [--keep]`: a month (30 days by default) in a
 * clinic on virtual time — see soak.ts. Prints progress and a summary; with --json the last line
 * is one JSON object with the figures. Exit code 0 only when every invariant held.
 */
import { parseArgs } from 'node:util';
import { runSoak } from './soak';

const { values } = parseArgs({
  options: {
    days: { type: 'string', default: '30' },
    seed: { type: 'string' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
  strict: true,
});
const days = Number(values.days);
const seed = values.seed === undefined ? Date.now() % 1_000_000 : Number(values.seed);
if (!Number.isInteger(days) || days < 1 || days > 366) {
  process.stderr.write('--days must be a whole number from 1 to 366\n');
  process.exit(2);
}
if (!Number.isInteger(seed) || seed < 0) {
  process.stderr.write('--seed must be a whole number (0 or more)\n');
  process.exit(2);
}
const result = await runSoak({
  days,
  seed,
  keep: values.keep,
  verbose: values.verbose,
  out: (line) => process.stdout.write(`${line}\n`),
});
process.stdout.write(
  `${result.violations.length ? `soak FAILED: ${result.violations.length} invariant(s) violated` : 'soak passed: every invariant held'}\n`,
);
if (values.json) process.stdout.write(`${JSON.stringify(result.figures)}\n`);
process.exitCode = result.violations.length ? 1 : 0;
