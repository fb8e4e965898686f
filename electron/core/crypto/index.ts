/**
 * Secrets at rest: the at-rest key (OS-wrapped or a key file) and the secret box that seals with it.
 */
export { SecretBox, SecretBoxError, SECRET_KEY_BYTES } from './secret-box';
export {
  loadSecretKey,
  KeyStoreError,
  AUDIT_KEYED_FILE,
  type AuditChainMarker,
  OS_WRAPPED_KEY_FILE,
  PLAIN_KEY_FILE,
  type KeyProtection,
  type LoadedKey,
  type OsSecretStorage,
} from './key-store';
