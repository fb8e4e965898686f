/**
 * The eHealth API client: configuration, official hosts, transport, tokens, errors, the PIS
 * endpoints and the schemas of what eHealth answers.
 */
export * from './client';
export * from './config';
export * from './envelope';
export * from './errors';
export * from './paths';
export * from './pis-api';
export * from './tokens';
export * from './transport';
export type { Mutation, PageQuery } from './api/person';
export type { BulkBatch } from './api/bulk';
export * as schemas from './schemas/index';
export { streamBulk } from './api/bulk-stream';
export {
  baseUrlFor,
  isOfficialHost,
  OFFICIAL_EHEALTH_HOSTS,
  OperatorHosts,
  OperatorHostUrl,
  pinnedTransport,
  type RealEnvironment,
} from './hosts';
export { type App } from './schemas/apps';
export { type AccessToken } from './schemas/auth';
export {
  type BulkDeclarationsLimit,
  type BulkDivision,
  type BulkEmployee,
  type BulkEmployeeRole,
  type BulkEntity,
  type BulkHealthcareService,
  type BulkLegalEntity,
  type BulkParty,
} from './schemas/bulk';
export { type Address, JsonObject } from './schemas/common';
export { type DeclarationListItem, DeclarationRequest } from './schemas/declarations';
export {
  type AuthenticationMethod,
  type Person,
  PersonRequest,
  type PersonVerification,
  type PersonVerificationDetails,
} from './schemas/person';
export { SKEW_WARNING_MS } from './server-clock';
export { SignUp } from './schemas/auth';
