/**
 * Bundles the Node-side programs into dist-electron/: Electron main and preload, the ops CLI, the
 * signer process, the directory sync worker, the browser host and the sandbox, with the WebAssembly modules (build/wasm.ts)
 * beside them. Packages stay external (electron-builder ships node_modules), except in the
 * preload: a sandboxed preload cannot require packages, so zod is inlined. Build-time packages
 * (devDependencies listed in INLINED) are inlined into every bundle that imports them, so the
 * packaged app neither needs nor ships them.
 */
import { builtinModules } from 'node:module';
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { build } from 'vite';
import { buildWasm, WASM_MODULES, WASM_OUT_DIR } from './wasm';

interface Entry {
  name: string;
  entry: string;
  format: 'cjs' | 'es';
  bundlePackages?: boolean;
}

export const ENTRIES: Entry[] = [
  { name: 'main', entry: 'electron/main.ts', format: 'cjs' },
  { name: 'preload', entry: 'electron/preload.ts', format: 'cjs', bundlePackages: true },
  { name: 'cli', entry: 'electron/cli.ts', format: 'es' },
  { name: 'signer', entry: 'electron/core/esign/signer-process.ts', format: 'cjs' },
  { name: 'directory-worker', entry: 'electron/core/directory/sync-worker.ts', format: 'cjs' },
  { name: 'sandbox', entry: 'electron/sandbox/cli.ts', format: 'es' },
];

/**
 * Inlined, never shipped: shevchenko (the greeting's name declension) is imported module by module,
 * so only its given-name and patronymic rules land in the bundle — not the TensorFlow model its
 * entry point loads for family names (hundreds of megabytes in node_modules).
 */
export const INLINED = ['shevchenko'];

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};
const packages = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.optionalDependencies ?? {})];
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const isExternal = (bundlePackages: boolean) => (id: string) =>
  id === 'electron' ||
  id.startsWith('electron/') ||
  nodeBuiltins.includes(id) ||
  (!bundlePackages && packages.some((p) => id === p || id.startsWith(`${p}/`)));

const fileOf = (e: Entry) => `${e.name}.${e.format === 'cjs' ? 'cjs' : 'mjs'}`;

// Start clean: a stale bundle beside fresh ones would be loaded by name and hide a broken build.
rmSync('dist-electron', { recursive: true, force: true });

for (const e of ENTRIES) {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: 'dist-electron',
      emptyOutDir: false,
      minify: false,
      sourcemap: false,
      target: 'node20',
      ssr: true,
      lib: {
        entry: e.entry,
        formats: [e.format],
        fileName: () => fileOf(e),
      },
      rollupOptions: {
        external: isExternal(e.bundlePackages ?? false),
        // SSR builds ignore lib.fileName; name the file explicitly, one self-contained file per program.
        output: { format: e.format, entryFileNames: fileOf(e), codeSplitting: false },
      },
    },
    ssr: { noExternal: e.bundlePackages ? true : INLINED },
  });
  if (!existsSync(`dist-electron/${fileOf(e)}`))
    throw new Error(`bundling ${e.entry} did not produce ${fileOf(e)}`);
  console.log(`bundled ${e.entry} → dist-electron/${fileOf(e)}`);
}

// the WebAssembly modules are loaded from beside the bundles (see esign/vendor/gost-wasm.ts)
await buildWasm({ quiet: true });
for (const m of WASM_MODULES) {
  copyFileSync(`${WASM_OUT_DIR}/${m.out}`, `dist-electron/${m.out}`);
  console.log(`copied dist-wasm/${m.out} → dist-electron/${m.out}`);
}
