/**
 * Receipts on the kiosk's printer: the receipt page loaded into a hidden window (no scripts, an
 * in-memory partition, no preload) and printed silently — no dialog for the patient — to the
 * printer the registrar configured (the system default when none is set).
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, WebContentsPrintOptions } from 'electron';
import { err, ok, type Result } from '#shared/result';
import type { Logger } from '../core/log';
import type { PrintJob, ReceiptPrinter } from '../core/receipts';

export type PrintWindow = Pick<BrowserWindow, 'loadURL' | 'destroy' | 'isDestroyed'> & {
  webContents: Pick<BrowserWindow['webContents'], 'print'>;
};

export interface ElectronPrinterOptions {
  /** `new BrowserWindow(options)` (injected, so the adapter is testable without Electron). */
  createWindow(options: BrowserWindowConstructorOptions): PrintWindow;
  /** The configured printer's name; '' or null prints to the system's default printer. */
  deviceName(): string | null;
  log?: Logger;
  /** Longest a print may take before it is reported as failed. */
  timeoutMs?: number;
}

export const PRINT_WINDOW_OPTIONS: BrowserWindowConstructorOptions = {
  show: false,
  width: 400,
  height: 800,
  webPreferences: {
    javascript: false,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    webSecurity: true,
    // in memory (no "persist:" prefix): nothing of the receipt stays on disk
    partition: 'kiosk-receipt-print',
    spellcheck: false,
  },
};

const dataUrl = (html: string) =>
  `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;

export function electronPrinter(opts: ElectronPrinterOptions): ReceiptPrinter {
  // one receipt at a time: a second print waits for the first (a roll printer prints in order)
  let queue: Promise<unknown> = Promise.resolve();
  const printOne = async (job: PrintJob): Promise<Result<void>> => {
    let win: PrintWindow | null = null;
    try {
      win = opts.createWindow(PRINT_WINDOW_OPTIONS);
      await win.loadURL(dataUrl(job.html));
      const name = opts.deviceName();
      const options: WebContentsPrintOptions = {
        silent: true,
        printBackground: true,
        color: false,
        margins: { marginType: 'none' },
        ...(name ? { deviceName: name } : {}),
      };
      const target = win;
      const outcome = await new Promise<{ success: boolean; reason: string }>((resolve) => {
        const timer = setTimeout(
          () => resolve({ success: false, reason: 'timeout' }),
          opts.timeoutMs ?? 60_000,
        );
        target.webContents.print(options, (success, failureReason) => {
          clearTimeout(timer);
          resolve({ success, reason: failureReason });
        });
      });
      if (!outcome.success) {
        opts.log?.warn({ reason: outcome.reason }, 'receipt printing failed');
        return err('PRINT_FAILED', 'the printer did not print the receipt', { reason: outcome.reason });
      }
      return ok(undefined);
    } catch (e) {
      opts.log?.warn({ err: e }, 'receipt printing failed');
      return err('PRINT_FAILED', 'the receipt could not be printed');
    } finally {
      if (win && !win.isDestroyed()) win.destroy();
    }
  };
  return {
    via: 'printer',
    print(job) {
      const run = queue.then(() => printOne(job));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
