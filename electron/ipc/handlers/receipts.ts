import type { ReceiptSource } from '#shared/contract/receipts';
import { ok, type Result } from '#shared/result';
import type { KioskServices } from '../../core/services';
import type { Handlers } from '../router';

/**
 * Receipts, the offline doctor note and the under-14 slip: preview on screen, print on paper. A receipt
 * of an operation (by id or by the code printed on an earlier one) only for whoever may see that
 * operation; the doctor note and the slip name no patient and need nobody signed in.
 */
export const receiptsHandlers = (s: KioskServices): Pick<Handlers, 'receiptPreview' | 'receiptPrint'> => {
  const allowed = (source: ReceiptSource): Result<void> => {
    if ('operationId' in source) {
      const found = s.operations.find({ id: source.operationId });
      return found.ok ? ok(undefined) : found;
    }
    if ('referenceCode' in source) {
      const found = s.operations.find({ referenceCode: source.referenceCode });
      return found.ok ? ok(undefined) : found;
    }
    return ok(undefined);
  };
  return {
    receiptPreview: ({ source, language }) => {
      const may = allowed(source);
      return may.ok ? s.cabinet.receipts.preview(source, language) : may;
    },
    receiptPrint: ({ source, language }) => {
      const may = allowed(source);
      return may.ok ? s.cabinet.receipts.print(source, language) : may;
    },
  };
};
