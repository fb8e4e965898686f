/**
 * The doctor directory: a local replica of eHealth's public registers (generation files synced in
 * a worker thread, sync-worker.ts — a bundle entry of its own), searched offline; the clinic the
 * kiosk stands in.
 */
export { readClinic } from './clinic';
export { DirectoryService } from './directory-service';
export { specialitiesForAge } from './eligibility';
export { DirectoryStore } from './store';
