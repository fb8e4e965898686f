/**
 * Declarations with a primary-care doctor: the patient's list, termination, and a new declaration
 * (request, signature, outbox); compose.ts builds them with the receipts and e-cabinets into the
 * cabinet services.
 */
export { type CabinetServices, createCabinetServices } from './compose';
