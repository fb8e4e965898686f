/**
 * `npm run build:wasm`: compiles the WebAssembly modules from their AssemblyScript sources in
 * wasm/ into dist-wasm/ (bundling copies them into dist-electron/). A module is rebuilt only when
 * its source, the compiler version or the options changed (a digest is kept beside the output),
 * so calling this before every test run costs next to nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const WASM_OUT_DIR = join(ROOT, 'dist-wasm');

interface WasmModule {
  source: string;
  out: string;
}

export const WASM_MODULES: readonly WasmModule[] = [{ source: 'wasm/gost/gost.ts', out: 'gost.wasm' }];

const OPTIONS = [
  '--optimizeLevel',
  '3',
  '--shrinkLevel',
  '0',
  '--runtime',
  'stub',
  '--noAssert',
  '--initialMemory',
  '2',
];

function digestOf(m: WasmModule, compiler: string): string {
  return createHash('sha256')
    .update(readFileSync(join(ROOT, m.source)))
    .update(compiler)
    .update(OPTIONS.join(' '))
    .digest('hex');
}

/** Builds what is missing or stale; returns the modules it compiled. */
export async function buildWasm(opts: { force?: boolean; quiet?: boolean } = {}): Promise<string[]> {
  const compiler = (
    JSON.parse(readFileSync(join(ROOT, 'node_modules/assemblyscript/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  mkdirSync(WASM_OUT_DIR, { recursive: true });
  const built: string[] = [];
  for (const m of WASM_MODULES) {
    const out = join(WASM_OUT_DIR, m.out);
    const stamp = `${out}.sha256`;
    const digest = digestOf(m, compiler);
    if (!opts.force && existsSync(out) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest)
      continue;
    const asc = (await import('assemblyscript/asc')).default;
    const tmp = `${out}.tmp`;
    const errors: string[] = [];
    const { error, stderr } = await asc.main([join(ROOT, m.source), '--outFile', tmp, ...OPTIONS], {
      stderr: {
        write(chunk: string | Uint8Array) {
          errors.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
          return true;
        },
      },
    });
    if (error) {
      rmSync(tmp, { force: true });
      throw new Error(
        `AssemblyScript could not compile ${m.source}: ${error.message}\n${errors.join('') || String(stderr)}`,
      );
    }
    renameSync(tmp, out);
    writeFileSync(stamp, digest);
    built.push(m.out);
    if (!opts.quiet) console.log(`built ${m.source} → dist-wasm/${m.out} (AssemblyScript ${compiler})`);
  }
  return built;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildWasm({ force: process.argv.includes('--force') }).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
