import { describe, expect, it } from 'vitest';
import { dateCodec, phoneCodec, textCodec, unzrCodec } from './codecs';

describe('field codecs', () => {
  it('dates: typed DDMMYYYY on the keypad, stored as YYYY-MM-DD, shown with dots', () => {
    expect(dateCodec.fromTyped('06051997')).toBe('1997-05-06');
    expect(dateCodec.toTyped('1997-05-06')).toBe('06051997');
    expect(dateCodec.display('1997-05-06')).toBe('06.05.1997');
    expect(dateCodec.fromTyped('0605')).toBe('0605');
    expect(dateCodec.display('0605')).toBe('06.05');
    expect(dateCodec.fromInput('06.05.1997')).toBe('06051997');
  });

  it('phones: the nine digits after +380', () => {
    expect(phoneCodec.fromTyped('501234502')).toBe('+380501234502');
    expect(phoneCodec.toTyped('+380501234502')).toBe('501234502');
    expect(phoneCodec.fromTyped('')).toBe('');
    expect(phoneCodec.fromInput('+380 50 123 45 02')).toBe('501234502');
  });

  it('unzr: the dash comes by itself after the birth date', () => {
    expect(unzrCodec.fromTyped('1997050600123')).toBe('19970506-00123');
    expect(unzrCodec.toTyped('19970506-00123')).toBe('1997050600123');
    expect(unzrCodec.fromTyped('19970')).toBe('19970');
  });

  it('Ukrainian text gets eHealth’s apostrophe', () => {
    expect(textCodec('uk').fromTyped('Демʼяненко')).toBe("Дем'яненко");
    expect(textCodec('en').fromTyped('o’brien')).toBe('o’brien');
  });
});
