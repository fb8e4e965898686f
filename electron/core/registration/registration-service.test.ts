import { describe, expect, it } from 'vitest';
import { birthDateFromTaxId } from './registration-service';

describe('the birth date a tax id tells', () => {
  it('counts days from 31.12.1899', () => {
    expect(birthDateFromTaxId('0000100000')).toBe('1900-01-01');
    expect(birthDateFromTaxId('3126509817')).toBe('1985-08-07');
    expect(birthDateFromTaxId('КА123456')).toBeNull();
  });
});
