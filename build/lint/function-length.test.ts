import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FUNCTION_LINE_LIMIT, functionLengths, isSource, isTestSeedOrData } from './function-length';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A function of `bodyLines` lines between its first and its last line. */
const planted = (bodyLines: number, body: (i: number) => string = (i) => `  const v${i} = ${i};`): string =>
  ['export function planted(): void {', ...Array.from({ length: bodyLines }, (_, i) => body(i)), '}'].join(
    '\n',
  );

const ownOf = (text: string, name = 'planted', file = 'planted.ts'): number | undefined =>
  functionLengths(file, text).find((f) => f.name === name)?.own;

describe('own lines of a function', () => {
  it('counts every line of a plain function, its first and last included', () => {
    expect(ownOf(planted(118))).toBe(120);
    expect(ownOf(planted(119))).toBe(121);
  });

  it('counts blank lines inside, and comments', () => {
    expect(ownOf(planted(118, (i) => (i % 3 === 0 ? '' : i % 3 === 1 ? '  // note' : `  f(${i});`)))).toBe(
      120,
    );
  });

  it('leaves out the lines of nested callbacks, but not the call that opens or closes them', () => {
    const withCallback = [
      'export function planted(xs: number[]): void {',
      '  xs.forEach((x) => {',
      ...Array.from({ length: 200 }, (_, i) => `    console.log(x + ${i});`),
      '  });',
      '  const inner = function () {',
      ...Array.from({ length: 50 }, (_, i) => `    g(${i});`),
      '  };',
      '  inner();',
      '}',
    ].join('\n');
    // the header, `xs.forEach((x) => {`, `});`, `const inner = function () {`, `};`, `inner();`, `}`
    expect(ownOf(withCallback)).toBe(7);
    expect(ownOf(withCallback, '(callback of xs.forEach)')).toBe(202);
    expect(ownOf(withCallback, 'inner')).toBe(52);
  });

  it('counts a line shared by the function and a nested one for the function', () => {
    const text = [
      'export const planted = () => {',
      '  const a = [1].map((x) => x + 1); const b = 2;',
      '  return a;',
      '};',
    ].join('\n');
    expect(ownOf(text)).toBe(4);
  });

  it('names methods by their class and reads TSX', () => {
    const cls = ['export class Box {', '  open(): number {', '    return 1;', '  }', '}'].join('\n');
    expect(functionLengths('box.ts', cls)).toEqual([{ line: 2, name: 'Box.open', own: 3 }]);
    const tsx = [
      'export function View() {',
      '  return <div onClick={() => go()}>',
      '    x',
      '  </div>;',
      '}',
    ].join('\n');
    expect(ownOf(tsx, 'View', 'view.tsx')).toBe(5);
  });
});

/** The repository's files as git knows them (tracked and new), or a walk when there is no git. */
function projectFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .split('\n')
      .filter((f) => f !== '' && existsSync(join(root, f)));
  } catch {
    const skip = new Set([
      'node_modules',
      'dist',
      'dist-electron',
      'dist-wasm',
      'release',
      '.git',
      'test-results',
    ]);
    const out: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
        if (skip.has(e.name)) continue;
        const rel = dir ? `${dir}/${e.name}` : e.name;
        if (e.isDirectory()) walk(rel);
        else out.push(rel);
      }
    };
    walk('');
    return out;
  }
}

describe(`no function outside tests, seeds and data has more than ${FUNCTION_LINE_LIMIT} lines of its own`, () => {
  const over: { file: string; name: string; line: number; own: number }[] = [];
  const files = projectFiles().filter((f) => isSource(f) && !isTestSeedOrData(f));
  for (const file of files)
    for (const fn of functionLengths(file, readFileSync(join(root, file), 'utf8')))
      if (fn.own > FUNCTION_LINE_LIMIT) over.push({ file, ...fn });

  it('reads the whole project', () => {
    expect(files.length).toBeGreaterThan(300);
    expect(files.some((f) => f.startsWith('electron/core/'))).toBe(true);
    expect(files.some((f) => f.startsWith('renderer/src/'))).toBe(true);
  });

  it('has no function over the limit', () => {
    const offenders = over.map((o) => `${o.file}:${o.line} ${o.name} (${o.own} own lines)`);
    if (offenders.length)
      console.error(`functions over ${FUNCTION_LINE_LIMIT} own lines:\n${offenders.join('\n')}`);
    expect(offenders).toEqual([]);
  });
});
