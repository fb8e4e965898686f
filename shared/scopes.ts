/**
 * The eHealth scopes a patient session of the kiosk asks for at sign-in: reading and changing the
 * person, their declarations and declaration requests, person requests, authentication methods and
 * the e-cabinet apps. The kiosk requests exactly this on every environment; the training sandbox
 * grants its kiosk client exactly this.
 */
export const PATIENT_SCOPES = [
  'person:sign_in',
  'authentication_method:write',
  'person_request:read',
  'person_request:write',
  'declaration:read_pis',
  'declaration:terminate_pis',
  'declaration_request:write_pis',
  'declaration_request:read_pis',
  'declaration_request:details_pis',
  'declaration_request:sign_pis',
  'declaration_request:reject_pis',
  'app:read',
  'app:delete',
] as const;

/** The same, as the space-separated `scope` string OAuth wants. */
export const PATIENT_SCOPE = PATIENT_SCOPES.join(' ');
