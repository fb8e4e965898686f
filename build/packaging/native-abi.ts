/**
 * Native modules in a packaged kiosk must be built for Electron's ABI, not Node's. A module built
 * against Node's headers (what `npm install` does, and what `nodedir=/usr` makes electron-rebuild
 * do silently) exports `node_register_module_v<Node ABI>`; Electron refuses to load it at run time
 * — on a kiosk, long after the build. This reads the exported symbol and refuses such a module at
 * build time. Node-API modules (`napi_register_module_v1`) are ABI-stable and pass.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** NODE_MODULE_VERSION of each Electron major (node-abi's registry); add a row when Electron moves. */
export const ELECTRON_ABI: Readonly<Record<number, number>> = {
  39: 140,
  40: 143,
  41: 145,
  42: 146,
  43: 148,
  44: 149,
  45: 150,
  46: 154,
};

export type ModuleAbi = { kind: 'node-api' } | { kind: 'abi'; abi: number } | { kind: 'unknown' };

/** What a compiled `.node` file was built for, from the symbol it registers itself with. */
export function moduleAbiOf(binary: Buffer): ModuleAbi {
  const text = binary.toString('latin1');
  const versioned = /node_register_module_v(\d{2,4})/.exec(text);
  if (versioned) return { kind: 'abi', abi: Number(versioned[1]) };
  if (text.includes('napi_register_module_v1')) return { kind: 'node-api' };
  return { kind: 'unknown' };
}

export function electronAbi(electronVersion: string): number {
  const major = Number(/^v?(\d+)\./.exec(electronVersion)?.[1]);
  const abi = ELECTRON_ABI[major];
  if (abi === undefined)
    throw new Error(
      `no known NODE_MODULE_VERSION for Electron ${electronVersion}; add it to ELECTRON_ABI in build/packaging/native-abi.ts`,
    );
  return abi;
}

export interface NativeModuleReport {
  file: string;
  abi: ModuleAbi;
  ok: boolean;
}

function nodeFiles(dir: string, out: string[] = [], depth = 0): string[] {
  if (depth > 12) return out;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) nodeFiles(path, out, depth + 1);
    else if (e.isFile() && e.name.endsWith('.node')) out.push(path);
  }
  return out;
}

/**
 * Every `.node` file under `dir`, with what it was built for. `ok` is false for a module built for
 * another ABI than this Electron's, and for one whose build cannot be recognised.
 */
export function checkNativeModules(dir: string, electronVersion: string): NativeModuleReport[] {
  const expected = electronAbi(electronVersion);
  return nodeFiles(dir)
    .filter((file) => statSync(file).size > 0)
    .map((file) => {
      const abi = moduleAbiOf(readFileSync(file));
      const ok = abi.kind === 'node-api' || (abi.kind === 'abi' && abi.abi === expected);
      return { file: relative(dir, file), abi, ok };
    });
}

export function describeReport(r: NativeModuleReport, electronVersion: string): string {
  const built =
    r.abi.kind === 'node-api'
      ? 'Node-API (any ABI)'
      : r.abi.kind === 'abi'
        ? `ABI ${r.abi.abi}`
        : 'an unrecognised build';
  return `${r.ok ? 'ok     ' : 'REFUSED'} ${r.file}: ${built}; Electron ${electronVersion} needs ABI ${electronAbi(electronVersion)}`;
}
