/**
 * Vitest global set-up (node project): the WebAssembly modules the tests load are built from
 * source first (a no-op when dist-wasm/ is up to date), so `npx vitest run` works on a fresh clone.
 */
import { buildWasm } from './wasm';

export default async function setup(): Promise<void> {
  await buildWasm({ quiet: true });
}
