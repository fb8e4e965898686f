import type { Db } from '../../core/db';
import { addDays, isoDate, isoDateTime } from '../time';
import { MOBILE_CODES } from './directory-data';
import type { Prng } from './prng';

/** Counts of what the directory seed made. */
export interface DirectoryCounts {
  legalEntities: number;
  divisions: number;
  doctors: number;
  parties: number;
  healthcareServices: number;
}

/** The prepared inserts and random helpers shared by the directory generators. */
export class SeedKit {
  readonly insert;
  readonly counts: DirectoryCounts = {
    legalEntities: 0,
    divisions: 0,
    doctors: 0,
    parties: 0,
    healthcareServices: 0,
  };

  constructor(
    db: Db,
    readonly rnd: Prng,
    readonly seedTime: Date,
  ) {
    this.insert = {
      legalEntity: db.prepare(
        'INSERT INTO legal_entities (id, type, status, is_active, updated_at, doc, license) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      division: db.prepare(
        'INSERT INTO divisions (id, legal_entity_id, status, updated_at, doc) VALUES (?, ?, ?, ?, ?)',
      ),
      party: db.prepare(
        'INSERT INTO parties (id, declarations_limit, declarations_base_count, updated_at, doc) VALUES (?, ?, ?, ?, ?)',
      ),
      employee: db.prepare(
        'INSERT INTO employees (id, party_id, legal_entity_id, division_id, status, employee_type, speciality, position, updated_at, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      healthcareService: db.prepare(
        'INSERT INTO healthcare_services (id, division_id, updated_at, doc) VALUES (?, ?, ?, ?)',
      ),
      employeeRole: db.prepare(
        'INSERT INTO employee_roles (id, employee_id, healthcare_service_id, updated_at, doc) VALUES (?, ?, ?, ?, ?)',
      ),
      contractDivision: db.prepare(
        'INSERT INTO contract_divisions (contract_id, division_id, changed_at, doc) VALUES (?, ?, ?, ?)',
      ),
    };
  }

  /** inserted/updated stamps: most rows old, some changed in the last days (for `depth`). */
  stamps(): { inserted_at: string; updated_at: string } {
    const { rnd } = this;
    const bucket = rnd.next();
    const updatedAgo = bucket < 0.05 ? rnd.int(0, 6) : bucket < 0.15 ? rnd.int(7, 30) : rnd.int(31, 900);
    const updated = new Date(this.seedTime.getTime() - updatedAgo * 86_400_000 - rnd.int(0, 86_399) * 1000);
    const inserted = addDays(updated, -rnd.int(0, 1500));
    return { inserted_at: isoDateTime(inserted), updated_at: isoDateTime(updated) };
  }

  phone(type: 'MOBILE' | 'LAND_LINE' = 'MOBILE'): { type: string; number: string } {
    return { type, number: `+380${this.rnd.pick(MOBILE_CODES)}${this.rnd.digits(7)}` };
  }

  /** A date between the given numbers of years ago. */
  date(yearsAgoMin: number, yearsAgoMax: number): string {
    return isoDate(addDays(this.seedTime, -this.rnd.int(yearsAgoMin * 365, yearsAgoMax * 365)));
  }
}
