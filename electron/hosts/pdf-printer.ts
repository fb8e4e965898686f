/**
 * Receipts as PDF files for the browser host and tests (where no Electron printer exists): the
 * receipt page rendered by headless Chromium with scripts off and every network request refused,
 * saved into the data directory's `receipts/` folder (purged with the session).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { err, ok } from '#shared/result';
import type { Logger } from '../core/log';
import type { ReceiptPrinter } from '../core/receipts/printer';
import { chromiumExecutable } from './chromium';

export interface PdfPrinterOptions {
  executablePath?: string;
  log?: Logger;
  /** Launches the browser (tests may count launches); default playwright-core's chromium.launch. */
  launch?: (executablePath: string) => Promise<Browser>;
}

/** 80 mm roll width; the page is as long as the receipt. */
const WIDTH = '80mm';

const defaultLaunch = (executablePath: string) =>
  chromium.launch({
    executablePath,
    args: [
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });

export function pdfPrinter(dir: string, opts: PdfPrinterOptions = {}): ReceiptPrinter {
  let browser: Promise<Browser> | null = null;
  const getBrowser = () => {
    browser ??= (opts.launch ?? defaultLaunch)(opts.executablePath ?? chromiumExecutable()).catch(
      (e: unknown) => {
        browser = null;
        throw e;
      },
    );
    return browser;
  };
  return {
    via: 'pdf',
    async print(job) {
      let context: Awaited<ReturnType<Browser['newContext']>> | null = null;
      try {
        const b = await getBrowser();
        context = await b.newContext({ javaScriptEnabled: false, offline: true });
        const page = await context.newPage();
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
        await context?.close().catch(() => undefined);
      }
    },
    async close() {
      const b = browser;
      browser = null;
      if (b) await (await b.catch(() => null))?.close();
    },
  };
}
