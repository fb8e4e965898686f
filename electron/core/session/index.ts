/**
 * The patient session: its one owner (SessionManager), sign-in with the patient's key, acting for a
 * child, the key list, and the patient side composed (compose.ts).
 */
export { type ActingService } from './acting';
export { createPatientServices, type PatientPorts } from './compose';
export { folderMedia } from './folder-media';
export { type KeyList } from './key-list';
export { OperationAccess } from './operation-access';
export { type PatientContext, type PatientPort } from './patient-port';
export { type PatientSession } from './patient-session';
export { revocationRefusal } from './revocation';
export { type SessionEndCause, type SessionEnds, SessionManager } from './session-manager';
export { enterCabinet, forRenderer, type KeyOwner, type SignInDeps, type SignInService } from './sign-in';
