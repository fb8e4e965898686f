import type { Db } from '../../core/db';
import { notFound } from '../errors';
import type { PersonDoc } from '../seed/persons';

export interface PersonRecord {
  id: string;
  taxId: string | null;
  doc: PersonDoc;
  verification: {
    verification_status: string;
    details?: Record<
      string,
      { verification_status: string; verification_reason: string } & Record<string, unknown>
    >;
  };
}

export function loadPerson(db: Db, personId: string): PersonRecord {
  const row = db.prepare('SELECT id, tax_id, doc, verification FROM persons WHERE id = ?').get(personId) as
    { id: string; tax_id: string | null; doc: string; verification: string } | undefined;
  if (!row) throw notFound('Person not found');
  return {
    id: row.id,
    taxId: row.tax_id,
    doc: JSON.parse(row.doc) as PersonDoc,
    verification: JSON.parse(row.verification) as PersonRecord['verification'],
  };
}

/** Masks a phone the way eHealth does in `urgent`: `+38093*****85`. */
export const maskPhone = (phone: string): string =>
  phone.length > 9 ? `${phone.slice(0, 6)}${'*'.repeat(phone.length - 8)}${phone.slice(-2)}` : '*****';

export interface AuthMethodDoc {
  id: string;
  type: 'OTP' | 'OFFLINE' | 'THIRD_PERSON';
  phone_number?: string;
  value?: string;
  alias?: string;
  is_active: boolean;
  [k: string]: unknown;
}

export function activeAuthMethods(db: Db, personId: string): AuthMethodDoc[] {
  return (
    db
      .prepare('SELECT doc FROM auth_methods WHERE person_id = ? AND is_active = 1 ORDER BY rowid')
      .all(personId) as { doc: string }[]
  ).map((r) => JSON.parse(r.doc) as AuthMethodDoc);
}
