/**
 * Electron's safeStorage behind the services' OsSecretStorage port (the at-rest key of the outbox).
 * On Linux without a secret service Electron falls back to `basic_text`, which protects nothing:
 * that is reported as unprotected, so the services use their key file and warn the registrar.
 */
import type { SafeStorage } from 'electron';
import type { OsSecretStorage } from '../core/crypto';

const UNPROTECTED_LINUX_BACKENDS = new Set(['basic_text', 'unknown']);

export function electronSecretStorage(
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
    getSelectedStorageBackend?: () => string;
  },
  platform: NodeJS.Platform = process.platform,
): OsSecretStorage {
  return {
    isProtected() {
      if (!safeStorage.isEncryptionAvailable()) return false;
      if (platform !== 'linux') return true;
      const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
      return !UNPROTECTED_LINUX_BACKENDS.has(backend);
    },
    encryptString: (plain) => safeStorage.encryptString(plain),
    decryptString: (sealed) => safeStorage.decryptString(sealed),
    backend: () =>
      platform === 'linux'
        ? (safeStorage.getSelectedStorageBackend?.() ?? 'unknown')
        : `${platform} keychain`,
  };
}
