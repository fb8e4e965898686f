import type { Db } from '../../core/db';
import { taxIdFor } from '../rules/tax-id';
import { addDays, addYears, isoDate, isoDateTime } from '../time';
import { PERSONAS, type LegalCapacity, type PersonaSpec } from './personas';
import { seedFamilies } from './families';
import type { Prng } from './prng';

export interface PersonDoc {
  id: string;
  first_name: string;
  last_name: string;
  second_name?: string;
  birth_date: string;
  birth_country: string;
  birth_settlement: string;
  gender: 'MALE' | 'FEMALE';
  email?: string;
  tax_id?: string;
  no_tax_id: boolean;
  secret: string;
  unzr?: string;
  documents: Record<string, string>[];
  addresses: Record<string, string>[];
  phones?: { type: string; number: string }[];
  preferred_way_communication?: string;
  emergency_contact: {
    first_name: string;
    last_name: string;
    second_name?: string;
    phones: { type: string; number: string }[];
  };
  confidant_person?: Record<string, unknown>[];
}

const check = (status: string, reason: string) => ({
  verification_status: status,
  verification_reason: reason,
});

export function verificationFor(capacity: LegalCapacity, hasUnzr: boolean) {
  return {
    verification_status: 'VERIFIED',
    details: {
      drfo: { ...check('VERIFIED', 'AUTO_ONLINE'), result: 1 },
      dracs_death: check('VERIFIED', 'AUTO_ONLINE'),
      nhs: check('VERIFICATION_NOT_NEEDED', 'AUTO'),
      unzr: hasUnzr
        ? { ...check('VERIFIED', 'AUTO_ONLINE'), status: 1 }
        : { ...check('VERIFICATION_NOT_NEEDED', 'AUTO_DATA_ABSENT'), status: 0 },
      dracs_birth: check('VERIFIED', 'AUTO_ONLINE'),
      legal_capacity:
        capacity === 'VERIFIED'
          ? check('VERIFIED', 'MANUAL_COMFIRMED')
          : capacity === 'NOT_VERIFIED'
            ? check('NOT_VERIFIED', 'AUTO_DATA_ABSENT')
            : check('VERIFICATION_NOT_NEEDED', 'AUTO'),
    },
  };
}

export const personaBirthDate = (p: Pick<PersonaSpec, 'ageYears' | 'ageDays'>, now: Date): Date =>
  addDays(addYears(new Date(`${isoDate(now)}T00:00:00.000Z`), -p.ageYears), -p.ageDays);

export interface SeededPerson {
  persona: PersonaSpec;
  personId: string | null;
  taxId: string;
  birthDate: string;
  userId: string | null;
}

interface SettlementRow {
  id: string;
  name: string;
  type: string;
  region: string;
  district: string | null;
}

