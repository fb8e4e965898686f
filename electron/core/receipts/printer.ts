import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { err, ok, type Result } from '#shared/result';

export interface PrintJob {
  /** A file-safe name without personal data (kind, time, a random part). */
  name: string;
  title: string;
  /** A complete HTML page (renderReceiptHtml). */
  html: string;
}

export type PrintVia = 'printer' | 'pdf' | 'html';

/**
 * Where receipts go. The Electron host prints silently to the configured printer; the browser
 * host and tests save a PDF into the data directory's `receipts/`; without either, an HTML file.
 */
export interface ReceiptPrinter {
  readonly via: PrintVia;
  print(job: PrintJob): Promise<Result<void>>;
  /**
   * Releases what the printer holds (a browser, a hidden window) and any file of its own that a
   * rendering may have left (a browser profile). Called when a visit ends and when the kiosk stops;
   * the printer stays usable — the next print starts afresh.
   */
  close?(): Promise<void>;
}

/** The fallback: the page saved as an HTML file in `dir` (a registrar can print it from there). */
export function htmlFilePrinter(dir: string): ReceiptPrinter {
  return {
    via: 'html',
    print(job) {
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        writeFileSync(join(dir, `${job.name}.html`), job.html, { mode: 0o600 });
        return Promise.resolve(ok(undefined));
      } catch (e) {
        const code = (e as { code?: string }).code;
        return Promise.resolve(
          err(code === 'ENOSPC' ? 'DISK_FULL' : 'PRINT_FAILED', 'the receipt could not be saved', {
            reason: code ?? 'unknown',
          }),
        );
      }
    },
  };
}

/** Deletes every saved receipt (end of a session, start of the kiosk). Returns how many went. */
export function purgeReceiptFiles(dir: string): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  let n = 0;
  for (const name of names) {
    try {
      rmSync(join(dir, name), { force: true, recursive: true });
      n++;
    } catch {
      // a file that cannot be removed now is tried again at the next purge
    }
  }
  return n;
}
