import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { SECRET_KEY_BYTES, SecretBox } from './secret-box';

/**
 * The operating system's secret protection, shaped like Electron's `safeStorage` so the Electron
 * host can pass a thin adapter. `isProtected()` must be false when the platform only pretends
 * (Electron's `basic_text` backend on Linux without a keyring).
 */
export interface OsSecretStorage {
  isProtected(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
  /** Which store protects it, for the operator's log (Linux: Electron's selected backend). */
  backend?(): string;
}

/**
 * How the at-rest key is protected:
 * - `os`: wrapped by the OS keychain (DPAPI, Keychain, libsecret) — the good case;
 * - `key-file`: a file readable only by the kiosk user — the registrar view shows a warning;
 * - `ephemeral`: in memory only (':memory:' databases in tests), nothing survives a restart.
 */
export type KeyProtection = 'os' | 'key-file' | 'ephemeral';

/**
 * Whether this kiosk's audit chain has been keyed (core/kiosk/audit.ts). Recorded with the key
 * — inside the OS-wrapped blob when the OS protects it — so that a database file rewritten as an
 * unkeyed chain is not quietly re-anchored at the next start: once keyed, a kiosk never re-anchors.
 */
export interface AuditChainMarker {
  readonly keyed: boolean;
  /** Records that the chain is keyed (idempotent). */
  markKeyed(): void;
}

export interface LoadedKey {
  box: SecretBox;
  protection: KeyProtection;
  /** True when the registrar should be warned that the key is not OS-protected. */
  warning: boolean;
  auditChain: AuditChainMarker;
}

export const OS_WRAPPED_KEY_FILE = 'secret-key.os';
export const PLAIN_KEY_FILE = 'secret-key';
/** Beside a plain key file (which protects nothing against whoever can read the disk anyway). */
export const AUDIT_KEYED_FILE = 'audit-chain-keyed';

/** What the OS-wrapped file holds: the key, and whether the audit chain is keyed (older kiosks: the bare key). */
interface Wrapped {
  key: string;
  auditKeyed: boolean;
}

function unwrapText(text: string): Wrapped {
  if (!text.startsWith('{')) return { key: text, auditKeyed: false };
  const w = JSON.parse(text) as Partial<Wrapped>;
  if (typeof w.key !== 'string') throw new KeyStoreError(`${OS_WRAPPED_KEY_FILE} is damaged`);
  return { key: w.key, auditKeyed: w.auditKeyed === true };
}

function memoryMarker(): AuditChainMarker {
  let keyed = false;
  return {
    get keyed() {
      return keyed;
    },
    markKeyed: () => {
      keyed = true;
    },
  };
}

export class KeyStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyStoreError';
  }
}

function writeAtomically(file: string, content: Buffer | string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, content, { mode: 0o600 });
  renameSync(tmp, file);
  chmodSync(file, 0o600);
}

function readPlainKey(file: string): Buffer {
  // A key file others can read is tightened rather than trusted as is.
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== SECRET_KEY_BYTES) throw new KeyStoreError(`${PLAIN_KEY_FILE} is damaged`);
  return key;
}

/**
 * Loads the kiosk's at-rest key from the data directory, creating it on first use. With a
 * protecting OS store the key lives only wrapped by it (a plain key file left from an earlier
 * unprotected start is wrapped and removed); otherwise in a 0600 key file, flagged with a warning.
 */
export function loadSecretKey(opts: {
  dataDir: string;
  osStorage?: OsSecretStorage | null;
  random?: (n: number) => Buffer;
  /** false: a missing key is an error rather than made (the ops CLI checks, it never mints a key). */
  create?: boolean;
}): LoadedKey {
  const random = opts.random ?? randomBytes;
  if (opts.dataDir === ':memory:') {
    return {
      box: new SecretBox(random(SECRET_KEY_BYTES)),
      protection: 'ephemeral',
      warning: true,
      auditChain: memoryMarker(),
    };
  }
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const wrappedFile = join(opts.dataDir, OS_WRAPPED_KEY_FILE);
  const plainFile = join(opts.dataDir, PLAIN_KEY_FILE);
  const markerFile = join(opts.dataDir, AUDIT_KEYED_FILE);
  const os = opts.osStorage && opts.osStorage.isProtected() ? opts.osStorage : null;
  const osMarker = (storage: OsSecretStorage, key: Buffer, keyed: boolean): AuditChainMarker => ({
    get keyed() {
      return keyed;
    },
    markKeyed() {
      if (keyed) return;
      const text = JSON.stringify({ key: key.toString('base64'), auditKeyed: true } satisfies Wrapped);
      writeAtomically(wrappedFile, storage.encryptString(text));
      keyed = true;
    },
  });

  if (existsSync(wrappedFile)) {
    if (!os) {
      throw new KeyStoreError(
        'the at-rest key is protected by the OS keychain, which is not available now; queued operations cannot be read',
      );
    }
    let text: string;
    try {
      text = os.decryptString(readFileSync(wrappedFile));
    } catch {
      throw new KeyStoreError('the OS keychain refused to unwrap the at-rest key');
    }
    let wrapped: Wrapped;
    try {
      wrapped = unwrapText(text);
    } catch {
      throw new KeyStoreError(`${OS_WRAPPED_KEY_FILE} is damaged`);
    }
    const key = Buffer.from(wrapped.key, 'base64');
    if (key.length !== SECRET_KEY_BYTES) throw new KeyStoreError(`${OS_WRAPPED_KEY_FILE} is damaged`);
    return {
      box: new SecretBox(key),
      protection: 'os',
      warning: false,
      auditChain: osMarker(os, key, wrapped.auditKeyed),
    };
  }

  if (opts.create === false && !existsSync(plainFile))
    throw new KeyStoreError('this data directory has no at-rest key (the kiosk has not run here)');

  if (os) {
    const key = existsSync(plainFile) ? readPlainKey(plainFile) : random(SECRET_KEY_BYTES);
    const auditKeyed = existsSync(markerFile);
    writeAtomically(
      wrappedFile,
      os.encryptString(JSON.stringify({ key: key.toString('base64'), auditKeyed } satisfies Wrapped)),
    );
    rmSync(plainFile, { force: true });
    rmSync(markerFile, { force: true });
    return {
      box: new SecretBox(key),
      protection: 'os',
      warning: false,
      auditChain: osMarker(os, key, auditKeyed),
    };
  }

  if (!existsSync(plainFile)) writeAtomically(plainFile, random(SECRET_KEY_BYTES).toString('base64'));
  return {
    box: new SecretBox(readPlainKey(plainFile)),
    protection: 'key-file',
    warning: true,
    auditChain: {
      get keyed() {
        return existsSync(markerFile);
      },
      markKeyed() {
        if (!existsSync(markerFile)) writeAtomically(markerFile, 'the audit chain of this kiosk is keyed\n');
      },
    },
  };
}
