/**
 * Receipts as PDF files for the browser host and tests (where no Electron printer exists): the
 * receipt page rendered by headless Chromium with scripts off and every network request refused,
 * saved into the data directory's `receipts/` folder (purged with the session).
 *
 * The Chromium that renders them keeps its profile in a folder of its own under the host's temporary
 * folder, and it lives only as long as the visit: `close()` — called when the patient's session
 * ends — ends the browser and deletes that folder; the next receipt starts a fresh one.
 * Signals are the host's business: Playwright's own SIGINT handling (which exits the process) is off.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { err, ok, type Result } from '#shared/result';
import type { Logger } from '../core/log';
import type { PrintJob, ReceiptPrinter } from '../core/receipts';
import { chromiumExecutable } from './chromium';

export interface PdfPrinterOptions {
  executablePath?: string;
  log?: Logger;
  /** Where the rendering browser's folder is made (the host's temporary folder; default: the OS temp). */
  tempDir?: string;
}

/** 80 mm roll width; the page is as long as the receipt. */
const WIDTH = '80mm';

/** A browser for the receipts of one visit, and the folder it keeps everything in. */
interface Renderer {
  context: BrowserContext;
  folder: string;
}

async function launchRenderer(executablePath: string, parent: string): Promise<Renderer> {
  const folder = mkdtempSync(join(parent, 'receipt-printer-'));
  try {
    const context = await chromium.launchPersistentContext(join(folder, 'profile'), {
      executablePath,
      headless: true,
      artifactsDir: join(folder, 'artifacts'),
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      javaScriptEnabled: false,
      offline: true,
      args: [
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ],
    });
    return { context, folder };
  } catch (e) {
    rmSync(folder, { recursive: true, force: true });
    throw e;
  }
}

export function pdfPrinter(dir: string, opts: PdfPrinterOptions = {}): ReceiptPrinter {
  let renderer: Promise<Renderer> | null = null;
  // prints and closes one at a time: a close never pulls the browser from under a print
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };
  const getRenderer = () => {
    renderer ??= launchRenderer(opts.executablePath ?? chromiumExecutable(), opts.tempDir ?? tmpdir()).catch(
      (e: unknown) => {
        renderer = null;
        throw e;
      },
    );
    return renderer;
  };

  const printOne = async (job: PrintJob): Promise<Result<void>> => {
    let page: Awaited<ReturnType<BrowserContext['newPage']>> | null = null;
    try {
      const { context } = await getRenderer();
      page = await context.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(job.html, { waitUntil: 'load' });
      const heightPx = await page.evaluate('document.documentElement.scrollHeight');
      const pdf = await page.pdf({
        width: WIDTH,
        height: `${Math.max(200, Number(heightPx) + 40)}px`,
        printBackground: true,
      });
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeFileSync(join(dir, `${job.name}.pdf`), pdf, { mode: 0o600 });
      return ok(undefined);
    } catch (e) {
      const code = (e as { code?: string }).code;
      opts.log?.warn({ err: e }, 'receipt PDF not written');
      return err(code === 'ENOSPC' ? 'DISK_FULL' : 'PRINT_FAILED', 'the receipt PDF could not be made');
    } finally {
      await page?.close().catch(() => undefined);
    }
  };

  const release = async (): Promise<void> => {
    const r = renderer;
    renderer = null;
    const running = r ? await r.catch(() => null) : null;
    if (!running) return;
    await running.context.close().catch((e: unknown) => opts.log?.warn({ err: e }, 'receipt browser close'));
    try {
      rmSync(running.folder, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 });
    } catch (e) {
      // inside the host's temporary folder: removed at the latest when the host stops or starts
      opts.log?.warn({ err: e }, 'the receipt browser folder could not be removed');
    }
  };

  return {
    via: 'pdf',
    print: (job) => serial(() => printOne(job)),
    close: () => serial(release),
  };
}
