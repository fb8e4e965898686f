import { describe, expect, it } from 'vitest';
import { qrSvg, renderReceiptHtml, type ReceiptDocument } from './document';

const doc = (over: Partial<ReceiptDocument> = {}): ReceiptDocument => ({
  language: 'uk',
  issuer: 'Кіоск',
  title: 'Квитанція',
  heading: 'Припинення декларації',
  rows: [{ label: 'Лікар', value: 'Петренко <script>alert(1)</script> & Co' }],
  paragraphs: ['"Лапки" та \'апостроф\''],
  reference: { label: 'Код', code: 'K7M4-PX9C', qrLabel: 'QR-код' },
  ...over,
});

describe('renderReceiptHtml', () => {
  it('escapes every value: text from eHealth can never become markup', async () => {
    const html = await renderReceiptHtml(doc());
    expect(html).not.toContain('<script>');
    expect(html).toContain('Петренко &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(html).toContain('&quot;Лапки&quot; та &#39;апостроф&#39;');
  });

  it('is a self-contained page that forbids loading or running anything', async () => {
    const html = await renderReceiptHtml(doc());
    expect(html.startsWith('<!DOCTYPE html><html lang="uk">')).toBe(true);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/src=|href=|@import|url\(/);
  });

  it('carries the reference as text and as an inline SVG QR code with a spoken label', async () => {
    const html = await renderReceiptHtml(doc());
    expect(html).toContain('<p class="code">K7M4-PX9C</p>');
    expect(html).toMatch(/<svg role="img" aria-label="QR-код" [^>]*viewBox/);
    const other = await qrSvg('K7M4-PX9D');
    expect(html).not.toContain(other.slice(other.indexOf('<path'), other.indexOf('<path') + 300));
  });

  it('has no QR and no empty sections when there is no reference or no rows', async () => {
    const html = await renderReceiptHtml(doc({ reference: null, rows: [], heading: null }));
    expect(html).not.toContain('<svg');
    expect(html).not.toContain('<dl>');
    expect(html).not.toContain('<h2>');
  });
});
