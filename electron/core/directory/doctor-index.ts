/**
 * The doctor search index of one directory generation: compact typed arrays written by the sync
 * (beside the rows, table `dir_index`) and read back by the kiosk in a few milliseconds.
 *
 * Doctors are numbered 0…n-1 in name order (`dir_doctors` rowid − 1, see doctors.ts). For each
 * doctor: speciality, "has free places", oblast, settlement, division, legal entity and
 * coordinates. Names: the distinct words of every folded name, sorted by their UTF-8 bytes, each
 * with the doctors whose name has it — so all words with a given prefix are one run of words,
 * and their doctors one run of the postings array.
 */
import { DECLARATION_SPECIALITIES } from './eligibility';
import { queries, sql, type Db } from '../db';

export const INDEX_VERSION = 1;

export interface DoctorIndex {
  n: number;
  speciality: Uint8Array;
  /** 1 when the doctor takes declarations (no published limit, or free places left). */
  open: Uint8Array;
  /** Dictionary ids (1-based; 0 = none) of the folded oblast and settlement, division and legal entity. */
  area: Uint32Array;
  settlement: Uint32Array;
  division: Uint32Array;
  legalEntity: Uint32Array;
  /** NaN when unknown. */
  latitude: Float64Array;
  longitude: Float64Array;
  /** Distinct name words (UTF-8, concatenated) and where each starts; one more entry at the end. */
  words: Uint8Array;
  wordStart: Uint32Array;
  /** Doctors of word w: postings[postingStart[w] … postingStart[w + 1]). */
  postingStart: Uint32Array;
  postings: Uint32Array;
  dictionaries: {
    area: Map<string, number>;
    settlement: Map<string, number>;
    division: Map<string, number>;
    legalEntity: Map<string, number>;
  };
}

/** Words of a folded name as FTS5's unicode61 tokenizer splits them (letters, digits, private use). */
export const nameWords = (nameNorm: string): string[] =>
  nameNorm.split(/[^\p{L}\p{N}\p{Co}]+/u).filter((w) => w.length > 0);

interface IndexRow {
  name_norm: string;
  speciality: string;
  free_places: number | null;
  area_norm: string | null;
  settlement_norm: string | null;
  division_id: string;
  legal_entity_id: string;
  latitude: number | null;
  longitude: number | null;
}

class Dictionary {
  readonly ids = new Map<string, number>();
  id(v: string | null): number {
    if (v === null) return 0;
    let id = this.ids.get(v);
    if (id === undefined) this.ids.set(v, (id = this.ids.size + 1));
    return id;
  }
  list(): string[] {
    return [...this.ids.keys()];
  }
}

const PARTS = [
  'speciality',
  'open',
  'area',
  'settlement',
  'division',
  'legalEntity',
  'latitude',
  'longitude',
  'words',
  'wordStart',
  'postingStart',
  'postings',
] as const;

/** Builds the index from `dir_doctors` (in rowid order), stores it in `dir_index` and returns it. */
export function writeDoctorIndex(db: Db): DoctorIndex {
  const q = queries(db);
  const n = q.value<number>(sql`SELECT count(*) AS n FROM dir_doctors`) ?? 0;
  const max = q.value<number>(sql`SELECT coalesce(max(rowid), 0) AS m FROM dir_doctors`) ?? 0;
  if (max !== n) throw new Error('dir_doctors rowids must run 1…n (rows are written in name order)');
  const ix = {
    speciality: new Uint8Array(n),
    open: new Uint8Array(n),
    area: new Uint32Array(n),
    settlement: new Uint32Array(n),
    division: new Uint32Array(n),
    legalEntity: new Uint32Array(n),
    latitude: new Float64Array(n),
    longitude: new Float64Array(n),
  };
  const dict = {
    area: new Dictionary(),
    settlement: new Dictionary(),
    division: new Dictionary(),
    legalEntity: new Dictionary(),
  };
  const byWord = new Map<string, number[]>();
  let d = 0;
  const rows = q.each<IndexRow>(
    sql`SELECT name_norm, speciality, free_places, area_norm, settlement_norm, division_id, legal_entity_id, latitude, longitude
       FROM dir_doctors ORDER BY rowid`,
  );
  for (const r of rows) {
    ix.speciality[d] = DECLARATION_SPECIALITIES.indexOf(r.speciality as never);
    ix.open[d] = r.free_places === null || r.free_places > 0 ? 1 : 0;
    ix.area[d] = dict.area.id(r.area_norm);
    ix.settlement[d] = dict.settlement.id(r.settlement_norm);
    ix.division[d] = dict.division.id(r.division_id);
    ix.legalEntity[d] = dict.legalEntity.id(r.legal_entity_id);
    ix.latitude[d] = r.latitude ?? NaN;
    ix.longitude[d] = r.longitude ?? NaN;
    for (const w of new Set(nameWords(r.name_norm))) {
      const list = byWord.get(w);
      if (list) list.push(d);
      else byWord.set(w, [d]);
    }
    d++;
  }
  const sorted = [...byWord.keys()].map((w) => Buffer.from(w, 'utf8')).sort(Buffer.compare);
  const words = Buffer.concat(sorted);
  const wordStart = new Uint32Array(sorted.length + 1);
  const postingStart = new Uint32Array(sorted.length + 1);
  let total = 0;
  for (const list of byWord.values()) total += list.length;
  const postings = new Uint32Array(total);
  let at = 0;
  let p = 0;
  sorted.forEach((w, i) => {
    wordStart[i] = at;
    postingStart[i] = p;
    at += w.length;
    const list = byWord.get(w.toString('utf8')) as number[];
    postings.set(list, p);
    p += list.length;
  });
  wordStart[sorted.length] = at;
  postingStart[sorted.length] = p;
  const blobs: Record<(typeof PARTS)[number], ArrayBufferView> = {
    ...ix,
    words,
    wordStart,
    postingStart,
    postings,
  };
  const put = db.prepare('INSERT OR REPLACE INTO dir_index (part, data) VALUES (?, ?)');
  db.transaction(() => {
    put.run(
      'meta',
      Buffer.from(
        JSON.stringify({
          version: INDEX_VERSION,
          n,
          area: dict.area.list(),
          settlement: dict.settlement.list(),
          division: dict.division.list(),
          legalEntity: dict.legalEntity.list(),
        }),
      ),
    );
    for (const part of PARTS) {
      const v = blobs[part];
      put.run(part, Buffer.from(v.buffer, v.byteOffset, v.byteLength));
    }
  })();
  const ids = (d: Dictionary) => new Map(d.ids);
  return {
    n,
    ...ix,
    words,
    wordStart,
    postingStart,
    postings,
    dictionaries: {
      area: ids(dict.area),
      settlement: ids(dict.settlement),
      division: ids(dict.division),
      legalEntity: ids(dict.legalEntity),
    },
  };
}

