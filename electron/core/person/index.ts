/**
 * The patient's person data: read, change through signed person requests, the phone for SMS
 * authentication, the address register, and the documents those requests need (compose.ts).
 */
export { AddressLookup } from './addresses';
export { AuthPhoneService, SMS_CODE_ATTEMPTS, SMS_CODE_LENGTH, SMS_CODE_TTL_MS } from './auth-phone';
export { PersonService } from './person-service';
export type { PatientPort, PersonServicePorts } from './ports';
export { createPersonServices, type PersonServices } from './compose';
export { pathFromEntry } from './ehealth-violations';
