import { describe, expect, it } from 'vitest';
import { formatNumber, formatRatio, formatValue, resultRatio, verdict, type BenchResult } from './results';
import { renderMarkdownTable, renderTextTable } from './table';

describe('renderTextTable', () => {
  it('pads every column to its widest cell, right-aligning numbers', () => {
    const text = renderTextTable(
      ['name', 'ms'],
      [
        ['a', '1.5'],
        ['longer name', '12'],
      ],
      ['l', 'r'],
    );
    expect(text.split('\n')).toEqual([
      'name          ms',
      '-----------  ---',
      'a            1.5',
      'longer name   12',
    ]);
  });

  it('counts Cyrillic letters and symbols as one column each', () => {
    const text = renderTextTable(['пошук', 'x'], [['ґ', '×10']], ['l', 'r']);
    const [header, rule, row] = text.split('\n');
    expect(header).toBe('пошук    x');
    expect(rule).toBe('-----  ---');
    expect(row).toBe('ґ      ×10');
  });

  it('puts section titles on their own lines', () => {
    const text = renderTextTable(['a', 'b'], [{ section: '1. Search' }, ['x', 'y']], ['l', 'l']);
    expect(text.split('\n').slice(2)).toEqual(['1. Search', 'x  y']);
  });

  it('refuses rows that do not fit the header', () => {
    expect(() => renderTextTable(['a', 'b'], [['only one']], ['l', 'l'])).toThrow(/1 cells/);
    expect(() => renderTextTable(['a', 'b'], [], ['l'])).toThrow(/alignment/);
  });
});

describe('renderMarkdownTable', () => {
  it('writes a header, an alignment row and escapes pipes and newlines', () => {
    const md = renderMarkdownTable(
      ['what', 'value'],
      [['a | b', 'line\nbreak'], { section: 'S' }],
      ['l', 'r'],
    );
    expect(md.split('\n')).toEqual([
      '| what | value |',
      '| --- | ---: |',
      '| a \\| b | line break |',
      '| **S** |  |',
    ]);
  });
});

describe('number formatting', () => {
  it('keeps three significant digits below 1,000 and groups thousands above', () => {
    expect(formatNumber(0.41234)).toBe('0.412');
    expect(formatNumber(12.345)).toBe('12.3');
    expect(formatNumber(999.4)).toBe('999');
    expect(formatNumber(1234.6)).toBe('1,235');
    expect(formatNumber(300000)).toBe('300,000');
    expect(formatNumber(-2500)).toBe('-2,500');
    expect(formatNumber(0)).toBe('0');
    expect(formatValue(1.5, 'ms')).toBe('1.5 ms');
  });

  it('writes ratios with fewer decimals as they grow', () => {
    expect(formatRatio(0.0123)).toBe('0.01×');
    expect(formatRatio(3.14159)).toBe('3.14×');
    expect(formatRatio(12.34)).toBe('12.3×');
    expect(formatRatio(1234.5)).toBe('1,235×');
  });
});

describe('verdict', () => {
  it('says faster or slower for times and rates, whichever way is better', () => {
    expect(verdict(0.1, 'ms', 'lower')).toBe('10.0× faster');
    expect(verdict(4, 's', 'lower')).toBe('4.00× slower');
    expect(verdict(0.5, 'ops/s', 'higher')).toBe('2.00× slower');
    expect(verdict(3, 'rows/s', 'higher')).toBe('3.00× faster');
  });

  it('gives sizes as a share or a multiple of the baseline', () => {
    expect(verdict(0.18, 'MiB', 'lower')).toBe('18% of baseline');
    expect(verdict(2.5, 'KiB', 'lower')).toBe('2.50× baseline');
  });

  it('calls results within 2% of the baseline the same, and says nothing without a ratio', () => {
    expect(verdict(1.01, 'ms', 'lower')).toBe('≈ baseline');
    expect(verdict(null, 'ms', 'lower')).toBe('');
  });
});

describe('resultRatio', () => {
  const result = (value: number, baseline: number | null): BenchResult => ({
    group: 'g',
    name: 'n',
    value,
    unit: 'ms',
    baseline: baseline === null ? null : { name: 'b', value: baseline },
    better: 'lower',
  });
  it('is the result over its baseline, or null without one', () => {
    expect(resultRatio(result(3, 1.5))).toBe(2);
    expect(resultRatio(result(3, null))).toBeNull();
  });
});
