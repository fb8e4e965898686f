/**
 * The GOST primitives compiled to WebAssembly from wasm/gost/gost.ts (`npm run build:wasm`):
 * the same results as gost89 (tested byte for byte), at native speed. Loaded once per process
 * from dist-wasm/gost.wasm (source runs) or gost.wasm beside the bundle (dist-electron); when the
 * file is missing or does not instantiate, `loadGostWasm()` returns null and the caller stays on
 * gost89. Every call copies its inputs into the module's memory, and wipes that memory and the
 * module's keys and hash state before returning.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface GostWasm {
  hash(data: Uint8Array): Buffer;
  pbkdf(password: Uint8Array, salt: Uint8Array, iterations: number): Buffer;
  dumbKdf(input: Uint8Array, passes: number): Buffer;
  ecb(key: Uint8Array, input: Uint8Array, decrypt: boolean): Buffer;
  cfb(key: Uint8Array, iv: Uint8Array, input: Uint8Array, decrypt: boolean): Buffer;
  mac(key: Uint8Array, input: Uint8Array): Buffer;
  /** Where it was loaded from (diagnostics). */
  readonly file: string;
  /** A copy of the module's whole memory (the test that nothing secret stays behind). */
  snapshot(): Uint8Array;
}

/** The part of the WebAssembly API used here (the Node-only type set has no DOM/wasm types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const WebAssemblyApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

interface Exports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  scratch(): number;
  wipe(): void;
  hash(input: number, len: number, out: number): void;
  pbkdf(pw: number, pwLen: number, salt: number, saltLen: number, iterations: number, out: number): void;
  dumbKdf(input: number, len: number, passes: number, out: number): void;
  ecb(key: number, input: number, len: number, out: number, decrypt: number): void;
  cfb(key: number, iv: number, input: number, len: number, out: number, decrypt: number): void;
  mac(key: number, input: number, len: number, out: number): void;
}

/** Where this build keeps the module: beside the bundle, or dist-wasm/ of a source checkout. */
export function gostWasmFile(): string {
  const here = fileURLToPath(import.meta.url);
  return here.endsWith('.ts')
    ? join(dirname(here), '..', '..', '..', '..', 'dist-wasm', 'gost.wasm')
    : join(dirname(here), 'gost.wasm');
}

function bind(file: string, e: Exports): GostWasm {
  const base = e.scratch();
  /** Copies the inputs to the scratch area (16-byte aligned), runs, copies `outLen` bytes out, wipes. */
  const call = (inputs: readonly Uint8Array[], outLen: number, run: (at: number[], out: number) => void) => {
    const at: number[] = [];
    let p = base;
    for (const i of inputs) {
      at.push(p);
      p += (i.length + 15) & ~15;
    }
    const out = p;
    const end = out + outLen;
    const missing = end - e.memory.buffer.byteLength;
    if (missing > 0) e.memory.grow(Math.ceil(missing / 65536));
    let mem = new Uint8Array(e.memory.buffer);
    inputs.forEach((i, n) => mem.set(i, at[n] as number));
    try {
      run(at, out);
      mem = new Uint8Array(e.memory.buffer);
      return Buffer.from(mem.subarray(out, end));
    } finally {
      new Uint8Array(e.memory.buffer).fill(0, base, end);
      e.wipe();
    }
  };
  return {
    file,
    snapshot: () => new Uint8Array(e.memory.buffer).slice(),
    hash: (data) => call([data], 32, ([d], out) => e.hash(d as number, data.length, out)),
    pbkdf: (password, salt, iterations) =>
      call([password, salt], 32, ([p, s], out) =>
        e.pbkdf(p as number, password.length, s as number, salt.length, iterations, out),
      ),
    dumbKdf: (input, passes) =>
      call([input], 32, ([i], out) => e.dumbKdf(i as number, input.length, passes, out)),
    ecb: (key, input, decrypt) =>
      call([key, input], input.length, ([k, i], out) =>
        e.ecb(k as number, i as number, input.length, out, decrypt ? 1 : 0),
      ),
    cfb: (key, iv, input, decrypt) =>
      call([key, iv, input], input.length, ([k, v, i], out) =>
        e.cfb(k as number, v as number, i as number, input.length, out, decrypt ? 1 : 0),
      ),
    mac: (key, input) =>
      call([key, input], 4, ([k, i], out) => e.mac(k as number, i as number, input.length, out)),
  };
}

let loaded: GostWasm | null | undefined;

/** The module of this build, or null when it is missing or broken (the caller falls back to gost89). */
export function loadGostWasm(file = gostWasmFile()): GostWasm | null {
  if (loaded !== undefined && file === gostWasmFile()) return loaded;
  let result: GostWasm | null = null;
  try {
    if (existsSync(file)) {
      const instance = new WebAssemblyApi.Instance(new WebAssemblyApi.Module(readFileSync(file)), {
        env: {
          abort: () => {
            throw new Error('gost.wasm aborted');
          },
        },
      });
      result = bind(file, instance.exports as unknown as Exports);
    }
  } catch {
    result = null;
  }
  if (file === gostWasmFile()) loaded = result;
  return result;
}
