/**
 * A stand-in for the part of an Electron executable that fuses live in: arbitrary bytes around
 * @electron/fuses' sentinel, a wire version, a length and one state byte per fuse, with Electron's
 * defaults (RunAsNode, NODE_OPTIONS, --inspect and file:// privileges on; the rest off). Only for
 * tests and the packaging layout check on machines without an Electron binary — never shipped.
 */
import { randomBytes } from 'node:crypto';

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
export const ELECTRON_DEFAULT_WIRE = '10110001';

export function fakeElectronBinary(wire = ELECTRON_DEFAULT_WIRE): Buffer {
  return Buffer.concat([
    Buffer.from('\x7fELF stand-in, not Electron\n'),
    randomBytes(512),
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, wire.length]),
    Buffer.from(wire, 'latin1'),
    randomBytes(512),
  ]);
}

/** A `.node` file's symbol table, as far as the ABI check reads it. */
export const fakeNativeModule = (symbol: string): Buffer =>
  Buffer.concat([randomBytes(256), Buffer.from(`\0${symbol}\0`, 'latin1'), randomBytes(256)]);
