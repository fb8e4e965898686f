import QRCode from 'qrcode';
import type { ReceiptLanguage } from '#shared/contract/receipts';

/**
 * One printed page: a receipt, a doctor note or a slip. Only what the patient needs on paper —
 * never a tax id, a document number or the patient's name.
 */
export interface ReceiptDocument {
  language: ReceiptLanguage;
  /** Printed small at the top (which kiosk made it). */
  issuer: string;
  title: string;
  /** What happened (or what the page is about), as a heading. */
  heading: string | null;
  rows: { label: string; value: string }[];
  paragraphs: string[];
  /** The reference code, printed large and as a QR code. */
  reference: { label: string; code: string; qrLabel: string } | null;
}

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

// A receipt printer roll is 80 mm wide (72 mm printable); the same page prints on A4 as a strip.
const STYLE = `
@page { margin: 4mm; }
* { box-sizing: border-box; }
body { margin: 0; width: 72mm; font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #000; background: #fff; }
.issuer { font-size: 8pt; margin: 0 0 2mm; }
h1 { font-size: 13pt; margin: 0 0 2mm; }
h2 { font-size: 11pt; margin: 0 0 3mm; }
dl { margin: 0 0 3mm; }
dt { font-weight: bold; margin-top: 1.5mm; }
dd { margin: 0; }
p { margin: 0 0 2mm; }
.reference { margin-top: 3mm; text-align: center; }
.reference .code { font-size: 16pt; font-weight: bold; letter-spacing: 1px; font-family: "DejaVu Sans Mono", monospace; }
.reference svg { width: 32mm; height: 32mm; }
`;

/** The reference as an inline SVG QR code (no external image, no script). */
export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}

/** A complete, self-contained HTML page: no scripts, no external resources. */
export async function renderReceiptHtml(doc: ReceiptDocument): Promise<string> {
  const qr = doc.reference ? await qrSvg(doc.reference.code) : '';
  const rows = doc.rows.map((r) => `<dt>${escapeHtml(r.label)}</dt><dd>${escapeHtml(r.value)}</dd>`).join('');
  const svg = qr.replace(
    '<svg ',
    `<svg role="img" aria-label="${escapeHtml(doc.reference?.qrLabel ?? '')}" `,
  );
  return [
    `<!DOCTYPE html><html lang="${doc.language}"><head><meta charset="utf-8">`,
    // printed in a window of its own: nothing may load or run there
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(doc.title)}</title><style>${STYLE}</style></head><body>`,
    `<p class="issuer">${escapeHtml(doc.issuer)}</p>`,
    `<h1>${escapeHtml(doc.title)}</h1>`,
    doc.heading ? `<h2>${escapeHtml(doc.heading)}</h2>` : '',
    rows ? `<dl>${rows}</dl>` : '',
    ...doc.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    doc.reference
      ? `<div class="reference"><p>${escapeHtml(doc.reference.label)}</p><p class="code">${escapeHtml(doc.reference.code)}</p>${svg}</div>`
      : '',
    '</body></html>',
  ].join('');
}
