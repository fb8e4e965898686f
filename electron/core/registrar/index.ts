/**
 * Registrar mode: accounts and PIN lockout, the registrar/assisted-session state, the panel, the
 * settings service and the trust list, composed by compose.ts. services.ts builds it;
 * ipc/handlers/registrar.ts exposes it; the ops CLI manages accounts.
 */
export { RegistrarAccounts } from './accounts';
export { createRegistrar, type Registrar } from './compose';
export { type ScryptParams } from './pin';
export { TRUST_SETTING_KEY, TrustListInfo } from './trust-store';
