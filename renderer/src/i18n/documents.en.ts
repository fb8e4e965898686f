import type { DocumentsMessageKey } from './documents.uk';
import type { Message } from './types';

/** English messages of the document capture screen (keys from documents.uk.ts). */
export const documentsEn: Record<DocumentsMessageKey, Message> = {
  'documents.title': 'Photograph the document',
  'documents.lead':
    'eHealth asks for a picture of a document. Photograph its page with the kiosk’s camera. The picture goes only to eHealth, and the kiosk forgets it as soon as you finish.',
  'documents.which': 'Document {n} of {total}: {document}',
  'documents.howTo':
    'Lay the open document under the camera, page up, so that the whole page is visible, and tap “Take the picture”.',
  'documents.cameraView': 'The document camera’s picture',
  'documents.cameraStarting': 'Turning the camera on…',
  'documents.take': 'Take the picture',
  'documents.converting': 'Preparing the picture…',
  'documents.check': 'Check: is the whole page visible and the text readable?',
  'documents.previewAlt': 'The picture of the document',
  'documents.send': 'Send',
  'documents.sendAgain': 'Send again',
  'documents.retake': 'Take it again',
  'documents.sending': 'Sending to eHealth…',
  'documents.completing': 'Telling eHealth the documents are uploaded…',
  'documents.uploaded': 'Sent: {document}',
  'documents.tryAgain': 'Try again',
  'documents.fromMedium': 'Use a picture from a memory stick',
  'documents.mediumTitle': 'Pictures on the memory stick',
  'documents.mediumItem': '{name} ({size} MB)',
  'documents.backToCamera': 'Back to the camera',
  'documents.cancel': 'Cancel',
  'documents.type.PASSPORT': 'passport',
  'documents.type.NATIONAL_ID': 'ID card',
  'documents.type.BIRTH_CERTIFICATE': 'birth certificate',
  'documents.type.TEMPORARY_CERTIFICATE': 'temporary certificate',
  'documents.type.other': 'document ({type})',
};
