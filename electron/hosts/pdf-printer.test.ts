/**
 * The browser host's receipt printer with the real Chromium: a PDF of the receipt page in the
 * receipts folder; the page cannot fetch anything; the browser and its profile last one visit;
 * a missing browser is a clear error.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReceiptHtml } from '../core/receipts/document';
import { pdfPrinter } from './pdf-printer';

const base = mkdtempSync(join(tmpdir(), 'kiosk-pdf-'));
const dir = join(base, 'receipts');
const temp = join(base, 'tmp');
mkdirSync(temp);
const printer = pdfPrinter(dir, { tempDir: temp });
afterAll(async () => {
  await printer.close?.();
  rmSync(base, { recursive: true, force: true });
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

  it('the rendering browser keeps its profile in the temp folder and leaves nothing after close', async () => {
    expect((await printer.print({ name: 'visit-1', title: 't', html: '<p>Олена</p>' })).ok).toBe(true);
    const [folder, ...more] = readdirSync(temp);
    expect(more).toEqual([]);
    expect(folder).toMatch(/^receipt-printer-/);
    expect(readdirSync(join(temp, folder as string))).toContain('profile');
    await printer.close?.();
    expect(readdirSync(temp)).toEqual([]);
    // the next visit's receipt starts a fresh browser
    expect((await printer.print({ name: 'visit-2', title: 't', html: '<p>Андрій</p>' })).ok).toBe(true);
    expect(readdirSync(temp)).toHaveLength(1);
    expect(readdirSync(temp)[0]).not.toBe(folder);
  }, 60_000);

  it('without a browser the receipt is not printed, and says so', async () => {
    const broken = pdfPrinter(dir, { executablePath: join(dir, 'no-such-chromium'), tempDir: temp });
    const before = readdirSync(temp);
    expect(await broken.print({ name: 'x', title: 't', html: '<p>x</p>' })).toMatchObject({
      ok: false,
      error: { code: 'PRINT_FAILED' },
    });
    expect(readdirSync(temp)).toEqual(before); // no folder left by the failed start
    await broken.close?.();
  }, 60_000);
});
