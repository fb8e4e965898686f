/**
 * The kiosk's log files: a rotating file destination under the data directory.
 */
export { createKioskLogger } from './kiosk-logger';
