import type { BulkEntity } from './schemas/bulk';

const seg = (id: string) => encodeURIComponent(id);

/** Paths of the eHealth PIS API the kiosk uses (shared by the client API and the outbox). */
export const PIS_PATHS = {
  nonce: '/oauth/nonce',
  signIn: '/api/pis/sign-in',
  confidantSignIn: '/api/pis/confidant/sign-in',
  smsVerifications: '/api/sms_verifications',
  signUp: '/api/pis/sign-up',
  tokens: '/oauth/tokens',
  logout: '/auth/logout',

  person: '/api/pis/person',
  personVerification: '/api/pis/person/verification',
  authenticationMethods: '/api/pis/person/authentication_methods',
  authenticationMethod: (id: string) => `/api/pis/authentication_methods/${seg(id)}`,
  authenticationMethodDeactivate: (id: string) =>
    `/api/pis/authentication_methods/${seg(id)}/actions/deactivate`,
  authenticationMethodRequests: '/api/pis/authentication_method_requests',
  authenticationMethodRequestApprove: (id: string) =>
    `/api/pis/authentication_method_requests/${seg(id)}/actions/approve`,
  authenticationMethodRequestResendOtp: (id: string) =>
    `/api/pis/authentication_method_requests/${seg(id)}/actions/resend_otp`,

  personRequests: '/api/pis/person_requests',
  personRequest: (id: string) => `/api/pis/person_requests/${seg(id)}`,
  personRequestComplete: (id: string) => `/api/pis/person_requests/${seg(id)}/actions/complete`,
  personRequestReject: (id: string) => `/api/pis/person_requests/${seg(id)}/actions/reject`,

  documents: '/api/pis/documents',
  documentsComplete: '/api/pis/documents/actions/complete',

  declarations: '/api/pis/declarations',
  declaration: (id: string) => `/api/pis/declarations/${seg(id)}`,
  declarationTerminate: (id: string) => `/api/pis/declarations/${seg(id)}/actions/terminate`,

  declarationRequests: '/api/pis/declaration_requests',
  declarationRequest: (id: string) => `/api/pis/declaration_requests/${seg(id)}`,
  declarationRequestSign: (id: string) => `/api/pis/declaration_requests/${seg(id)}/actions/sign`,
  declarationRequestReject: (id: string) => `/api/pis/declaration_requests/${seg(id)}/actions/reject`,

  apps: '/api/pis/apps',
  app: (id: string) => `/api/pis/apps/${seg(id)}`,

  bulk: (entity: BulkEntity) => `/api/pis/bulk/${entity}`,

  regions: '/api/uaddresses/regions',
  districts: '/api/uaddresses/districts',
  regionDistricts: (regionId: string) => `/api/uaddresses/regions/${seg(regionId)}/districts`,
  settlements: '/api/uaddresses/settlements',
  settlement: (id: string) => `/api/uaddresses/settlements/${seg(id)}`,
  districtSettlements: (districtId: string) => `/api/uaddresses/districts/${seg(districtId)}/settlements`,
  streets: '/api/uaddresses/streets',
  dictionaries: '/api/v2/dictionaries',
} as const;
