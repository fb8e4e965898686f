/**
 * Builds the renderer when dist/renderer is missing or older than its sources, so that
 * `npm run start:browser` always serves the current UI without rebuilding every time.
 * Build output goes to stderr: the browser host's stdout is its single "ready" line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUILT = 'dist/renderer/index.html';
const SOURCES = ['renderer', 'shared', 'vite.config.ts', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

export function rendererIsStale(): boolean {
  if (!existsSync(BUILT)) return true;
  const built = statSync(BUILT).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > built);
}

if (rendererIsStale()) {
  console.error('building the renderer (dist/renderer is missing or older than its sources)…');
  const r = spawnSync('npm', ['run', 'build:renderer'], {
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (r.status !== 0) {
    console.error('the renderer build failed');
    process.exit(r.status ?? 1);
  }
}
