import { z } from 'zod';
import { defineChannel } from './define';

export const ReceiptLanguage = z.enum(['uk', 'en']);
export type ReceiptLanguage = z.infer<typeof ReceiptLanguage>;

/**
 * What to put on paper: an action by its outbox id or by the reference code printed earlier, a
 * note of a chosen doctor (doctor search without a session), or a slip: for under-14 visitors, or for a
 * parent whose relation to the child eHealth does not hold (how to register it at a clinic).
 */
export const ReceiptSource = z.union([
  z.object({ operationId: z.string().min(1).max(64) }).strict(),
  z.object({ referenceCode: z.string().min(4).max(16) }).strict(),
  z.object({ doctorNoteFor: z.string().min(1).max(64) }).strict(),
  z.object({ slip: z.enum(['under-14', 'no-relation']) }).strict(),
]);
export type ReceiptSource = z.infer<typeof ReceiptSource>;

const ReceiptRequest = z.object({ source: ReceiptSource, language: ReceiptLanguage }).strict();

export const ReceiptPreview = z.object({
  title: z.string(),
  /** The receipt as printed (HTML made by main; the renderer still sanitises it before showing). */
  html: z.string(),
});
export type ReceiptPreview = z.infer<typeof ReceiptPreview>;

export const PrintResult = z.object({
  /** printer: sent to the kiosk's printer; pdf / html: saved as a file (browser host, tests). */
  via: z.enum(['printer', 'pdf', 'html']),
});
export type PrintResult = z.infer<typeof PrintResult>;

export const receiptsChannels = {
  receiptPreview: defineChannel(ReceiptRequest, ReceiptPreview),
  receiptPrint: defineChannel(ReceiptRequest, PrintResult),
};
