/**
 * The kiosk's enrolment code as people read and type it: twelve characters of Crockford's base 32
 * (no I, L, O or U — nothing to confuse on a note), shown as XXXX-XXXX-XXXX. Typing is forgiving:
 * any case, with or without dashes and spaces, and I/L read as 1, O as 0.
 */
export const ENROLLMENT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ENROLLMENT_CODE_LENGTH = 12;

const CANONICAL = new RegExp(`^[${ENROLLMENT_ALPHABET}]{${ENROLLMENT_CODE_LENGTH}}$`);

/** The printed form: three groups of four. */
export const formatEnrollmentCode = (code: string): string =>
  [code.slice(0, 4), code.slice(4, 8), code.slice(8, 12)].join('-');

/** What was typed, as the kiosk stores the code (upper case, no separators), or null when it cannot be one. */
export function normalizeEnrollmentCode(typed: string): string | null {
  const plain = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return CANONICAL.test(plain) ? plain : null;
}
