import {
  DoctorSearchQuery as DoctorSearchQuerySchema,
  type DeclarationSpeciality,
  type DoctorCard,
  type DoctorDetails,
  type DoctorSearchQuery,
  type DoctorSearchResult,
} from '#shared/contract/doctors';
import { err, ok, type Result } from '#shared/result';
import type { Db } from '../db/database';
import { UNKNOWN_DISTANCE } from './clinic';
import { specialitiesForAge } from './eligibility';
import { foldArea, foldSettlement, ftsQuery } from './normalize';

interface DoctorRow {
  employee_id: string;
  party_id: string;
  full_name: string;
  speciality: DeclarationSpeciality;
  division_id: string;
  division_name: string | null;
  legal_entity_id: string;
  legal_entity_name: string | null;
  area: string | null;
  settlement: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  declarations_limit: number | null;
  declarations_count: number | null;
  free_places: number | null;
  clinic_distance_km: number;
  clinic_rank: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Doctor search on the replicated directory — works the same with or without a network.
 * Free text goes through FTS5 on the folded name (prefixes, any word order); filters are exact
 * on folded oblast/settlement and ids; the patient's age limits specialities; full doctors are
 * left out unless asked for. Order: this clinic first, then nearest, then alphabetical.
 */
export class DirectorySearch {
  constructor(private readonly db: Db) {}

  search(input: DoctorSearchQuery): Result<DoctorSearchResult> {
    const parsed = DoctorSearchQuerySchema.safeParse(input);
    if (!parsed.success) return err('BAD_REQUEST', 'search query is not valid');
    const q = parsed.data;
    const directoryUpdatedAt = this.updatedAt();
    if (directoryUpdatedAt === null)
      return err('DIRECTORY_EMPTY', 'the doctor directory has not been synced yet');

    const allowed = specialitiesForAge(q.age).filter((s) => !q.speciality || s === q.speciality);
    const empty = { items: [], total: 0, page: q.page, pageSize: q.pageSize, directoryUpdatedAt };
    if (allowed.length === 0) return ok(empty);

    // with a selective filter (name, place, clinic) the plan must start from it, not from the
    // speciality index that covers nearly everyone (the unary + keeps SQLite off that index)
    const selective = Boolean(q.text?.trim() || q.oblast || q.settlement || q.divisionId || q.legalEntityId);
    const where: string[] = [`${selective ? '+' : ''}d.speciality IN (${allowed.map(() => '?').join(', ')})`];
    const args: unknown[] = [...allowed];
    if (q.text !== undefined && q.text.trim() !== '') {
      const match = ftsQuery(q.text);
      if (match === null) return ok(empty);
      where.push('d.rowid IN (SELECT rowid FROM dir_doctors_fts WHERE dir_doctors_fts MATCH ?)');
      args.push(match);
    }
    if (q.oblast) {
      where.push('d.area_norm = ?');
      args.push(foldArea(q.oblast));
    }
    if (q.settlement) {
      where.push('d.settlement_norm = ?');
      args.push(foldSettlement(q.settlement));
    }
    if (q.divisionId) {
      where.push('d.division_id = ?');
      args.push(q.divisionId);
    }
    if (q.legalEntityId) {
      where.push('d.legal_entity_id = ?');
      args.push(q.legalEntityId);
    }
    if (!q.includeFull) where.push('(d.free_places IS NULL OR d.free_places > 0)');
    // nothing selective (name, place, clinic): read the precomputed order and stop after the page

    const whereSql = where.join(' AND ');
    const total = (
      this.db.prepare(`SELECT count(*) AS n FROM dir_doctors d WHERE ${whereSql}`).get(...args) as {
        n: number;
      }
    ).n;
    // the order (this clinic, nearest, alphabetical) is precomputed and indexed (migration 0005)
    const page = this.db
      .prepare(
        `SELECT d.rowid FROM dir_doctors d ${selective ? '' : 'INDEXED BY dir_doctors_order'} WHERE ${whereSql}
         ORDER BY d.clinic_rank DESC, d.clinic_distance_km ASC, d.sort_key ASC, d.employee_id ASC LIMIT ? OFFSET ?`,
      )
      .pluck()
      .all(...args, q.pageSize, (q.page - 1) * q.pageSize) as number[];
    const read = this.db.prepare('SELECT * FROM dir_doctors WHERE rowid = ?');
    const rows = page.map((id) => read.get(id) as DoctorRow);
    return ok({ items: rows.map(toCard), total, page: q.page, pageSize: q.pageSize, directoryUpdatedAt });
  }

