import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CORE_DEPS, CORE_LEAVES, CORE_ROOTS, isTestFile } from './boundaries.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CORE = 'electron/core';

/** The first cycle found in a dependency table, as the path a → … → a, or null. */
function findCycle(deps: Readonly<Record<string, readonly string[]>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of deps[node] ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of Object.keys(deps).sort()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

const folders = () =>
  readdirSync(path.join(root, CORE), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

/** Every TypeScript file under a folder, relative to the project. */
function filesUnder(rel: string): string[] {
  return readdirSync(path.join(root, rel), { withFileTypes: true }).flatMap((e) => {
    const child = `${rel}/${e.name}`;
    if (e.isDirectory()) return filesUnder(child);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [child] : [];
  });
}

/** The node of the module graph a core file belongs to: its module, or the file itself when directly in core. */
function nodeOf(rel: string): string | null {
  if (!rel.startsWith(`${CORE}/`)) return null;
  const rest = rel.slice(CORE.length + 1);
  const slash = rest.indexOf('/');
  return slash < 0 ? rest : rest.slice(0, slash);
}

/** A relative specifier resolved to a project file or folder, as TypeScript resolves it here. */
function resolveSpecifier(from: string, spec: string): string | null {
  const abs = path.resolve(root, path.dirname(from), spec);
  for (const candidate of [`${abs}.ts`, `${abs}.tsx`, abs, path.join(abs, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile())
      return path.relative(root, candidate).split(path.sep).join('/');
  }
  return null;
}

/**
 * Which core node imports which, over every non-test file of electron/core and every import,
 * export-from and dynamic import (type-only imports included), with one example import per edge.
 */
function readGraph(): { deps: Record<string, string[]>; example: Map<string, string> } {
  const edges = new Map<string, Set<string>>();
  const example = new Map<string, string>();
  for (const file of filesUnder(CORE)) {
    if (isTestFile(file)) continue;
    const from = nodeOf(file);
    if (!from) continue;
    const info = ts.preProcessFile(readFileSync(path.join(root, file), 'utf8'), true, true);
    for (const ref of info.importedFiles) {
      if (!ref.fileName.startsWith('.')) continue;
      const target = resolveSpecifier(file, ref.fileName);
      const to = target ? nodeOf(target) : null;
      if (!to || to === from) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)?.add(to);
      if (!example.has(`${from}→${to}`)) example.set(`${from}→${to}`, `${file} imports '${ref.fileName}'`);
    }
  }
  const deps: Record<string, string[]> = {};
  for (const [from, to] of edges) deps[from] = [...to].sort();
  return { deps, example };
}

let graph: ReturnType<typeof readGraph> | null = null;
const realGraph = () => (graph ??= readGraph());

describe('core module graph', () => {
  it('finds a cycle in a planted cyclic table, and none in an acyclic one', () => {
    expect(findCycle({ a: ['b'], b: ['c'], c: ['a'], d: [] })).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle({ a: ['a'] })).toEqual(['a', 'a']);
    expect(findCycle({ a: ['b', 'c'], b: ['c'], c: [] })).toBeNull();
  });

  it('CORE_DEPS is acyclic and names only modules it lists', () => {
    expect(findCycle(CORE_DEPS)).toBeNull();
    const unknown = Object.values(CORE_DEPS)
      .flat()
      .filter((m) => !(m in CORE_DEPS));
    expect(unknown).toEqual([]);
  });

  it('every folder of electron/core is a module in CORE_DEPS with an index.ts, and every module a folder', () => {
    const dirs = folders();
    expect(dirs.filter((m) => !(m in CORE_DEPS))).toEqual([]);
    expect(Object.keys(CORE_DEPS).filter((m) => !dirs.includes(m))).toEqual([]);
    expect(dirs.filter((m) => !existsSync(path.join(root, CORE, m, 'index.ts')))).toEqual([]);
  });

  it('the shared leaves and composition roots exist directly in electron/core', () => {
    for (const f of [...CORE_LEAVES, ...CORE_ROOTS])
      expect(existsSync(path.join(root, CORE, f)), f).toBe(true);
  });

  it('the real imports of non-test files have no cycle between core modules', () => {
    const { deps, example } = realGraph();
    // the graph is read from the files: services.ts reaches most modules, so an empty graph means a broken reader
    expect(deps['services.ts']?.length ?? 0).toBeGreaterThan(5);
    const cycle = findCycle(deps);
    const why = cycle?.slice(1).map((to, i) => example.get(`${cycle[i]}→${to}`));
    expect(cycle, `cycle: ${cycle?.join(' → ')}\n${why?.join('\n')}`).toBeNull();
  });

  it('the real imports between core modules stay within CORE_DEPS', () => {
    const { deps, example } = realGraph();
    const outside = Object.entries(deps).flatMap(([from, tos]) =>
      from in CORE_DEPS
        ? tos
            .filter((to) => to in CORE_DEPS && !CORE_DEPS[from]?.includes(to))
            .map((to) => example.get(`${from}→${to}`))
        : [],
    );
    expect(outside).toEqual([]);
  });
});
