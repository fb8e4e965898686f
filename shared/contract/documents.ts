import { z } from 'zod';
import { DOCUMENT_LIMITS, partsFor } from '../documents';
import { defineChannel } from './define';

/**
 * Documents eHealth asks for: which are needed, the camera opened to the page only while one is
 * captured, the captured page sent to main in parts (each at most DOCUMENT_LIMITS.partBytes, base64),
 * its upload by main, and the completion. The page never learns an upload URL: main keeps eHealth's.
 */

const DocumentType = z.string().regex(/^[A-Z][A-Z0-9_]{0,59}$/);
const maxParts = partsFor(DOCUMENT_LIMITS.maxBytes);
/** base64 of at most partBytes bytes */
const PartData = z
  .string()
  .min(1)
  .max(Math.ceil(DOCUMENT_LIMITS.partBytes / 3) * 4)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/);

export const DocumentsView = z.object({
  documents: z.array(z.object({ type: z.string(), uploaded: z.boolean() })).max(20),
  /** Every document asked for is uploaded (and eHealth said nothing is missing). */
  complete: z.boolean(),
});
export type DocumentsView = z.infer<typeof DocumentsView>;

const CameraState = z.object({ open: z.boolean() });
const none = z.object({}).strict();

/** Parts of a picture read from a medium (at most DOCUMENT_LIMITS.maxSourceBytes). */
const maxSourceParts = partsFor(DOCUMENT_LIMITS.maxSourceBytes);

export const MediumImage = z.object({
  id: z.string().max(64),
  /** The file's own name on the medium (no folder). */
  name: z.string().max(120),
  bytes: z.number().int().min(1).max(DOCUMENT_LIMITS.maxSourceBytes),
});
export type MediumImage = z.infer<typeof MediumImage>;

export const documentsChannels = {
  /** What this session was asked for and what is uploaded. */
  documentsGet: defineChannel(none, DocumentsView),
  /** Asks eHealth again which documents are still needed (fresh upload URLs kept in main). */
  documentsRefresh: defineChannel(none, DocumentsView),
  /** The capture screen is up: the camera is opened to the kiosk page. */
  documentsCameraOpen: defineChannel(none, CameraState),
  /** The capture screen is gone or the picture taken: the camera is closed again. */
  documentsCameraClose: defineChannel(none, CameraState),
  /** One part of the captured page; part 0 starts the image afresh. */
  documentsImagePart: defineChannel(
    z
      .object({
        type: DocumentType,
        part: z
          .number()
          .int()
          .min(0)
          .max(maxParts - 1),
        parts: z.number().int().min(1).max(maxParts),
        data: PartData,
      })
      .strict(),
    z.object({ received: z.number().int().min(0) }),
  ),
  /** Main checks the whole page and uploads it to eHealth (a failed upload keeps it for a retry). */
  documentsUpload: defineChannel(z.object({ type: DocumentType }).strict(), DocumentsView),
  /** Pictures (JPEG, PNG) on the inserted memory stick, by name and size; never a path. */
  documentsMediumList: defineChannel(none, z.object({ images: z.array(MediumImage).max(50) })),
  /** One part of a listed picture, for the page to make it into a document page. */
  documentsMediumRead: defineChannel(
    z
      .object({
        id: z.string().min(1).max(64),
        part: z
          .number()
          .int()
          .min(0)
          .max(maxSourceParts - 1),
      })
      .strict(),
    z.object({
      part: z.number().int().min(0),
      parts: z.number().int().min(1).max(maxSourceParts),
      mime: z.enum(['image/jpeg', 'image/png']),
      data: PartData,
    }),
  ),
  /** The uploads are done: eHealth says what, if anything, is still missing. */
  documentsComplete: defineChannel(none, DocumentsView),
};
