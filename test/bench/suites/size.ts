/**
 * 6. Size: the renderer as `npm run build:renderer` builds it (vite, this project's config), its
 * JavaScript and CSS gzipped at level 9, against React + ReactDOM alone (a page that only mounts
 * a root, built the same way) as a reference point; and the installed dependency footprint:
 * the production `dependencies` closure (what a packaged kiosk ships) against all of node_modules.
 */
import { readdirSync, readFileSync, lstatSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';
import { PROJECT_ROOT, projectPath } from '../lib/child';
import { GROUPS, type BenchContext } from '../lib/context';
import { formatNumber } from '../lib/results';

interface AssetSizes {
  jsRaw: number;
  jsGzip: number;
  cssRaw: number;
  cssGzip: number;
  files: number;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

export function assetSizes(dir: string): AssetSizes {
  const s: AssetSizes = { jsRaw: 0, jsGzip: 0, cssRaw: 0, cssGzip: 0, files: 0 };
  for (const f of filesUnder(dir)) {
    const js = /\.m?js$/.test(f);
    const css = f.endsWith('.css');
    if (!js && !css) continue;
    const bytes = readFileSync(f);
    const gz = gzipSync(bytes, { level: 9 }).length;
    s.files++;
    if (js) {
      s.jsRaw += bytes.length;
      s.jsGzip += gz;
    } else {
      s.cssRaw += bytes.length;
      s.cssGzip += gz;
    }
  }
  return s;
}

/** A page that only mounts an empty React root: the runtime every React renderer carries. */
function reactReference(): Plugin {
  const id = 'virtual:react-reference';
  return {
    name: 'react-reference',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load: (source) =>
      source === `\0${id}`
        ? `import { createElement } from 'react';
           import { createRoot } from 'react-dom/client';
           createRoot(document.getElementById('root')).render(createElement('main', null, 'x'));`
        : null,
  };
}

/** Apparent bytes per installed package (`node_modules/a`, `node_modules/a/node_modules/b`). */
function packageSizes(root: string): Map<string, number> {
  const sizes = new Map<string, number>();
  const walk = (dir: string, pkg: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      const rel = relative(root, p).split(sep).join('/');
      if (e.isDirectory()) {
        const parent = relative(root, dir).split(sep).join('/');
        const isPackage =
          (parent.endsWith('node_modules') && !e.name.startsWith('@') && !e.name.startsWith('.')) ||
          /node_modules\/@[^/]+$/.test(parent);
        walk(p, isPackage ? rel : pkg);
      } else {
        sizes.set(pkg, (sizes.get(pkg) ?? 0) + lstatSync(p).size);
      }
    }
  };
  walk(join(root, 'node_modules'), 'node_modules');
  return sizes;
}

interface LockEntry {
  dev?: boolean;
  devOptional?: boolean;
}

export async function benchSize(ctx: BenchContext): Promise<void> {
  const outDir = join(ctx.tmp, 'renderer');
  ctx.progress('size: building the renderer (vite, project config)');
  await build({
    configFile: projectPath('vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
  ctx.rendererDir = outDir;
  const renderer = assetSizes(outDir);

  ctx.progress('size: building the React + ReactDOM reference');
  const refDir = join(ctx.tmp, 'react-reference');
  await build({
    configFile: false,
    root: PROJECT_ROOT,
    logLevel: 'error',
    plugins: [reactReference()],
    build: {
      outDir: refDir,
      emptyOutDir: true,
      target: 'chrome130',
      rollupOptions: { input: 'virtual:react-reference' },
    },
  });
  const reference = assetSizes(refDir);
  const kib = (b: number) => b / 1024;
  const refBaseline = {
    name: 'React + ReactDOM runtime alone (a page mounting an empty root), gzip -9',
    value: kib(reference.jsGzip),
    detail: `${formatNumber(kib(reference.jsRaw))} KiB raw`,
  };
  ctx.add({
    group: GROUPS.size,
    name: 'renderer JavaScript, gzip -9',
    value: kib(renderer.jsGzip),
    unit: 'KiB',
    detail: `${formatNumber(kib(renderer.jsRaw))} KiB raw`,
    baseline: refBaseline,
    better: 'lower',
  });
  ctx.add({
    group: GROUPS.size,
    name: 'renderer JavaScript + CSS, gzip -9',
    value: kib(renderer.jsGzip + renderer.cssGzip),
    unit: 'KiB',
    detail: `CSS ${formatNumber(kib(renderer.cssGzip))} KiB gzipped (${formatNumber(kib(renderer.cssRaw))} KiB raw); ${renderer.files} files`,
    baseline: refBaseline,
    better: 'lower',
  });

  ctx.progress('size: installed dependencies');
  const lockFile = projectPath('package-lock.json');
  if (!existsSync(lockFile))
    throw new Error('package-lock.json is missing: the production closure cannot be told apart');
  const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as { packages: Record<string, LockEntry> };
  const sizes = packageSizes(PROJECT_ROOT);
  let all = 0;
  for (const v of sizes.values()) all += v;
  let production = 0;
  let productionPackages = 0;
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path.startsWith('node_modules/') || entry.dev || entry.devOptional) continue;
    const size = sizes.get(path);
    if (size === undefined) continue; // optional and not installed on this platform
    production += size;
    productionPackages++;
  }
  const mib = (b: number) => b / 2 ** 20;
  ctx.add({
    group: GROUPS.size,
    name: `production dependency closure (${productionPackages} packages, as installed)`,
    value: mib(production),
    unit: 'MiB',
    detail: 'package-lock entries not marked dev, apparent file sizes',
    baseline: {
      name: `all of node_modules (${sizes.size - 1} packages, dev tools included)`,
      value: mib(all),
    },
    better: 'lower',
  });
}
