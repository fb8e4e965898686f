import {
  DoctorSearchQuery as DoctorSearchQuerySchema,
  type DeclarationSpeciality,
  type DoctorCard,
  type DoctorDetails,
  type DoctorSearchQuery,
  type DoctorSearchResult,
} from '#shared/contract/doctors';
import { err, ok, type Result } from '#shared/result';
import { queries, sql, type Statement } from '../db';
import { UNKNOWN_DISTANCE } from './clinic';
import { prefixPostings, type DoctorIndex } from './doctor-index';
import { DECLARATION_SPECIALITIES, specialitiesForAge } from './eligibility';
import { foldArea, foldSettlement, searchTokens } from './normalize';
import type { DirectoryStore, DirectoryView } from './store';

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
}

/** Doctors per oblast, settlement, division and legal entity: built on first use for an index. */
interface MemberLists {
  area(id: number): Uint32Array;
  settlement(id: number): Uint32Array;
  division(id: number): Uint32Array;
  legalEntity(id: number): Uint32Array;
}
const memberCache = new WeakMap<DoctorIndex, MemberLists>();

function membersOf(ids: Uint32Array, size: number): (id: number) => Uint32Array {
  let built: { start: Uint32Array; members: Uint32Array } | null = null;
  return (id) => {
    if (!built) {
      const start = new Uint32Array(size + 2);
      for (const v of ids) (start[v + 1] as number)++;
      for (let i = 1; i < start.length; i++) start[i] = (start[i] as number) + (start[i - 1] as number);
      const fill = start.slice();
      const members = new Uint32Array(ids.length);
      ids.forEach((v, d) => (members[(fill[v] as number)++] = d));
      built = { start, members };
    }
    return built.members.subarray(built.start[id] as number, built.start[id + 1] as number);
  };
}

function memberLists(ix: DoctorIndex): MemberLists {
  let lists = memberCache.get(ix);
  if (!lists) {
    const d = ix.dictionaries;
    lists = {
      area: membersOf(ix.area, d.area.size),
      settlement: membersOf(ix.settlement, d.settlement.size),
      division: membersOf(ix.division, d.division.size),
      legalEntity: membersOf(ix.legalEntity, d.legalEntity.size),
    };
    memberCache.set(ix, lists);
  }
  return lists;
}

const totals = new WeakMap<DirectoryView, Map<number, number>>();

/** How many doctors pass the speciality and free-places filters alone (asked again and again while browsing). */
function browseTotal(
  view: DirectoryView,
  specialities: number,
  onlyOpen: boolean,
  passes: (d: number) => boolean,
): number {
  let byKey = totals.get(view);
  if (!byKey) totals.set(view, (byKey = new Map()));
  const key = specialities * 2 + (onlyOpen ? 1 : 0);
  let total = byKey.get(key);
  if (total === undefined) {
    total = 0;
    for (let d = 0; d < view.index.n; d++) if (passes(d)) total++;
    byKey.set(key, total);
  }
  return total;
}

/** A doctor with what the card's details add: the position, the person's story, the division's contacts. */
type DoctorDetailsRow = DoctorRow & {
  rowid: number;
  position: string | null;
  specialities: string | null;
  educations: string | null;
  about_myself: string | null;
  working_experience: string | null;
  division_phones: string | null;
  division_email: string | null;
  working_hours: string | null;
};

const cards = new WeakMap<DirectoryView, Statement<DoctorRow>>();
function cardStatement(view: DirectoryView): Statement<DoctorRow> {
  let st = cards.get(view);
  if (!st)
    cards.set(
      view,
      (st = queries(view.db).statement<DoctorRow>(sql`SELECT * FROM dir_doctors WHERE rowid = ?`)),
    );
  return st;
}

/** The doctor at position `d` of a generation's index (its rowid is d + 1). */
function doctorAt(read: Statement<DoctorRow>, d: number): DoctorRow {
  const row = read.get(d + 1);
  if (!row) throw new Error(`directory: no doctor at index position ${d}`);
  return row;
}

