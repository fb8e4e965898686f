/** Public shapes of the esign module (shared by the kiosk, the sandbox and the ops CLI). */
import type { TrustList } from './pki/trust';

export type { TrustList } from './pki/trust';

export interface SignerInfo {
  drfo: string | null;
  edrpou: string | null;
  commonName: string | null;
  surname: string | null;
  givenName: string | null;
  organization: string | null;
  /** Electronic seal of a legal entity (extended key usage 1.2.804.2.1.1.1.3.9). */
  isStamp: boolean;
  /** signingTime attribute, ISO 8601. */
  signingTime: string | null;
  /** genTime of the content time-stamp token, ISO 8601. */
  contentTimestamp: string | null;
  certificate: { serial: string; issuer: string; notBefore: string; notAfter: string };
}

/**
 * Why a verification failed. The first group means the input itself is unusable (CLI exit 2);
 * the rest are verdicts about a readable signature (exit 1).
 */
export const UNUSABLE_INPUT_CODES = [
  'INPUT_UNREADABLE',
  'INPUT_EMPTY',
  'INPUT_TOO_LARGE',
  'INPUT_NOT_CMS',
] as const;
export type VerifyErrorCode =
  | (typeof UNUSABLE_INPUT_CODES)[number]
  | 'UNSUPPORTED_ALGORITHM'
  | 'NO_CONTENT'
  | 'SIGNER_COUNT'
  | 'SIGNER_CERT_MISSING'
  | 'DIGEST_MISMATCH'
  | 'SIGNATURE_INVALID'
  | 'SIGNING_CERT_MISMATCH'
  | 'TIMESTAMP_MISSING'
  | 'TIMESTAMP_INVALID'
  | 'CERT_EXPIRED'
  | 'CERT_NOT_YET_VALID'
  | 'CERT_UNTRUSTED'
  | 'KEY_USAGE';

export interface VerifyReport {
  /** Every layer's digest and signature (and time-stamp tokens) verify. */
  integrity: boolean;
  chain: 'trusted' | 'untrusted' | 'not-checked';
  /** Outermost layer first. */
  signers: SignerInfo[];
  /** Innermost content, UTF-8 (a leading BOM and trailing NULs removed, as eHealth's DS does). */
  content: string | null;
  error: null | { code: VerifyErrorCode; message: string };
}

export interface VerifyOptions {
  /**
   * When the certificates must be valid: 'signing' — at the content time-stamp (else signingTime);
   * 'now' (default) — at signing time and now, like eHealth; a Date — at that instant.
   */
  at?: 'signing' | 'now' | Date;
  /** Without a trust list the chain is 'not-checked'. */
  trust?: TrustList;
  /** Fail when a signer has no content time-stamp (eHealth requires one). */
  requireTimestamp?: boolean;
  /** eHealth requires exactly one signer per envelope; allow more. */
  allowMultipleSigners?: boolean;
  now?: () => Date;
}

export const isUnusableInput = (code: VerifyErrorCode): boolean =>
  (UNUSABLE_INPUT_CODES as readonly string[]).includes(code);
