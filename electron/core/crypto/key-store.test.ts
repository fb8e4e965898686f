import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AUDIT_KEYED_FILE,
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

  it('remembers that the audit chain is keyed, inside the OS-wrapped blob or beside a key file', () => {
    const dir = tempDir();
    const plain = loadSecretKey({ dataDir: dir });
    expect(plain.auditChain.keyed).toBe(false);
    plain.auditChain.markKeyed();
    expect(loadSecretKey({ dataDir: dir }).auditChain.keyed).toBe(true);
    // wrapping the key file for the OS keychain carries the mark along, inside the wrapped blob
    const os = loadSecretKey({ dataDir: dir, osStorage: fakeKeychain() });
    expect(os.auditChain.keyed).toBe(true);
    expect(existsSync(join(dir, AUDIT_KEYED_FILE))).toBe(false);
    const again = loadSecretKey({ dataDir: dir, osStorage: fakeKeychain() });
    expect(again.auditChain.keyed).toBe(true);
    expect(again.box.mac('x', 'p')).toBe(plain.box.mac('x', 'p'));
  });

  it('reads a wrapped key written by an older version (the bare key) and marks it keyed later', () => {
    const dir = tempDir();
    const key = Buffer.alloc(32, 7);
    writeFileSync(join(dir, OS_WRAPPED_KEY_FILE), fakeKeychain().encryptString(key.toString('base64')));
    const old = loadSecretKey({ dataDir: dir, osStorage: fakeKeychain() });
    expect(old.auditChain.keyed).toBe(false);
    const sealed = old.box.seal('queued', 'l');
    old.auditChain.markKeyed();
    const reloaded = loadSecretKey({ dataDir: dir, osStorage: fakeKeychain() });
    expect(reloaded.auditChain.keyed).toBe(true);
    expect(reloaded.box.open(sealed, 'l').toString()).toBe('queued');
  });

  it('never makes a key when asked not to (the ops CLI)', () => {
    expect(() => loadSecretKey({ dataDir: tempDir(), create: false })).toThrow(KeyStoreError);
  });
});
