/**
 * УНЗР, the demographic register's record number: the birth date without dashes, a dash, five
 * digits (`19900101-00099`). eHealth refuses one that does not start with the person's birth date.
 */
export const UNZR_PATTERN = /^[0-9]{8}-[0-9]{5}$/;

export const isUnzrFormat = (value: string): boolean => UNZR_PATTERN.test(value);

/** True when the unzr's date part is this birth date (`YYYY-MM-DD`). */
export const unzrMatchesBirthDate = (unzr: string, birthDate: string): boolean =>
  isUnzrFormat(unzr) && unzr.slice(0, 8) === birthDate.replace(/-/g, '');
