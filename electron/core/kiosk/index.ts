/**
 * Kiosk-wide pieces every part of the kiosk may use: the audit log, the settings and the sealed
 * eHealth credentials kept in the settings table, the note of the link for the ops CLI, and timers
 * as a port.
 */
export {
  AUDIT_ANCHOR_ACTION,
  AuditLog,
  GENESIS_HASH,
  type AuditActor,
  type AuditChainKey,
  type AuditEntry,
  type AuditVerification,
} from './audit';
export { noteLink, readLinkNote, RUNTIME_CONNECTIVITY_KEY, type LinkNote } from './link-note';
export {
  REAL_ENVIRONMENTS,
  SECRET_NAMES,
  SecretSettings,
  type RealEnvironment,
  type SecretName,
  type SecretState,
} from './secrets';
export { DEFAULT_SETTINGS, KioskSettings, SettingsStore, SettingsTable, type SettingRow } from './settings';
export { realTimers, type Timers } from './timers';
