import { APARTMENT_MAX_LENGTH, isSettlementId, isValidBuilding, isValidZip } from './address';
import { isValidEmail, isValidPhone } from './contacts';
import { ageInYears, isIsoDate } from './dates';
import { documentNumberRule, isValidDocumentNumber, NEEDS_EXPIRATION } from './documents';
import { isValidName, NAME_MAX_LENGTH } from './names';
import { isTaxIdFormat, isValidTaxId } from './tax-id';
import {
  ADDRESS_TYPES,
  COMMUNICATION_WAYS,
  DOCUMENT_TYPES,
  GENDERS,
  PHONE_TYPES,
  SETTLEMENT_TYPES,
  STREET_TYPES,
  type PersonInput,
  type PhoneInput,
  type RuleViolation,
} from './types';
import { isUnzrFormat, unzrMatchesBirthDate } from './unzr';

export interface PersonRulesContext {
  /** Today as `YYYY-MM-DD` (UTC, the day eHealth counts in). */
  today: string;
  /** Check the secret word too (main knows it; the renderer does not). */
  checkSecret?: boolean;
}

const TEXT_MAX_LENGTH = 255;
const SECRET_MIN = 6;
const SECRET_MAX = 20;
const OLDEST_BIRTH_DATE = '1900-01-01';
const UNDER_14 = 14;

const oneOf = (values: readonly string[], v: string) => values.includes(v);

/**
 * Every eHealth person rule the kiosk can check before sending a person request, in the order the
 * form shows the fields. Each violation names the field (dot path) and the rule; an empty list means
 * eHealth's validation will accept the person (the settlement's existence aside, which only the
 * address register knows — the form takes settlements from it).
 */
