import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  KeyStoreError,
  loadSecretKey,
  OS_WRAPPED_KEY_FILE,
  PLAIN_KEY_FILE,
  type OsSecretStorage,
} from './key-store';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'kiosk-key-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A stand-in for the OS keychain: reversible, but visibly different from the input. */
const fakeKeychain = (isProtected = true): OsSecretStorage => ({
  isProtected: () => isProtected,
  encryptString: (plain) => Buffer.from(`wrapped:${Buffer.from(plain).toString('hex')}`),
  decryptString: (sealed) => {
    const text = sealed.toString();
    if (!text.startsWith('wrapped:')) throw new Error('not ours');
    return Buffer.from(text.slice(8), 'hex').toString();
  },
});

describe('loadSecretKey', () => {
  it('creates a 0600 key file with a warning when the OS offers no protection, and reuses it', () => {
    const dir = tempDir();
    const first = loadSecretKey({ dataDir: dir, osStorage: fakeKeychain(false) });
    expect(first.protection).toBe('key-file');
    expect(first.warning).toBe(true);
    const file = join(dir, PLAIN_KEY_FILE);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const sealed = first.box.seal('x', 'l');
    const second = loadSecretKey({ dataDir: dir });
    expect(second.box.open(sealed, 'l').toString()).toBe('x');
  });

  it('wraps the key with the OS keychain and upgrades an existing key file without losing data', () => {
    const dir = tempDir();
    const plain = loadSecretKey({ dataDir: dir });
    const sealed = plain.box.seal('queued', 'l');
    const os = loadSecretKey({ dataDir: dir, osStorage: fakeKeychain() });
    expect(os.protection).toBe('os');
    expect(os.warning).toBe(false);
    expect(existsSync(join(dir, PLAIN_KEY_FILE))).toBe(false);
    expect(readFileSync(join(dir, OS_WRAPPED_KEY_FILE)).toString()).toMatch(/^wrapped:/);
    expect(os.box.open(sealed, 'l').toString()).toBe('queued');
    expect(loadSecretKey({ dataDir: dir, osStorage: fakeKeychain() }).box.open(sealed, 'l').toString()).toBe(
      'queued',
    );
  });

  it('fails clearly when an OS-wrapped key exists but the keychain is gone', () => {
    const dir = tempDir();
    loadSecretKey({ dataDir: dir, osStorage: fakeKeychain() });
    expect(() => loadSecretKey({ dataDir: dir })).toThrow(KeyStoreError);
  });

  it('tightens a key file that others can read, and rejects a damaged one', () => {
    if (process.platform === 'win32') return;
    const dir = tempDir();
    loadSecretKey({ dataDir: dir });
    const file = join(dir, PLAIN_KEY_FILE);
    chmodSync(file, 0o644);
    loadSecretKey({ dataDir: dir });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeFileSync(file, 'short');
    expect(() => loadSecretKey({ dataDir: dir })).toThrow(/damaged/);
  });

  it('keeps an ephemeral key for in-memory databases', () => {
    expect(loadSecretKey({ dataDir: ':memory:' }).protection).toBe('ephemeral');
  });
});
