export { AddressLookup } from './addresses';
export { AuthPhoneService, SMS_CODE_ATTEMPTS, SMS_CODE_LENGTH, SMS_CODE_TTL_MS } from './auth-phone';
export { PersonService } from './person-service';
export type { PatientPort, PersonServicePorts, SessionEnds } from './ports';
export { createPersonServices, type PersonServices } from './compose';