interface Placed {
  distance: number;
  inClinic: boolean;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
/** Below this many hits the page is found by sorting them; above, by walking the clinic order. */
const SORT_LIMIT = 512;

/**
 * Doctor search on the replicated directory — works the same with or without a network.
 * Free text matches the folded name by word prefixes, in any order (as FTS5 prefix queries
 * would); filters are exact on folded oblast/settlement and ids; the patient's age limits
 * specialities; full doctors are left out unless asked for. Order: this clinic first, then
 * nearest, then alphabetical — precomputed per clinic (store.ts), so a page of a search with
 * thousands of hits is found without sorting them.
 */
export class DirectorySearch {
  private marks = new Uint8Array(0);
  private hits = new Uint32Array(0);

  constructor(private readonly store: DirectoryStore) {}

  search(input: DoctorSearchQuery): Result<DoctorSearchResult> {
    const parsed = DoctorSearchQuerySchema.safeParse(input);
    if (!parsed.success) return err('BAD_REQUEST', 'search query is not valid');
    const q = parsed.data;
    const view = this.store.view();
    const directoryUpdatedAt = view?.updatedAt ?? null;
    if (!view || directoryUpdatedAt === null)
      return err('DIRECTORY_EMPTY', 'the doctor directory has not been synced yet');

    const allowed = specialitiesForAge(q.age).filter((s) => !q.speciality || s === q.speciality);
    const empty = { items: [], total: 0, page: q.page, pageSize: q.pageSize, directoryUpdatedAt };
    if (allowed.length === 0) return ok(empty);
    const ix = view.index;
    let specialities = 0;
    for (const s of allowed) specialities |= 1 << DECLARATION_SPECIALITIES.indexOf(s);
    const idOf = (dict: Map<string, number>, value: string | undefined): number | null =>
      value ? (dict.get(value) ?? -1) : null;
    const area = idOf(ix.dictionaries.area, q.oblast ? foldArea(q.oblast) : undefined);
    const settlement = idOf(
      ix.dictionaries.settlement,
      q.settlement ? foldSettlement(q.settlement) : undefined,
    );
    const division = idOf(ix.dictionaries.division, q.divisionId);
    const legalEntity = idOf(ix.dictionaries.legalEntity, q.legalEntityId);
    if (area === -1 || settlement === -1 || division === -1 || legalEntity === -1) return ok(empty);
    const onlyOpen = !q.includeFull;
    const passes = (d: number): boolean =>
      ((specialities >> (ix.speciality[d] as number)) & 1) === 1 &&
      (!onlyOpen || ix.open[d] === 1) &&
      (area === null || ix.area[d] === area) &&
      (settlement === null || ix.settlement[d] === settlement) &&
      (division === null || ix.division[d] === division) &&
      (legalEntity === null || ix.legalEntity[d] === legalEntity);

    const words = q.text !== undefined && q.text.trim() !== '' ? searchTokens(q.text) : null;
    if (words !== null && words.length === 0) return ok(empty);
    const order = view.order;
    const from = (q.page - 1) * q.pageSize;
    const wanted = from + q.pageSize;
    let total: number;
    let page: number[];
    // the doctors each selective part of the query allows: name words, place, clinic
    const runs: Uint32Array[] = (words ?? []).map((w) => {
      const [a, b] = prefixPostings(ix, Buffer.from(w, 'utf8'));
      return ix.postings.subarray(a, b);
    });
    const lists = memberLists(ix);
    if (area !== null) runs.push(lists.area(area));
    if (settlement !== null) runs.push(lists.settlement(settlement));
    if (division !== null) runs.push(lists.division(division));
    if (legalEntity !== null) runs.push(lists.legalEntity(legalEntity));
    if (runs.length === 0) {
      // nobody singled out: count once per filter set, read the page off the clinic order
      total = browseTotal(view, specialities, onlyOpen, passes);
      page = [];
      for (let p = 0, seen = 0; p < ix.n && seen < wanted; p++) {
        const d = order.doctorAt[p] as number;
        if (!passes(d)) continue;
        if (seen >= from) page.push(d);
        seen++;
      }
    } else {
      ({ total, page } = this.intersect(view, runs, passes, from, wanted));
    }
    const read = cardStatement(view);
    const items = page.map((d) =>
      toCard(doctorAt(read, d), {
        distance: order.distance[d] as number,
        inClinic: order.inClinic[d] === 1,
      }),
    );
    return ok({ items, total, page: q.page, pageSize: q.pageSize, directoryUpdatedAt });
  }

