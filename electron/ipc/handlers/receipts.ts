import type { KioskServices } from '../../core/services';
import type { Handlers } from '../router';

/** Receipts, the offline doctor note and the under-14 slip: preview on screen, print on paper. */
export const receiptsHandlers = (s: KioskServices): Pick<Handlers, 'receiptPreview' | 'receiptPrint'> => ({
  receiptPreview: ({ source, language }) => s.cabinet.receipts.preview(source, language),
  receiptPrint: ({ source, language }) => s.cabinet.receipts.print(source, language),
});
