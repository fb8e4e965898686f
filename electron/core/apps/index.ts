/**
 * The e-cabinets (apps) a patient has given access to their data: the list and the revocation,
 * sent through the outbox.
 */
export { AppsService } from './apps-service';
