import { describe, expect, it } from 'vitest';
import { electronSecretStorage } from './electron-safe-storage';

const fake = (available: boolean, backend?: string) => ({
  isEncryptionAvailable: () => available,
  encryptString: (s: string) => Buffer.from(`sealed:${s}`),
  decryptString: (b: Buffer) => b.toString().replace(/^sealed:/, ''),
  ...(backend ? { getSelectedStorageBackend: () => backend } : {}),
});

describe('Electron safeStorage port', () => {
  it('counts as protection only with a real OS keystore', () => {
    expect(electronSecretStorage(fake(true), 'win32').isProtected()).toBe(true);
    expect(electronSecretStorage(fake(true), 'darwin').isProtected()).toBe(true);
    expect(electronSecretStorage(fake(true, 'gnome_libsecret'), 'linux').isProtected()).toBe(true);
    expect(electronSecretStorage(fake(true, 'basic_text'), 'linux').isProtected()).toBe(false);
    expect(electronSecretStorage(fake(true), 'linux').isProtected()).toBe(false);
    expect(electronSecretStorage(fake(false, 'kwallet5'), 'linux').isProtected()).toBe(false);
  });

  it('names the store for the operator’s log (what docs/install-linux.md tells to check)', () => {
    expect(electronSecretStorage(fake(true, 'gnome_libsecret'), 'linux').backend?.()).toBe('gnome_libsecret');
    expect(electronSecretStorage(fake(true, 'basic_text'), 'linux').backend?.()).toBe('basic_text');
    expect(electronSecretStorage(fake(true), 'win32').backend?.()).toBe('win32 keychain');
  });

  it('seals and opens through safeStorage', () => {
    const s = electronSecretStorage(fake(true), 'win32');
    expect(s.decryptString(s.encryptString('key'))).toBe('key');
    expect(s.encryptString('key').toString()).toBe('sealed:key');
  });
});
