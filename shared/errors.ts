/**
 * Every error code a kiosk service may return. The renderer maps each code to a Ukrainian and an
 * English message (renderer/src/i18n); a code without a message fails the i18n test.
 */
export const ERROR_CODES = [
  // transport / router
  'BAD_REQUEST',
  'FORBIDDEN_SENDER',
  'UNKNOWN_CHANNEL',
  'INTERNAL',
  'NOT_AVAILABLE',
  // session
  'NO_SESSION',
  'SESSION_BUSY',
  'AGE_UNDER_14',
  'VIEW_ONLY',
  // acting for a child (a parent or guardian with their own key)
  'NO_RELATION',
  'CHILD_NOT_FOUND',
  'ACTING_NOT_ALLOWED',
  // e-signature
  'KEY_NOT_FOUND',
  'KEY_UNREADABLE',
  'KEY_WRONG_PASSWORD',
  'KEY_LOCKED',
  'KEY_NO_SIGNING_KEY',
  'CERT_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'CERT_STATUS_UNKNOWN',
  'SIGNER_MISMATCH',
  'SIGNER_FAILED',
  'TSA_UNAVAILABLE',
  // eHealth
  'EHEALTH_UNAVAILABLE',
  'EHEALTH_REJECTED',
  'EHEALTH_UNAUTHORIZED',
  'EHEALTH_FORBIDDEN',
  'EHEALTH_NOT_FOUND',
  'EHEALTH_CONFLICT',
  'PERSON_NOT_FOUND',
  'VALIDATION',
  'SMS_CODE_WRONG',
  'SMS_CODE_EXPIRED',
  'SMS_ATTEMPTS_EXCEEDED',
  // local storage / outbox / directory
  'DISK_FULL',
  'STORAGE_FAILED',
  'OPERATION_NOT_FOUND',
  'DIRECTORY_EMPTY',
  'SYNC_FAILED',
  // registrar
  'PIN_NOT_SET',
  'PIN_WRONG',
  'PIN_LOCKED',
  'NOT_ENROLLED',
  'ENROLLMENT_CODE_WRONG',
  'REGISTRAR_REQUIRED',
  'BIRTH_DATE_MISMATCH',
  'BIRTH_DATE_NOT_CONFIRMED',
  'OUTBOX_NOT_EMPTY',
  'TRUST_LIST_INVALID',
  'PRINT_FAILED',
  // declarations, doctors, e-cabinet access
  'DOCTOR_FULL',
  'SPECIALITY_NOT_FOR_AGE',
  'DECLARATION_NOT_ACTIVE',
  'FLOW_EXPIRED',
  // documents eHealth asks for (capture, upload)
  'CAMERA_UNAVAILABLE',
  'CAMERA_REFUSED',
  'DOCUMENT_INVALID',
  'DOCUMENT_TOO_LARGE',
  'DOCUMENT_UPLOAD_FAILED',
  'MEDIUM_NO_IMAGES',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
