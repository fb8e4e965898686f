import { describe, expect, it } from 'vitest';
import { greyJpeg } from './jpeg-fixture';
import { documentsNeeded, type IdentityFields } from '../../electron/sandbox/rules/document-needs';
import { inspectJpeg, MAX_DOCUMENT_BYTES } from '../../electron/sandbox/rules/jpeg';

describe('JPEG scans', () => {
  it('reads the picture size from the frame header', () => {
    expect(inspectJpeg(greyJpeg(1240, 1754))).toEqual({ ok: true, width: 1240, height: 1754 });
  });

  it('takes exactly 10 MB and refuses one byte more', () => {
    expect(inspectJpeg(greyJpeg(800, 600, { totalBytes: MAX_DOCUMENT_BYTES })).ok).toBe(true);
    expect(inspectJpeg(greyJpeg(800, 600, { totalBytes: MAX_DOCUMENT_BYTES + 1 }))).toEqual({
      ok: false,
      reason: 'too-large',
    });
  });

  it('judges by the bytes: PNG, empty, cut-off and frameless files are refused', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    expect(inspectJpeg(png)).toEqual({ ok: false, reason: 'not-jpeg' });
    expect(inspectJpeg(new Uint8Array())).toEqual({ ok: false, reason: 'empty' });
    const whole = greyJpeg(64, 64);
    expect(inspectJpeg(whole.subarray(0, whole.length - 10))).toEqual({ ok: false, reason: 'truncated' });
    expect(inspectJpeg(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))).toEqual({ ok: false, reason: 'no-frame' });
  });

  it('refuses a multi-picture JPEG (not one page)', () => {
    const base = greyJpeg(64, 64);
    const mpf = [0xff, 0xe2, 0x00, 0x0a, 0x4d, 0x50, 0x46, 0x00, 0x49, 0x49, 0x2a, 0x00];
    const withMpf = new Uint8Array([...base.subarray(0, 2), ...mpf, ...base.subarray(2)]);
    expect(inspectJpeg(withMpf)).toEqual({ ok: false, reason: 'multi-page' });
  });
});

describe('which person-request changes need a document', () => {
  const current: IdentityFields = {
    first_name: 'Андрій',
    last_name: "Дем'яненко",
    second_name: 'Іванович',
    birth_date: '1997-04-26',
    tax_id: '3552401234',
    no_tax_id: false,
    documents: [{ type: 'NATIONAL_ID', number: '123456789' }],
  };

  it('asks nothing for the same identity (apostrophes, case and spacing aside)', () => {
    expect(documentsNeeded(current, { ...current, last_name: 'ДЕМʼЯНЕНКО ' })).toEqual([]);
    expect(
      documentsNeeded(current, { ...current, documents: [{ type: 'NATIONAL_ID', number: ' 123 456 789' }] }),
    ).toEqual([]);
  });

  it('a new name or birth date needs the identity document that carries it', () => {
    expect(documentsNeeded(current, { ...current, last_name: 'Коваль' })).toEqual(['NATIONAL_ID']);
    expect(documentsNeeded(current, { ...current, birth_date: '1997-04-27' })).toEqual(['NATIONAL_ID']);
    const withPassport = {
      ...current,
      second_name: 'Петрович',
      documents: [{ type: 'PASSPORT', number: 'АБ123456' }],
    };
    expect(documentsNeeded({ ...current, documents: withPassport.documents }, withPassport)).toEqual([
      'PASSPORT',
    ]);
  });

  it('a new or renumbered document needs its scan; a tax id where none was needs the tax-id card', () => {
    expect(
      documentsNeeded(current, {
        ...current,
        documents: [
          { type: 'NATIONAL_ID', number: '987654321' },
          { type: 'TEMPORARY_CERTIFICATE', number: 'АА000001' },
        ],
      }),
    ).toEqual(['NATIONAL_ID', 'TEMPORARY_CERTIFICATE']);
    const noTax = { ...current, tax_id: undefined, no_tax_id: true };
    expect(documentsNeeded(noTax, { ...current })).toEqual(['TAX_ID']);
  });
});