  details(employeeId: string): Result<DoctorDetails> {
    const row = this.db
      .prepare(
        `SELECT d.*, e.position, p.specialities, p.educations, p.about_myself, p.working_experience,
                v.phones AS division_phones, v.email AS division_email, v.working_hours
         FROM dir_doctors d
         JOIN dir_employees e ON e.id = d.employee_id
         JOIN dir_parties p ON p.id = d.party_id
         JOIN dir_divisions v ON v.id = d.division_id
         WHERE d.employee_id = ?`,
      )
      .get(employeeId) as
      | (DoctorRow & {
          position: string | null;
          specialities: string | null;
          educations: string | null;
          about_myself: string | null;
          working_experience: string | null;
          division_phones: string | null;
          division_email: string | null;
          working_hours: string | null;
        })
      | undefined;
    if (!row)
      return err('EHEALTH_NOT_FOUND', 'no such doctor in the directory (or not accepting declarations)');
    const parse = <T>(text: string | null, fallback: T): T => {
      try {
        return text ? (JSON.parse(text) as T) : fallback;
      } catch {
        return fallback;
      }
    };
    const specialities = parse<
      { speciality?: string; level?: string | null; speciality_officio?: boolean | null }[]
    >(row.specialities, []);
    const educations = parse<
      { institution_name?: string | null; speciality?: string | null; issued_date?: string | null }[]
    >(row.educations, []);
    const hours = parse<Record<string, unknown[][] | null>>(row.working_hours, {});
    const experience = row.working_experience === null ? null : Number(row.working_experience);
    return ok({
      ...toCard(row),
      position: row.position,
      specialities: specialities
        .filter((s) => typeof s.speciality === 'string')
        .map((s) => ({
          speciality: s.speciality as string,
          level: s.level ?? null,
          officio: s.speciality_officio === true,
        })),
      education: educations.map((e) => ({
        institution: e.institution_name ?? null,
        speciality: e.speciality ?? null,
        year: e.issued_date ? e.issued_date.slice(0, 4) : null,
      })),
      aboutMyself: row.about_myself,
      workingExperience: Number.isFinite(experience) ? experience : null,
      divisionPhones: parse<string[]>(row.division_phones, []),
      divisionEmail: row.division_email,
      workingHours: normalizeHours(hours),
    });
  }

  private updatedAt(): string | null {
    const r = this.db.prepare('SELECT max(synced_at) AS at FROM dir_sync_state').get() as {
      at: string | null;
    };
    return r.at;
  }
}

/** `[[8, "12.00"], ["14.00", "18.00"]]` → `[["08:00", "12:00"], ["14:00", "18:00"]]`. */
function normalizeHours(hours: Record<string, unknown[][] | null>): Record<string, [string, string][]> {
  const time = (v: unknown): string | null => {
    const m = /^(\d{1,2})(?:[.:](\d{2}))?/.exec(String(v ?? ''));
    return m ? `${m[1]!.padStart(2, '0')}:${m[2] ?? '00'}` : null;
  };
  const out: Record<string, [string, string][]> = {};
  for (const [day, spans] of Object.entries(hours)) {
    if (!Array.isArray(spans)) continue;
    const list = spans
      .map((s) => (Array.isArray(s) ? [time(s[0]), time(s[1])] : [null, null]))
      .filter((s): s is [string, string] => s[0] !== null && s[1] !== null);
    if (list.length) out[day] = list;
  }
  return out;
}

function toCard(r: DoctorRow): DoctorCard {
  return {
    employeeId: r.employee_id,
    partyId: r.party_id,
    fullName: r.full_name,
    speciality: r.speciality,
    divisionId: r.division_id,
    divisionName: r.division_name,
    legalEntityId: r.legal_entity_id,
    legalEntityName: r.legal_entity_name,
    oblast: r.area,
    settlement: r.settlement,
    address: r.address,
    latitude: r.latitude,
    longitude: r.longitude,
    distanceKm: r.clinic_distance_km >= UNKNOWN_DISTANCE ? null : round1(r.clinic_distance_km),
    inThisClinic: r.clinic_rank === 1,
    declarationsLimit: r.declarations_limit,
    declarationsCount: r.declarations_count,
    freePlaces: r.free_places,
  };
}