  /**
   * A doctor must be in every run: every typed word starts a word of the name, and the place or
   * clinic asked for. Doctors are marked run by run (a doctor reaches mark k+1 only from k),
   * shortest run first; the hits are collected in clinic positions, and the page is either
   * sorted out of few hits or read off the clinic order up to the page's end.
   */
  private intersect(
    view: DirectoryView,
    unsorted: Uint32Array[],
    passes: (d: number) => boolean,
    from: number,
    wanted: number,
  ): { total: number; page: number[] } {
    const ix = view.index;
    if (this.marks.length < ix.n) {
      this.marks = new Uint8Array(ix.n);
      this.hits = new Uint32Array(ix.n);
    }
    const marks = this.marks;
    const runs = [...unsorted].sort((a, b) => a.length - b.length);
    if (runs.some((r) => r.length === 0)) return { total: 0, page: [] };
    const last = runs.length;
    let total = 0;
    try {
      runs.forEach((run, k) => {
        const final = k === last - 1;
        for (let i = 0; i < run.length; i++) {
          const d = run[i] as number;
          if (marks[d] !== k) continue;
          marks[d] = k + 1;
          if (final && passes(d)) this.hits[total++] = view.order.position[d] as number;
        }
      });
      if (total <= SORT_LIMIT || total < wanted) {
        const positions = this.hits.slice(0, total).sort();
        const page = Array.from(positions.subarray(from, wanted), (p) => view.order.doctorAt[p] as number);
        return { total, page };
      }
      // many hits: mark their positions and read the clinic order until the page is full
      const atPosition = marks;
      atPosition.fill(0);
      for (let i = 0; i < total; i++) atPosition[this.hits[i] as number] = 255;
      const page: number[] = [];
      for (let p = 0, seen = 0; p < ix.n && seen < wanted; p++) {
        if (atPosition[p] !== 255) continue;
        if (seen >= from) page.push(view.order.doctorAt[p] as number);
        seen++;
      }
      return { total, page };
    } finally {
      marks.fill(0);
    }
  }

  details(employeeId: string): Result<DoctorDetails> {
    const view = this.store.view();
    if (!view)
      return err('EHEALTH_NOT_FOUND', 'no such doctor in the directory (or not accepting declarations)');
    const row = queries(view.db).one<DoctorDetailsRow>(
      sql`SELECT d.rowid AS rowid, d.*, e.position, p.specialities, p.educations, p.about_myself, p.working_experience,
                v.phones AS division_phones, v.email AS division_email, v.working_hours
         FROM dir_doctors d
         JOIN dir_employees e ON e.id = d.employee_id
         JOIN dir_parties p ON p.id = d.party_id
         JOIN dir_divisions v ON v.id = d.division_id
         WHERE d.employee_id = ${employeeId}`,
    );
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
    const d = row.rowid - 1;
    return ok({
      ...toCard(row, { distance: view.order.distance[d] as number, inClinic: view.order.inClinic[d] === 1 }),
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

function toCard(r: DoctorRow, placed: Placed): DoctorCard {
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
    distanceKm: placed.distance >= UNKNOWN_DISTANCE ? null : round1(placed.distance),
    inThisClinic: placed.inClinic,
    declarationsLimit: r.declarations_limit,
    declarationsCount: r.declarations_count,
    freePlaces: r.free_places,
  };
}
