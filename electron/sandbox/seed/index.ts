import { randomBytes } from 'node:crypto';
import type { Db } from '../../core/db';
import { declarationEndDate } from '../domain/declaration-request-builder';
import { addressLine, declarationContent } from '../printout';
import { addDays, isoDate, isoDateTime } from '../time';
import { KIOSK_CLIENT_NAME, OTHER_CLIENTS, PATIENT_SCOPES } from './clients';
import { seedDirectory, type DirectoryCounts, type DirectoryProfile } from './directory';
import { generateGeography, type GeographyOptions } from './geography';
import { chainSeed, declarationNumber } from './numbers';
import { seedPersons, type SeededPerson } from './persons';
import { Prng } from './prng';

export type SeedName = 'small' | 'national';

const PROFILES: Record<SeedName, { directory: DirectoryProfile; geography: GeographyOptions }> = {
  national: {
    directory: { legalEntities: 1600, divisionsPerLegalEntity: [3, 10], doctorsPerDivision: [2, 6] },
    geography: { villagesPerDistrict: 24, streetsPerCity: 30, streetsPerVillage: 8 },
  },
  small: {
    directory: { legalEntities: 40, divisionsPerLegalEntity: [2, 4], doctorsPerDivision: [2, 5] },
    geography: { villagesPerDistrict: 3, streetsPerCity: 8, streetsPerVillage: 3 },
  },
};

export interface SeedSummary extends DirectoryCounts {
  seed: SeedName;
  settlements: number;
  streets: number;
}

export const getMeta = (db: Db, key: string): string | undefined =>
  (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;

const setMeta = (db: Db, key: string, value: string) =>
  db
    .prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    )
    .run(key, value);

interface DoctorPick {
  id: string;
  party_id: string;
  division_id: string;
  legal_entity_id: string;
}

function eligibleDoctor(db: Db, speciality: string, offset: number): DoctorPick {
  const row = db
    .prepare(
      `SELECT e.id, e.party_id, e.division_id, e.legal_entity_id FROM employees e
         JOIN legal_entities l ON l.id = e.legal_entity_id JOIN divisions d ON d.id = e.division_id JOIN parties p ON p.id = e.party_id
        WHERE e.status = 'APPROVED' AND e.employee_type = 'DOCTOR' AND e.speciality = ? AND l.status = 'ACTIVE' AND l.type IN ('PRIMARY_CARE', 'MSP')
          AND d.status = 'ACTIVE' AND p.declarations_base_count < p.declarations_limit - 10
        ORDER BY e.rowid LIMIT 1 OFFSET ?`,
    )
    .get(speciality, offset) as DoctorPick | undefined;
  if (!row) throw new Error(`seed: no eligible ${speciality}`);
  return row;
}

