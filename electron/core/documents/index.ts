/**
 * Documents eHealth asks for: capture (camera or removable media), checks, upload and completion.
 */
export { type CameraPort, DocumentService } from './document-service';
