/**
 * Receipts: what the patient takes home after a signed change, rendered and printed through the
 * host's printer port.
 */
export { htmlFilePrinter, type PrintJob, type ReceiptPrinter } from './printer';
export {
  type ReceiptActing,
  type ReceiptFacts,
  ReceiptService,
  type ReceiptServiceOptions,
} from './receipt-service';