function seedDeclaration(
  db: Db,
  rnd: Prng,
  person: SeededPerson,
  doctor: DoctorPick,
  start: Date,
  terminatedAt: Date | null,
  termDays: number,
): void {
  const doc = JSON.parse(
    (db.prepare('SELECT doc FROM persons WHERE id = ?').get(person.personId) as { doc: string }).doc,
  ) as Record<string, string>;
  const party = JSON.parse(
    (db.prepare('SELECT doc FROM parties WHERE id = ?').get(doctor.party_id) as { doc: string }).doc,
  ) as Record<string, string>;
  const division = JSON.parse(
    (db.prepare('SELECT doc FROM divisions WHERE id = ?').get(doctor.division_id) as { doc: string }).doc,
  ) as Record<string, unknown>;
  const le = JSON.parse(
    (db.prepare('SELECT doc FROM legal_entities WHERE id = ?').get(doctor.legal_entity_id) as { doc: string })
      .doc,
  ) as Record<string, string>;
  const speciality = (
    db.prepare('SELECT speciality FROM employees WHERE id = ?').get(doctor.id) as { speciality: string }
  ).speciality;
  const id = rnd.uuid();
  const number = declarationNumber(() => rnd.next());
  const startDate = isoDate(start);
  const endDate = declarationEndDate(start, termDays, speciality, doc.birth_date as string);
  const stamp = isoDateTime(start);
  db.prepare(
    `INSERT INTO declarations (id, person_id, employee_id, division_id, legal_entity_id, party_id, declaration_number, status, start_date, end_date,
       signed_at, reason, reason_description, content, seed, inserted_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    person.personId,
    doctor.id,
    doctor.division_id,
    doctor.legal_entity_id,
    doctor.party_id,
    number,
    terminatedAt ? 'terminated' : 'active',
    startDate,
    endDate,
    stamp,
    terminatedAt ? 'manual_person' : null,
    terminatedAt ? 'Переїзд до іншого міста' : null,
    declarationContent({
      declarationNumber: number,
      startDate,
      endDate,
      person: doc,
      doctor: party,
      speciality,
      legalEntityName: le.name as string,
      edrpou: le.edrpou as string,
      divisionName: division.name as string,
      divisionAddress: addressLine((division.addresses as Record<string, unknown>[])[0]),
    }),
    chainSeed('genesis', id),
    stamp,
    isoDateTime(terminatedAt ?? start),
  );
}

/** Seeds a fresh sandbox database in one transaction. Deterministic for a seed name and a start time. */
export function seedDatabase(db: Db, seed: SeedName, now: Date, declarationTermDays: number): SeedSummary {
  const profile = PROFILES[seed];
  const rnd = new Prng(`kabinet-kiosk-sandbox:${seed}`);
  return db.transaction((): SeedSummary => {
    const geo = generateGeography(rnd, profile.geography);
    const insRegion = db.prepare('INSERT INTO regions (id, name, koatuu) VALUES (?, ?, ?)');
    const insDistrict = db.prepare('INSERT INTO districts (id, region_id, name, koatuu) VALUES (?, ?, ?, ?)');
    const insSettlement = db.prepare(
      'INSERT INTO settlements (id, region_id, district_id, name, type, koatuu, mountain_group, parent_settlement_id, latitude, longitude) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)',
    );
    const insStreet = db.prepare('INSERT INTO streets (id, settlement_id, type, name) VALUES (?, ?, ?, ?)');
    for (const r of geo.regions) insRegion.run(r.id, r.name, r.koatuu);
    for (const d of geo.districts) insDistrict.run(d.id, d.regionId, d.name, d.koatuu);
    for (const s of geo.settlements)
      insSettlement.run(
        s.id,
        s.regionId,
        s.districtId,
        s.name,
        s.type,
        s.koatuu,
        s.mountainGroup ? 1 : 0,
        s.lat,
        s.lon,
      );
    for (const s of geo.streets) insStreet.run(s.id, s.settlementId, s.type, s.name);

    const counts = seedDirectory(db, rnd, geo, profile.directory, now);
    const persons = seedPersons(db, rnd, now);

    const kioskClientId = rnd.uuid();
    const kioskSecret = rnd.digits(8) + rnd.uuid().replace(/-/g, '');
    const insClient = db.prepare(
      'INSERT INTO clients (id, name, type, secret, allowed_scope) VALUES (?, ?, ?, ?, ?)',
    );
    insClient.run(kioskClientId, KIOSK_CLIENT_NAME, 'TRUSTED_PIS', kioskSecret, PATIENT_SCOPES.join(' '));
    const withApps = persons.find((p) => p.persona.id === 'adult-with-apps');
    OTHER_CLIENTS.forEach((c, i) => {
      const id = rnd.uuid();
      insClient.run(id, c.name, c.type, rnd.uuid().replace(/-/g, ''), c.scope);
      if (withApps?.userId) {
        const at = isoDateTime(addDays(now, -300 + i * 60));
        db.prepare(
          'INSERT INTO apps (id, user_id, client_id, applicant_user_id, scope, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        ).run(rnd.uuid(), withApps.userId, id, withApps.userId, c.scope, at, at);
      }
    });

    const adult = persons.find((p) => p.persona.id === 'adult-with-declaration') as SeededPerson;
    seedDeclaration(
      db,
      rnd,
      adult,
      eligibleDoctor(db, 'THERAPIST', 3),
      addDays(now, -700),
      addDays(now, -200),
      declarationTermDays * 3,
    );
    seedDeclaration(
      db,
      rnd,
      adult,
      eligibleDoctor(db, 'FAMILY_DOCTOR', 0),
      addDays(now, -200),
      null,
      declarationTermDays * 3,
    );
    const child = persons.find((p) => p.persona.id === 'child-13') as SeededPerson;
    seedDeclaration(
      db,
      rnd,
      child,
      eligibleDoctor(db, 'PEDIATRICIAN', 0),
      addDays(now, -120),
      null,
      declarationTermDays * 3,
    );

    const unknown = persons.find((p) => !p.persona.registered);
    if (unknown) setMeta(db, 'unknown_drfo', unknown.taxId);
    for (const p of persons) if (!p.persona.registered) setMeta(db, `unknown_drfo:${p.persona.id}`, p.taxId);
    setMeta(db, 'seed', seed);
    setMeta(db, 'seeded_at', isoDateTime(now));
    setMeta(db, 'client_id', kioskClientId);
    setMeta(db, 'client_secret', kioskSecret);
    setMeta(db, 'jwt_secret', randomBytes(32).toString('hex'));
    return { ...counts, seed, settlements: geo.settlements.length, streets: geo.streets.length };
  })();
}