/** Inserts the persona persons (and the mother of `child-13`); returns ids for the later steps. */
export function seedPersons(db: Db, rnd: Prng, now: Date): SeededPerson[] {
  const findSettlement = db.prepare(
    `SELECT s.id, s.name, s.type, r.name AS region, d.name AS district FROM settlements s
       JOIN regions r ON r.id = s.region_id LEFT JOIN districts d ON d.id = s.district_id WHERE s.name = ? LIMIT 1`,
  );
  const streetOf = db.prepare('SELECT type, name FROM streets WHERE settlement_id = ? ORDER BY id LIMIT 1');
  const insPerson = db.prepare(
    'INSERT INTO persons (id, tax_id, persona_id, birth_anchor, doc, verification, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insUser = db.prepare('INSERT INTO users (id, person_id, tax_id, inserted_at) VALUES (?, ?, ?, ?)');
  const insMethod = db.prepare(
    'INSERT INTO auth_methods (id, person_id, doc, is_active) VALUES (?, ?, ?, 1)',
  );
  const stamp = isoDateTime(addDays(now, -400));

  const addressFor = (town: string) => {
    const s = findSettlement.get(town) as SettlementRow | undefined;
    if (!s) throw new Error(`seed: settlement ${town} missing`);
    const street = streetOf.get(s.id) as { type: string; name: string } | undefined;
    const a: Record<string, string> = { type: 'RESIDENCE', country: 'UA', area: s.region };
    if (s.district) a.region = s.district;
    Object.assign(a, {
      settlement: s.name,
      settlement_type: s.type,
      settlement_id: s.id,
      street_type: street?.type ?? 'STREET',
      street: street?.name ?? 'Центральна',
      building: String(rnd.int(1, 90)),
      apartment: String(rnd.int(1, 120)),
      zip: rnd.digits(5),
    });
    return a;
  };
  const unzrOf = (birth: Date) => `${isoDate(birth).replace(/-/g, '')}-${rnd.digits(5)}`;
  const methodDoc = (personId: string, extra: Record<string, unknown>) => ({
    id: rnd.uuid(),
    ...extra,
    started_at: stamp,
    is_active: true,
    inserted_by: personId,
    updated_by: personId,
    person_id: personId,
    inserted_at: stamp,
    updated_at: stamp,
  });

  // the mother who acts for child-13
  const child = PERSONAS.find((p) => p.id === 'child-13') as PersonaSpec;
  const motherBirth = personaBirthDate({ ageYears: 39, ageDays: 77 }, now);
  const motherId = rnd.uuid();
  const mother: PersonDoc = {
    id: motherId,
    first_name: 'Ірина',
    last_name: 'Мельник',
    second_name: 'Василівна',
    birth_date: isoDate(motherBirth),
    birth_country: 'Україна',
    birth_settlement: child.home,
    gender: 'FEMALE',
    email: 'iryna.melnyk@example.com',
    tax_id: taxIdFor(motherBirth, '0909'),
    no_tax_id: false,
    secret: 'Соняшник',
    unzr: unzrOf(motherBirth),
    documents: [
      {
        type: 'NATIONAL_ID',
        number: rnd.digits(9),
        issued_by: '5310',
        issued_at: isoDate(addDays(now, -2000)),
        expiration_date: isoDate(addDays(now, 1650)),
      },
    ],
    addresses: [addressFor(child.home)],
    phones: [{ type: 'MOBILE', number: '+380661234599' }],
    preferred_way_communication: 'phone',
    emergency_contact: {
      first_name: 'Микола',
      last_name: 'Мельник',
      second_name: 'Петрович',
      phones: [{ type: 'MOBILE', number: '+380661234598' }],
    },
  };
  insPerson.run(
    motherId,
    mother.tax_id,
    null,
    null,
    JSON.stringify(mother),
    JSON.stringify(verificationFor('VERIFICATION_NOT_NEEDED', true)),
    stamp,
  );
  insMethod.run(
    ...((m) => [m.id, motherId, JSON.stringify(m)] as const)(
      methodDoc(motherId, { type: 'OTP', phone_number: '+380661234599' }),
    ),
  );

  const seeded = PERSONAS.map((p): SeededPerson => {
    const birth = personaBirthDate(p, now);
    const taxId = taxIdFor(birth, p.taxSerial);
    if (!p.registered) return { persona: p, personId: null, taxId, birthDate: isoDate(birth), userId: null };
    const personId = rnd.uuid();
    const isChild = p.ageYears < 14;
    const idIssued = new Date(
      Math.max(addDays(addYears(birth, 14), 30).getTime(), addDays(now, -6 * 365).getTime()),
    );
    const documents = isChild
      ? [
          {
            type: 'BIRTH_CERTIFICATE',
            number: `І-КВ${rnd.digits(6)}`,
            issued_by: 'Полтавський міський відділ ДРАЦС',
            issued_at: isoDate(addDays(birth, 12)),
          },
        ]
      : [
          {
            type: 'NATIONAL_ID',
            number: rnd.digits(9),
            issued_by: rnd.digits(4),
            issued_at: isoDate(idIssued),
            expiration_date: isoDate(addYears(idIssued, 10)),
          },
        ];
    const doc: PersonDoc = {
      id: personId,
      first_name: p.firstName,
      last_name: p.lastName,
      second_name: p.secondName,
      birth_date: isoDate(birth),
      birth_country: 'Україна',
      birth_settlement: p.home,
      gender: p.gender,
      email: `${p.id}@example.com`,
      tax_id: taxId,
      no_tax_id: false,
      secret: 'Барвінок',
      unzr: unzrOf(birth),
      documents,
      addresses: [addressFor(p.home)],
      phones: [{ type: 'MOBILE', number: p.phone }],
      preferred_way_communication: 'phone',
      emergency_contact: isChild
        ? {
            first_name: 'Ірина',
            last_name: 'Мельник',
            second_name: 'Василівна',
            phones: [{ type: 'MOBILE', number: '+380661234599' }],
          }
        : {
            first_name: 'Галина',
            last_name: 'Бойко',
            second_name: 'Іванівна',
            phones: [{ type: 'MOBILE', number: '+380991234500' }],
          },
    };
    if (isChild) {
      doc.confidant_person = [
        {
          relation_type: 'PRIMARY',
          person_id: motherId,
          first_name: mother.first_name,
          last_name: mother.last_name,
          second_name: mother.second_name,
          birth_date: mother.birth_date,
          birth_country: mother.birth_country,
          birth_settlement: mother.birth_settlement,
          gender: mother.gender,
          tax_id: mother.tax_id,
          secret: mother.secret,
          documents_person: mother.documents,
          documents_relationship: [
            {
              type: 'BIRTH_CERTIFICATE',
              number: (documents[0] as Record<string, string>).number,
              issued_by: 'Полтавський міський відділ ДРАЦС',
              issued_at: isoDate(addDays(birth, 12)),
            },
          ],
          phones: mother.phones,
        },
      ];
    }
    insPerson.run(
      personId,
      taxId,
      p.id,
      isoDate(now),
      JSON.stringify(doc),
      JSON.stringify(verificationFor(p.capacity, true)),
      stamp,
    );
    const method = isChild
      ? methodDoc(personId, {
          type: 'THIRD_PERSON',
          value: motherId,
          alias: 'Мама',
          confidant_person: { name: 'Мельник І.В.', phones: mother.phones },
        })
      : methodDoc(personId, { type: 'OTP', phone_number: p.phone });
    insMethod.run(method.id, personId, JSON.stringify(method));
    // a child without a key never signed in: the user comes with a confidant's first sign-in for them
    if (p.keyFormat === 'none')
      return { persona: p, personId, taxId, birthDate: isoDate(birth), userId: null };
    const userId = rnd.uuid();
    insUser.run(userId, personId, taxId, stamp);
    return { persona: p, personId, taxId, birthDate: isoDate(birth), userId };
  });
  seedFamilies(db, rnd, seeded, motherId, now);
  return seeded;
}

/**
 * Keeps the personas the same age whatever the date: shifts their birth dates (and unzr) by the days
 * passed since the last start. Tax ids stay (they are in the certificates).
 */
export function refreshPersonaAges(db: Db, now: Date): void {
  const rows = db.prepare('SELECT id, birth_anchor, doc FROM persons WHERE persona_id IS NOT NULL').all() as {
    id: string;
    birth_anchor: string;
    doc: string;
  }[];
  const update = db.prepare('UPDATE persons SET doc = ?, birth_anchor = ? WHERE id = ?');
  const today = isoDate(now);
  for (const row of rows) {
    if (row.birth_anchor === today) continue;
    const delta = Math.round(
      (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${row.birth_anchor}T00:00:00Z`)) / 86_400_000,
    );
    const doc = JSON.parse(row.doc) as PersonDoc;
    const birth = isoDate(addDays(new Date(`${doc.birth_date}T00:00:00.000Z`), delta));
    doc.birth_date = birth;
    if (doc.unzr) doc.unzr = `${birth.replace(/-/g, '')}-${doc.unzr.split('-')[1] ?? '00000'}`;
    update.run(JSON.stringify(doc), today, row.id);
  }
}