export function typedView<T>(
  data: Buffer,
  Kind: { new (b: ArrayBuffer, o: number, l: number): T; BYTES_PER_ELEMENT: number },
): T {
  // a typed array needs its alignment: copy when the blob does not start on one
  const bytes = data.byteOffset % Kind.BYTES_PER_ELEMENT === 0 ? data : new Uint8Array(data);
  return new Kind(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength / Kind.BYTES_PER_ELEMENT);
}

/** Reads the index of a generation; null when it has none or an older format. */
export function readDoctorIndex(db: Db): DoctorIndex | null {
  const rows = queries(db).all<{ part: string; data: Buffer }>(sql`SELECT part, data FROM dir_index`);
  const parts = new Map(rows.map((r) => [r.part, r.data]));
  const metaBlob = parts.get('meta');
  if (!metaBlob) return null;
  const meta = JSON.parse(metaBlob.toString('utf8')) as {
    version: number;
    n: number;
    area: string[];
    settlement: string[];
    division: string[];
    legalEntity: string[];
  };
  if (meta.version !== INDEX_VERSION || PARTS.some((p) => !parts.has(p))) return null;
  const get = (p: (typeof PARTS)[number]) => parts.get(p) as Buffer;
  const ids = (list: string[]) => new Map(list.map((v, i) => [v, i + 1]));
  return {
    n: meta.n,
    speciality: typedView(get('speciality'), Uint8Array),
    open: typedView(get('open'), Uint8Array),
    area: typedView(get('area'), Uint32Array),
    settlement: typedView(get('settlement'), Uint32Array),
    division: typedView(get('division'), Uint32Array),
    legalEntity: typedView(get('legalEntity'), Uint32Array),
    latitude: typedView(get('latitude'), Float64Array),
    longitude: typedView(get('longitude'), Float64Array),
    words: typedView(get('words'), Uint8Array),
    wordStart: typedView(get('wordStart'), Uint32Array),
    postingStart: typedView(get('postingStart'), Uint32Array),
    postings: typedView(get('postings'), Uint32Array),
    dictionaries: {
      area: ids(meta.area),
      settlement: ids(meta.settlement),
      division: ids(meta.division),
      legalEntity: ids(meta.legalEntity),
    },
  };
}

/** Compares word w with `prefix`: <0, 0 (w starts with prefix), >0 — in UTF-8 byte order. */
function comparePrefix(ix: DoctorIndex, w: number, prefix: Uint8Array): number {
  const start = ix.wordStart[w] as number;
  const len = (ix.wordStart[w + 1] as number) - start;
  const n = Math.min(len, prefix.length);
  for (let i = 0; i < n; i++) {
    const d = (ix.words[start + i] as number) - (prefix[i] as number);
    if (d !== 0) return d;
  }
  return len >= prefix.length ? 0 : -1;
}

/** The run of postings of every word starting with `prefix`: [from, to) in `postings`. */
export function prefixPostings(ix: DoctorIndex, prefix: Uint8Array): [number, number] {
  const words = ix.wordStart.length - 1;
  let lo = 0;
  let hi = words;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (comparePrefix(ix, mid, prefix) < 0) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  let top = words;
  while (end < top) {
    const mid = (end + top) >>> 1;
    if (comparePrefix(ix, mid, prefix) <= 0) end = mid + 1;
    else top = mid;
  }
  return [ix.postingStart[lo] as number, ix.postingStart[end] as number];
}
