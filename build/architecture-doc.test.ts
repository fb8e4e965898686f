import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CORE_DEPS } from './lint/boundaries.js';
import { TABLE_OWNERS } from './lint/tables.js';

/**
 * The one-page map must be true and lead somewhere. Its module table says what the boundary lint
 * enforces: every core module with exactly the modules `CORE_DEPS` lets it import, and every table
 * of the kiosk's database in the row of the module `TABLE_OWNERS` gives it to. And every relative link in docs/ARCHITECTURE.md resolves to a file
 * or folder, and so does every backticked repository path (`electron/hosts/kiosk-start.ts`). Paths
 * with a placeholder (`<Name>`, `NNNN`, `…`) are patterns, not files. The other documents' relative
 * links are held to the same rule.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TOP = /^(electron|renderer|shared|build|test|docs|wasm)\//;
const PLACEHOLDER = /[<>*…]|NNNN/;

/** Relative link targets and backticked repository paths of a markdown text that do not exist. */
function missingPaths(markdown: string, file: string, root: string): string[] {
  const missing: string[] = [];
  const dir = dirname(file);
  for (const m of markdown.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = (m[1] as string).split('#')[0] as string;
    if (!target || /^[a-z]+:/i.test(target)) continue;
    if (!existsSync(resolve(dir, target))) missing.push(target);
  }
  for (const m of markdown.matchAll(/`([^`\s]+)`/g)) {
    const path = m[1] as string;
    if (!TOP.test(path) || PLACEHOLDER.test(path)) continue;
    if (!existsSync(join(root, path))) missing.push(path);
  }
  return missing;
}

const read = (rel: string) => readFileSync(join(ROOT, rel), 'utf8');

describe('documentation paths', () => {
  it('finds a link and a path that lead nowhere (planted)', () => {
    const planted = [
      '[the start-up](../electron/hosts/kiosk-start.ts) and [gone](../electron/core/handlers/apps.ts#x)',
      '`electron/hosts/kiosk-start.ts`, `electron/core/handlers`, `renderer/src/screens/<Name>/<Name>.tsx`',
      '`kiosk status`, [eHealth](https://ehealth.gov.ua), `core/only-relative.ts`',
    ].join('\n');
    expect(missingPaths(planted, join(ROOT, 'docs', 'PLANTED.md'), ROOT)).toEqual([
      '../electron/core/handlers/apps.ts',
      'electron/core/handlers',
    ]);
  });

  it('docs/ARCHITECTURE.md: every link and repository path exists', () => {
    expect(missingPaths(read('docs/ARCHITECTURE.md'), join(ROOT, 'docs', 'ARCHITECTURE.md'), ROOT)).toEqual(
      [],
    );
  });

  it('the other documents: every relative link exists', () => {
    const docs = [
      'README.md',
      ...readdirSync(join(ROOT, 'docs'))
        .filter((n) => n.endsWith('.md') && n !== 'ARCHITECTURE.md')
        .map((n) => `docs/${n}`),
    ];
    const missing = docs.flatMap((rel) =>
      missingPaths(read(rel).replace(/`[^`]*`/g, ''), join(ROOT, rel), ROOT).map((p) => `${rel}: ${p}`),
    );
    expect(missing).toEqual([]);
  });
});

/** The `electron/core` module table's rows: module → its cells (does, owns, may import). */
function moduleRows(markdown: string): Record<string, string[]> {
  const rows: Record<string, string[]> = {};
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const name = /^`([a-z]+)`$/.exec(cells[1] ?? '')?.[1];
    if (name && cells.length >= 6) rows[name] = cells.slice(2, -1);
  }
  return rows;
}

/** Module → what the table's last column says it may import. */
const moduleTable = (markdown: string): Record<string, string[]> =>
  Object.fromEntries(
    Object.entries(moduleRows(markdown)).map(([m, cells]) => {
      const deps = cells[cells.length - 1] ?? '';
      return [m, deps === '—' ? [] : deps.split(',').map((d) => d.trim())];
    }),
  );

const sorted = (deps: Record<string, readonly string[]>) =>
  Object.fromEntries(
    Object.entries(deps)
      .map(([m, d]) => [m, [...d].sort()] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );

describe('docs/ARCHITECTURE.md module table', () => {
  it('reads a table row by row (planted: a missing and a wrong row are seen)', () => {
    const planted = [
      '| module | does | owns | may import |',
      '| ------ | ---- | ---- | ---------- |',
      '| `db` | SQLite | `kiosk.db` | — |',
      '| `outbox` | the queue | `outbox_operations` | db, kiosk |',
    ].join('\n');
    expect(moduleTable(planted)).toEqual({ db: [], outbox: ['db', 'kiosk'] });
    expect(sorted(moduleTable(planted))).not.toEqual(sorted(CORE_DEPS));
  });

  it('lists every core module with exactly the modules CORE_DEPS lets it import', () => {
    expect(sorted(moduleTable(read('docs/ARCHITECTURE.md')))).toEqual(sorted(CORE_DEPS));
  });

  it('names every table of the kiosk database in the row of the module that owns it', () => {
    const rows = moduleRows(read('docs/ARCHITECTURE.md'));
    const misplaced = Object.entries(TABLE_OWNERS)
      .filter(([, owner]) => owner.startsWith('electron/core/'))
      .filter(([table, owner]) => {
        const module = owner.split('/')[2] as string;
        return (
          !(rows[module]?.[1] ?? '').includes(`\`${table}\``) &&
          !(rows[module]?.[1] ?? '').includes('`dir_*`')
        );
      })
      .map(([table, owner]) => `${table} (${owner})`);
    expect(misplaced).toEqual([]);
  });
});
