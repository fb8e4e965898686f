import type { Logger } from 'pino';
import type { Db } from '../core/db';
import type { Faults } from './faults';
import type { SignatureVerifier } from './signature';

export interface SandboxConfig {
  clientId: string;
  clientSecret: string;
  apiKey: string;
  /** every scope the kiosk's client may request */
  scope: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  nonceTtlSeconds: number;
  /** declaration and person requests not signed within this many days expire */
  requestTtlDays: number;
  declarationTermDays: number;
  otpTtlMinutes: number;
  otpMaxAttempts: number;
  pageSizeMax: number;
  pageSizeDefault: number;
  /** how long a pre-signed document upload URL stays valid */
  uploadUrlTtlSeconds: number;
}

/** Everything a handler may use. One per running sandbox. */
export interface SandboxState {
  db: Db;
  now: () => Date;
  baseUrl: string;
  config: SandboxConfig;
  jwtSecret: Buffer;
  faults: Faults;
  verifier: SignatureVerifier;
  log: Logger;
  /** distinguishes this process from earlier ones in the idempotency table */
  bootId: string;
  seed: 'small' | 'national';
  /** the RFC 3161 service mounted at /tsa, once the PKI is ready */
  tsa: { respond(request: Uint8Array): Uint8Array } | null;
  /** the test CA's OCSP responder mounted at /ocsp, once the PKI is ready */
  ocsp: { respond(request: Uint8Array): Uint8Array } | null;
}
