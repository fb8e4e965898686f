import type { AddressDraft, AuthMethodView } from '#shared/contract/person';
import { displayDate } from '#shared/rules/person/index';
import type { Translate } from '../../i18n/translate';
import { dictionaries } from '../../i18n/translate';
import type { MessageKey } from '../../i18n/uk';

/** Plain-language words for eHealth's codes (document types, statuses…), in the patient's language. */

const isKey = (key: string): key is MessageKey => Object.hasOwn(dictionaries.uk.messages, key);

/** The message for `prefix + code`, or the fallback key when eHealth sent a code the kiosk does not know. */
export function codeLabel(
  t: Translate,
  prefix: string,
  code: string | null | undefined,
  fallback: MessageKey,
): string {
  const key = `${prefix}${code ?? ''}`;
  return isKey(key) ? t(key) : t(fallback);
}

export const documentTypeLabel = (t: Translate, type: string) =>
  codeLabel(t, 'person.doc.', type, 'person.doc.other');
export const phoneTypeLabel = (t: Translate, type: string | null | undefined) =>
  codeLabel(t, 'person.phone.', type, 'person.phone.other');
export const reasonLabel = (t: Translate, reason: string) =>
  codeLabel(t, 'person.reason.', reason, 'person.reason.other');
export const verificationPartLabel = (t: Translate, part: string) =>
  codeLabel(t, 'person.verification.', part, 'person.verification.other');

/**
 * What a state-register check found, said as a fact about the patient. The same status means
 * different things for different checks — VERIFIED for the death register means there is no
 * record of a death — so a check's own words come first, then the general ones.
 */
export function checkResult(t: Translate, part: string, status: string | null): string {
  const own = `person.check.${part}.${status ?? ''}`;
  if (status && isKey(own)) return t(own);
  return codeLabel(t, 'person.check.', status, 'person.check.unknown');
}

/** A check that did not pass: the patient is told where to put it right. */
const NEEDS_ACTION = new Set(['NOT_VERIFIED', 'CHANGES_NEEDED']);

/** The check's result (how eHealth set it), eHealth's note, and what to do when it did not pass. */
export function checkLine(
  t: Translate,
  c: { part: string; status: string | null; reason?: string | null; comment?: string | null },
): string {
  const how = c.reason ? ` (${reasonLabel(t, c.reason)})` : '';
  const ownNext = `person.check.${c.part}.next`;
  return [
    `${checkResult(t, c.part, c.status)}${how}.`,
    c.comment ? `${t('person.check.comment', { comment: c.comment })}.` : '',
    c.status && NEEDS_ACTION.has(c.status) ? t(isKey(ownNext) ? ownNext : 'person.check.next') : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** `06.05.1997`; empty stays empty. */
export const formatDate = (iso: string | null | undefined): string =>
  iso ? displayDate(iso.slice(0, 10)) : '';

/** An address in one line, the way it is written in Ukraine: street, building, apartment, settlement, … */
export function addressLine(t: Translate, a: AddressDraft): string {
  const street = a.street
    ? [a.street_type ? codeLabel(t, 'person.street.', a.street_type, 'person.none') : '', a.street]
        .filter(Boolean)
        .join(' ')
    : '';
  const settlement = [codeLabel(t, 'person.settlement.', a.settlement_type, 'person.none'), a.settlement]
    .filter((x) => x && x !== t('person.none'))
    .join(' ');
  return [
    street,
    a.building ? t('person.address.building', { value: a.building }) : '',
    a.apartment ? t('person.address.apartment', { value: a.apartment }) : '',
    settlement,
    a.region ? t('person.address.district', { value: a.region }) : '',
    a.area ? t('person.address.area', { value: a.area }) : '',
    a.zip ? t('person.address.zip', { value: a.zip }) : '',
  ]
    .filter(Boolean)
    .join(', ');
}

export function authMethodLabel(t: Translate, m: AuthMethodView): string {
  if (m.type === 'OTP') return t('person.auth.OTP', { phone: m.phoneMasked ?? '' });
  if (m.type === 'OFFLINE') return t('person.auth.OFFLINE');
  if (m.type === 'THIRD_PERSON') return t('person.auth.THIRD_PERSON');
  return t('person.auth.other');
}

/** Person fields by their path's first part, for "what changes". */
const FIELD_LABELS: Record<string, MessageKey> = {
  first_name: 'person.firstName',
  last_name: 'person.lastName',
  second_name: 'person.secondName',
  birth_date: 'person.birthDate',
  birth_country: 'person.birthCountry',
  birth_settlement: 'person.birthSettlement',
  gender: 'person.gender',
  unzr: 'person.unzr',
  tax_id: 'person.taxId',
  documents: 'person.section.documents',
  addresses: 'person.section.addresses',
  phones: 'person.phones',
  email: 'person.email',
  preferred_way_communication: 'person.preferred',
  emergency_contact: 'person.section.emergency',
  secret: 'person.secret',
};

/** Distinct field names for a list of changed paths, in the order first seen. */
export function changedFieldLabels(t: Translate, paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const key = FIELD_LABELS[p.split('.')[0] ?? ''];
    const label = t(key ?? 'personReview.otherData');
    if (!out.includes(label)) out.push(label);
  }
  return out;
}
