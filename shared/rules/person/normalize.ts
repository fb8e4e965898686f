import { normalizeBuilding } from './address';
import { normalizeEmail, normalizePhone } from './contacts';
import { normalizeDocumentNumber } from './documents';
import { normalizeName } from './names';
import type { AddressInput, DocumentInput, PersonInput, PhoneInput } from './types';

/** Trimmed text, or undefined when nothing is left (eHealth wants optional fields absent, not empty). */
const optional = (v: string | undefined): string | undefined => {
  const t = v?.trim().replace(/\s+/gu, ' ');
  return t ? t : undefined;
};
const required = (v: string | undefined): string => (v ?? '').trim().replace(/\s+/gu, ' ');
const optionalName = (v: string | undefined): string | undefined => {
  const n = v === undefined ? '' : normalizeName(v);
  return n ? n : undefined;
};

/** Copies an object without its undefined fields (so JSON has no `"x": null` and no holes). */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const phone = (p: PhoneInput): PhoneInput => ({ type: p.type, number: normalizePhone(p.number) });

const documentOf = (d: DocumentInput): DocumentInput =>
  defined({
    type: d.type,
    number: normalizeDocumentNumber(d.type, d.number),
    issued_by: optional(d.issued_by),
    issued_at: optional(d.issued_at),
    expiration_date: optional(d.expiration_date),
  });

const address = (a: AddressInput): AddressInput =>
  defined({
    type: a.type,
    country: a.country,
    area: required(a.area),
    region: optional(a.region),
    settlement: required(a.settlement),
    settlement_type: a.settlement_type,
    settlement_id: a.settlement_id.trim().toLowerCase(),
    street_type: optional(a.street_type),
    street: optional(a.street),
    building: optional(a.building === undefined ? undefined : normalizeBuilding(a.building)),
    apartment: optional(a.apartment),
    zip: optional(a.zip?.replace(/\s+/gu, '')),
  });

/**
 * The person as it is checked and sent: names with eHealth's apostrophe and hyphen, document
 * numbers in capitals, e-mail in lower case, phones without separators, empty optional fields left
 * out. Normalizing twice changes nothing.
 */
export function normalizePerson(p: PersonInput): PersonInput {
  return defined({
    first_name: normalizeName(p.first_name),
    last_name: normalizeName(p.last_name),
    second_name: optionalName(p.second_name),
    birth_date: required(p.birth_date),
    birth_country: required(p.birth_country),
    birth_settlement: required(p.birth_settlement),
    gender: p.gender,
    email: optional(p.email === undefined ? undefined : normalizeEmail(p.email)),
    tax_id: optional(p.tax_id),
    no_tax_id: p.no_tax_id,
    secret: p.secret,
    unzr: optional(p.unzr),
    documents: p.documents.map(documentOf),
    addresses: p.addresses.map(address),
    phones: p.phones?.map(phone),
    preferred_way_communication: optional(p.preferred_way_communication),
    emergency_contact: defined({
      first_name: normalizeName(p.emergency_contact.first_name),
      last_name: normalizeName(p.emergency_contact.last_name),
      second_name: optionalName(p.emergency_contact.second_name),
      phones: p.emergency_contact.phones.map(phone),
    }),
  });
}
