/**
 * Ukrainian mobile numbers as eHealth stores them: `+380` followed by the nine-digit national
 * number (eHealth's pattern is `^\+38[0-9]{10}$`). The kiosk keypad shows `+380` as a fixed prefix
 * and lets the patient type only the nine digits.
 */
export const UA_PHONE_PREFIX = '+380';
export const UA_PHONE_LOCAL_DIGITS = 9;

const EHEALTH_PHONE = /^\+38[0-9]{10}$/;

/** The digits typed after the fixed prefix, stripped of anything else and cut to nine. */
export const cleanLocalDigits = (typed: string): string =>
  typed.replace(/[^0-9]/g, '').slice(0, UA_PHONE_LOCAL_DIGITS);

/** The full number from the digits typed after `+380` (may be incomplete while typing). */
export const phoneFromLocalDigits = (typed: string): string => UA_PHONE_PREFIX + cleanLocalDigits(typed);

/** The nine local digits of a stored number, or '' if it is not a `+380…` number. */
export const localDigitsOfPhone = (phone: string): string =>
  phone.startsWith(UA_PHONE_PREFIX) ? cleanLocalDigits(phone.slice(UA_PHONE_PREFIX.length)) : '';

/** A complete `+380…` number in the form eHealth accepts (its pattern, narrowed to Ukraine). */
export const isEhealthPhone = (phone: string): boolean =>
  EHEALTH_PHONE.test(phone) && phone.startsWith(UA_PHONE_PREFIX);
