import type { AuthMethodView, PersonDraft, PersonView } from '#shared/contract/person';
import type { AddressInput, DocumentInput, PhoneInput } from '#shared/rules/person/index';
import type { AuthenticationMethod, Person, PersonVerificationDetails } from '../ehealth';

/**
 * eHealth's person turned into what the kiosk shows and edits: the editable part in eHealth's field
 * names (absent values left out, never null), the rest as plain facts. The secret word stays here.
 */

type Loose = Record<string, unknown>;

const s = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const req = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const phonesOf = (list: unknown): PhoneInput[] =>
  Array.isArray(list) ? list.map((p: Loose) => ({ type: req(p?.type), number: req(p?.number) })) : [];

const documentOf = (d: Loose): DocumentInput =>
  defined({
    type: req(d.type),
    number: req(d.number),
    issued_by: s(d.issued_by),
    issued_at: s(d.issued_at),
    expiration_date: s(d.expiration_date),
  });

const addressOf = (a: Loose): AddressInput =>
  defined({
    type: req(a.type),
    country: req(a.country),
    area: req(a.area),
    region: s(a.region),
    settlement: req(a.settlement),
    settlement_type: req(a.settlement_type),
    settlement_id: req(a.settlement_id),
    street_type: s(a.street_type),
    street: s(a.street),
    building: s(a.building),
    apartment: s(a.apartment),
    zip: a.zip === undefined || a.zip === null ? undefined : s(String(a.zip)),
  });

/** The editable part of an eHealth person, as the form starts it. */
export function draftOf(p: Person): PersonDraft {
  const ec = (p.emergency_contact ?? {}) as Loose;
  return defined({
    first_name: req(p.first_name),
    last_name: req(p.last_name),
    second_name: s(p.second_name),
    birth_date: req(p.birth_date),
    birth_country: req(p.birth_country),
    birth_settlement: req(p.birth_settlement),
    gender: req(p.gender),
    email: s(p.email),
    unzr: s(p.unzr),
    documents: (p.documents ?? []).map((d) => documentOf(d as Loose)),
    addresses: (p.addresses ?? []).map((a) => addressOf(a as Loose)),
    phones: p.phones ? phonesOf(p.phones) : undefined,
    preferred_way_communication: s(p.preferred_way_communication),
    emergency_contact: defined({
      first_name: req(ec.first_name),
      last_name: req(ec.last_name),
      second_name: s(ec.second_name),
      phones: phonesOf(ec.phones),
    }),
  });
}

/** eHealth's own masking: `+38067*****01` (the operator code stays, the subscriber number goes). */
export const maskPhone = (phone: string): string =>
  phone.length > 9 ? `${phone.slice(0, 6)}${'*'.repeat(phone.length - 8)}${phone.slice(-2)}` : '*****';

export function authMethodView(m: AuthenticationMethod): AuthMethodView {
  const phone = s(m.phone_number);
  return {
    id: m.id,
    type: req(m.type),
    phoneMasked: phone ? maskPhone(phone) : null,
    alias: s(m.alias) ?? null,
    active: m.is_active === true,
    startedAt: s(m.started_at) ?? null,
    endedAt: s(m.ended_at) ?? null,
    confidantName: s(m.confidant_person?.name) ?? null,
  };
}

/** The verification parts in a fixed order, each with its status in eHealth's words. */
const VERIFICATION_PARTS = [
  'drfo',
  'unzr',
  'dracs_birth',
  'dracs_death',
  'dracs_name_change',
  'mvs_passport',
  'dms_passport',
  'nhs',
  'legal_capacity',
] as const;

export function verificationView(
  v: PersonVerificationDetails | null | undefined,
): PersonView['verification'] {
  const details = (v?.details ?? {}) as Record<string, Loose | null | undefined>;
  return {
    status: s(v?.verification_status) ?? null,
    parts: VERIFICATION_PARTS.filter((part) => details[part]).map((part) => {
      const d = details[part] as Loose;
      return {
        part,
        status: s(d.verification_status) ?? null,
        reason: s(d.verification_reason) ?? null,
        comment: s(d.verification_comment) ?? null,
      };
    }),
  };
}
