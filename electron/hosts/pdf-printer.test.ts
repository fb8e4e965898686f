/**
 * The browser host's receipt printer with the real Chromium: a PDF of the receipt page in the
 * receipts folder; the page cannot fetch anything; a missing browser is a clear error.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReceiptHtml } from '../core/receipts/document';
import { pdfPrinter } from './pdf-printer';

const dir = mkdtempSync(join(tmpdir(), 'kiosk-pdf-'));
const printer = pdfPrinter(dir);
afterAll(async () => {
  await printer.close?.();
  rmSync(dir, { recursive: true, force: true });
});

describe('pdfPrinter', () => {
  it('writes the receipt as a PDF named by the job, readable only by the kiosk user', async () => {
    const html = await renderReceiptHtml({
      language: 'uk',
      issuer: 'Кабінет пацієнта — кіоск',
      title: 'Квитанція',
      heading: 'Припинення декларації',
      rows: [{ label: 'Стан', value: 'Виконано в eHealth' }],
      paragraphs: ['Збережіть квитанцію.'],
      reference: { label: 'Код квитанції', code: 'K7M4-PX9C', qrLabel: 'QR' },
    });
    expect(await printer.print({ name: 'receipt-test', title: 'Квитанція', html })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(readdirSync(dir)).toEqual(['receipt-test.pdf']);
    const pdf = readFileSync(join(dir, 'receipt-test.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(2_000);
    expect(statSync(join(dir, 'receipt-test.pdf')).mode & 0o777).toBe(0o600);
  }, 60_000);

  it('the receipt page reaches no network', async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits++;
      res.end('x');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pixel.png`;
    const r = await printer.print({
      name: 'with-image',
      title: 't',
      html: `<!DOCTYPE html><p>x</p><img src="${url}"><link rel="stylesheet" href="${url}">`,
    });
    server.close();
    expect(r.ok).toBe(true);
    expect(hits).toBe(0);
  }, 60_000);

  it('without a browser the receipt is not printed, and says so', async () => {
    const broken = pdfPrinter(dir, { executablePath: join(dir, 'no-such-chromium') });
    expect(await broken.print({ name: 'x', title: 't', html: '<p>x</p>' })).toMatchObject({
      ok: false,
      error: { code: 'PRINT_FAILED' },
    });
    await broken.close?.();
  }, 60_000);
});
