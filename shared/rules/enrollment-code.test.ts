import { describe, expect, it } from 'vitest';
import { formatEnrollmentCode, normalizeEnrollmentCode } from './enrollment-code';

describe('enrolment codes', () => {
  it('are twelve unambiguous characters in three groups; typing is forgiving about case and look-alikes', () => {
    expect(formatEnrollmentCode('ABCD2345WXYZ')).toBe('ABCD-2345-WXYZ');
    expect(normalizeEnrollmentCode('abcd-2345-wxyz')).toBe('ABCD2345WXYZ');
    expect(normalizeEnrollmentCode(' ABCD 2345 WXYZ ')).toBe('ABCD2345WXYZ');
    expect(normalizeEnrollmentCode('ABCD-I0L5-WXYZ')).toBe('ABCD1015WXYZ');
    expect(normalizeEnrollmentCode('ABCD-2345-WXY')).toBeNull();
    expect(normalizeEnrollmentCode('ABCD-2345-WXYU')).toBeNull();
  });
});
