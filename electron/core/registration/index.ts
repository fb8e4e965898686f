/**
 * Registration with eHealth of a visitor it does not know, offered after the sign-in refusal.
 * services.ts builds it beside the patient side (session/compose.ts asks for it through
 * `unknownPerson`).
 */
export { RegistrationService } from './registration-service';