export function personViolations(p: PersonInput, ctx: PersonRulesContext): RuleViolation[] {
  const out: RuleViolation[] = [];
  const add = (path: string, rule: RuleViolation['rule']) => out.push({ path, rule });

  const text = (path: string, value: string | undefined, required: boolean, max = TEXT_MAX_LENGTH) => {
    if (value === undefined || value === '') {
      if (required) add(path, 'required');
      return false;
    }
    if (value.length > max) {
      add(path, 'tooLong');
      return false;
    }
    return true;
  };
  const name = (path: string, value: string | undefined, required: boolean) => {
    if (text(path, value, required, NAME_MAX_LENGTH) && !isValidName(value as string))
      add(path, 'name.letters');
  };
  const date = (path: string, value: string | undefined, required: boolean): boolean => {
    if (!text(path, value, required)) return false;
    if (!isIsoDate(value as string)) {
      add(path, 'date.format');
      return false;
    }
    return true;
  };
  const choice = (path: string, value: string | undefined, values: readonly string[], required: boolean) => {
    if (value === undefined || value === '') {
      if (required) add(path, 'required');
    } else if (!oneOf(values, value)) add(path, 'choice');
  };
  const phones = (path: string, list: PhoneInput[] | undefined, atLeastOne: boolean) => {
    if (atLeastOne && !list?.length) add(path, 'phone.atLeastOne');
    const seen = new Set<string>();
    (list ?? []).forEach((ph, i) => {
      choice(`${path}.${i}.type`, ph.type, PHONE_TYPES, true);
      if (seen.has(ph.type)) add(`${path}.${i}.type`, 'phone.duplicateType');
      seen.add(ph.type);
      if (text(`${path}.${i}.number`, ph.number, true) && !isValidPhone(ph.number))
        add(`${path}.${i}.number`, 'phone.format');
    });
  };

  // names and birth
  name('last_name', p.last_name, true);
  name('first_name', p.first_name, true);
  name('second_name', p.second_name, false);
  const birthOk = date('birth_date', p.birth_date, true);
  if (birthOk && (p.birth_date > ctx.today || p.birth_date < OLDEST_BIRTH_DATE))
    add('birth_date', 'birthDate.range');
  const age = birthOk ? ageInYears(p.birth_date, ctx.today) : Number.NaN;
  text('birth_country', p.birth_country, true);
  text('birth_settlement', p.birth_settlement, true);
  choice('gender', p.gender, GENDERS, true);

  // tax id: refused → absent; otherwise required from 14 and with a valid check digit
  const taxId = p.tax_id === '' ? undefined : p.tax_id;
  if (p.no_tax_id === true) {
    if (taxId !== undefined) add('tax_id', 'taxId.refused');
  } else if (taxId === undefined) {
    if (!(age < UNDER_14)) add('tax_id', 'taxId.required');
  } else if (!isTaxIdFormat(taxId)) add('tax_id', 'taxId.format');
  else if (!isValidTaxId(taxId)) add('tax_id', 'taxId.checksum');

  // unzr
  const hasIdCard = p.documents.some((d) => d.type === 'NATIONAL_ID');
  const unzr = p.unzr === '' ? undefined : p.unzr;
  if (unzr !== undefined) {
    if (!isUnzrFormat(unzr)) add('unzr', 'unzr.format');
    else if (birthOk && !unzrMatchesBirthDate(unzr, p.birth_date)) add('unzr', 'unzr.birthDate');
  } else if (hasIdCard) add('unzr', 'unzr.requiredForIdCard');

  // documents
  if (p.documents.length === 0) add('documents', 'document.atLeastOne');
  const types = new Set<string>();
  p.documents.forEach((d, i) => {
    const at = (f: string) => `documents.${i}.${f}`;
    choice(at('type'), d.type, DOCUMENT_TYPES, true);
    if (types.has(d.type)) add(at('type'), 'document.duplicateType');
    types.add(d.type);
    if (text(at('number'), d.number, true) && !isValidDocumentNumber(d.type, d.number))
      add(at('number'), documentNumberRule(d.type));
    text(at('issued_by'), d.issued_by, false);
    // only documents that are valid until a date need one, and only theirs is checked against today
    const needsExpiry = NEEDS_EXPIRATION.has(d.type);
    if (needsExpiry && !d.expiration_date) add(at('expiration_date'), 'document.expiryRequired');
    else if (
      date(at('expiration_date'), d.expiration_date, false) &&
      needsExpiry &&
      (d.expiration_date as string) < ctx.today
    )
      add(at('expiration_date'), 'document.expired');
    if (date(at('issued_at'), d.issued_at, false)) {
      const issued = d.issued_at as string;
      if (issued > ctx.today) add(at('issued_at'), 'document.issuedInFuture');
      if (birthOk && issued < p.birth_date) add(at('issued_at'), 'document.issuedBeforeBirth');
    }
  });
  if (types.has('PASSPORT') && types.has('NATIONAL_ID')) add('documents', 'document.passportAndIdCard');
  if (age < UNDER_14 && !types.has('BIRTH_CERTIFICATE'))
    add('documents', 'document.birthCertificateRequired');

  // addresses
  const count = (type: string) => p.addresses.filter((a) => a.type === type).length;
  if (count('RESIDENCE') !== 1) add('addresses', 'address.residenceCount');
  if (count('REGISTRATION') > 1) add('addresses', 'address.registrationCount');
  p.addresses.forEach((a, i) => {
    const at = (f: string) => `addresses.${i}.${f}`;
    choice(at('type'), a.type, ADDRESS_TYPES, true);
    if (a.country !== 'UA') add(at('country'), 'choice');
    const settlementChosen =
      isSettlementId(a.settlement_id ?? '') &&
      !!a.settlement &&
      !!a.area &&
      oneOf(SETTLEMENT_TYPES, a.settlement_type ?? '');
    if (!settlementChosen) add(at('settlement_id'), 'address.settlement');
    else {
      text(at('settlement'), a.settlement, true);
      text(at('area'), a.area, true);
      text(at('region'), a.region, false);
    }
    choice(at('street_type'), a.street_type, STREET_TYPES, false);
    text(at('street'), a.street, false);
    if (a.building !== undefined && a.building !== '' && !isValidBuilding(a.building))
      add(at('building'), 'address.building');
    text(at('apartment'), a.apartment, false, APARTMENT_MAX_LENGTH);
    if (a.zip !== undefined && a.zip !== '' && !isValidZip(a.zip)) add(at('zip'), 'address.zip');
  });

  // contacts
  phones('phones', p.phones, false);
  const email = p.email === '' ? undefined : p.email;
  if (email !== undefined && !isValidEmail(email)) add('email', 'email.format');
  choice('preferred_way_communication', p.preferred_way_communication, COMMUNICATION_WAYS, false);
  if (p.preferred_way_communication === 'email' && email === undefined) add('email', 'preferred.needsEmail');
  if (p.preferred_way_communication === 'phone' && !p.phones?.length) add('phones', 'preferred.needsPhone');

  // emergency contact
  name('emergency_contact.last_name', p.emergency_contact.last_name, true);
  name('emergency_contact.first_name', p.emergency_contact.first_name, true);
  name('emergency_contact.second_name', p.emergency_contact.second_name, false);
  phones('emergency_contact.phones', p.emergency_contact.phones, true);

  if (ctx.checkSecret && ((p.secret ?? '').length < SECRET_MIN || (p.secret ?? '').length > SECRET_MAX))
    add('secret', 'secret.length');
  return out;
}

/** The violations under one part of the form (`documents` → `documents`, `documents.0.number`, …). */
export const violationsUnder = (violations: readonly RuleViolation[], prefix: string): RuleViolation[] =>
  violations.filter((v) => v.path === prefix || v.path.startsWith(`${prefix}.`));
