import { isEhealthPhone } from '../phone';

/**
 * Phones and e-mail. eHealth's phone pattern is `^\+38[0-9]{10}$`; the kiosk narrows it to
 * Ukrainian `+380…` numbers (shared/rules/phone). E-mail addresses are compared in lower case.
 */
export const isValidPhone = (number: string): boolean => isEhealthPhone(number);

/** A typed phone without spaces, brackets or dashes. */
export const normalizePhone = (typed: string): string => typed.replace(/[\s()-]/gu, '');

/**
 * The e-mail form eHealth's schema checks: a local part of dot-separated words of Latin letters,
 * digits and `_ ' + -` (the last character not an apostrophe), `@`, dot-separated host labels that
 * start with a letter or digit, and a top-level name of two or more letters.
 */
const EMAIL_WORD = "[A-Za-z0-9_'+-]";
const EMAIL = new RegExp(
  `^(?:${EMAIL_WORD}+\\.)*${EMAIL_WORD}*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\\.)+[A-Za-z]{2,}$`,
);
export const EMAIL_MAX_LENGTH = 255;

export const isValidEmail = (email: string): boolean => email.length <= EMAIL_MAX_LENGTH && EMAIL.test(email);

export const normalizeEmail = (typed: string): string => typed.trim().toLowerCase();
