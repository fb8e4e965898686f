/**
 * Two simulated clinic days of the soak (`npm run soak -- --days 2 --seed 20260302 --json`), as a
 * test: the real services, sandbox, signer and SQLite on virtual time through every kind of fault
 * (see plan.ts: the first two days carry one of each). The run's last line is the JSON of figures;
 * every invariant must hold. The 30-day run is in docs/reliability.md.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED = 20_260_302;
const KEYS = [
  'days',
  'sessions',
  'signedActs',
  'delivered',
  'terminal',
  'lost',
  'duplicated',
  'cutOff',
  'piiLeft',
  'dbBytesMax',
  'rssMiBMax',
  'auditOk',
];

function soak(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/soak/run.ts', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('soak', () => {
  it('two clinic days on virtual time: nothing lost or duplicated, nobody cut off, nothing personal left', async () => {
    const r = await soak(['--days', '2', '--seed', String(SEED), '--json']);
    const report = `${r.stdout}\n${r.stderr.slice(-4000)}`;
    const last = r.stdout.trim().split('\n').at(-1) ?? '';
    // a run that stopped early ends on a text line: show its output and error instead of a JSON error
    expect(last.startsWith('{'), report).toBe(true);
    const figures = JSON.parse(last) as Record<string, unknown>;
    expect(Object.keys(figures), report).toEqual(KEYS);
    expect(figures, report).toMatchObject({
      days: 2,
      lost: 0,
      duplicated: 0,
      cutOff: 0,
      piiLeft: 0,
      auditOk: true,
    });
    // the run did what a clinic does: visits, signed acts, most of them delivered
    expect(figures.sessions as number, report).toBeGreaterThanOrEqual(12);
    expect(figures.signedActs as number, report).toBeGreaterThanOrEqual(5);
    expect(figures.delivered as number, report).toBeGreaterThanOrEqual(3);
    expect(figures.dbBytesMax as number).toBeGreaterThan(0);
    expect(figures.rssMiBMax as number).toBeGreaterThan(0);
    expect(r.code, report).toBe(0);
  }, 600_000);

  it('refuses a bad --days with a message and exit code 2', async () => {
    const r = await soak(['--days', 'zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--days');
  });
});
