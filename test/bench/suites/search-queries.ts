/**
 * A fixed, varied set of doctor searches generated from the directory itself with a seeded
 * generator: what patients type at a kiosk — short and long surname prefixes, full names in any
 * order, every apostrophe form (' ʼ ’ or none), ґ typed as г and back, misplaced capitals —
 * alone or with the filters the screens send (speciality, the patient's age, oblast,
 * settlement, "show full doctors", later pages), plus searches that find nobody.
 */
import type { DoctorSearchQuery } from '#shared/contract/doctors';
import { Prng } from '../lib/prng';

export interface DoctorSample {
  full_name: string;
  settlement: string | null;
  area: string | null;
}

export type QueryKind =
  | 'short prefix'
  | 'long prefix'
  | 'full name'
  | 'apostrophe variant'
  | 'ґ/г variant'
  | 'prefix + age + speciality'
  | 'settlement + age'
  | 'oblast + speciality'
  | 'prefix + settlement'
  | 'browse pages'
  | 'no match';

export interface BenchQuery {
  kind: QueryKind;
  query: DoctorSearchQuery;
}

const APOSTROPHE = /['ʼ’‘`]/u;
const APOSTROPHE_FORMS = ["'", 'ʼ', '’', ''] as const;
const SPECIALITIES = ['FAMILY_DOCTOR', 'THERAPIST', 'PEDIATRICIAN'] as const;

/** How people type: lower case, capitalised, or in capitals. */
function typed(rnd: Prng, word: string): string {
  const r = rnd.next();
  if (r < 0.6) return word.toLocaleLowerCase('uk');
  if (r < 0.9) return word;
  return word.toLocaleUpperCase('uk');
}

const swapG = (w: string): string =>
  w.includes('ґ') || w.includes('Ґ')
    ? w.replace(/ґ/g, 'г').replace(/Ґ/g, 'Г')
    : w.replace(/г/g, 'ґ').replace(/Г/g, 'Ґ');

export function buildQueries(doctors: readonly DoctorSample[], count: number, seed: number): BenchQuery[] {
  if (doctors.length === 0) throw new Error('no doctors to build queries from');
  const rnd = new Prng(seed);
  const withApostrophe = doctors.filter((d) => APOSTROPHE.test(d.full_name));
  const withG = doctors.filter((d) => /[ґҐ]/u.test(d.full_name));
  const withPlainG = doctors.filter((d) => /[гГ]/u.test(d.full_name));
  const settlements = [...new Set(doctors.map((d) => d.settlement).filter((s): s is string => !!s))];
  const oblasts = [...new Set(doctors.map((d) => d.area).filter((s): s is string => !!s))];
  const words = (d: DoctorSample) => d.full_name.split(' ');

  const make = (): BenchQuery => {
    const d = rnd.pick(doctors);
    const [last = '', first = '', patronymic = ''] = words(d);
    const roll = rnd.int(0, 20);
    if (roll <= 2) return { kind: 'short prefix', query: { text: typed(rnd, last.slice(0, rnd.int(1, 3))) } };
    if (roll <= 4) return { kind: 'long prefix', query: { text: typed(rnd, last.slice(0, rnd.int(4, 8))) } };
    if (roll <= 6) {
      const parts = rnd.chance(0.5) ? [first, last] : [last, first, patronymic.slice(0, rnd.int(1, 4))];
      return { kind: 'full name', query: { text: parts.map((p) => typed(rnd, p)).join(' ') } };
    }
    if (roll <= 8 && withApostrophe.length) {
      const name = rnd.pick(withApostrophe);
      const word = words(name).find((w) => APOSTROPHE.test(w)) ?? last;
      const form = rnd.pick(APOSTROPHE_FORMS);
      const text = word.replace(APOSTROPHE, form);
      return {
        kind: 'apostrophe variant',
        query: { text: typed(rnd, rnd.chance(0.5) ? text : text.slice(0, Math.max(3, text.length - 2))) },
      };
    }
    if (roll <= 10) {
      const pool = rnd.chance(0.5) && withG.length ? withG : withPlainG.length ? withPlainG : doctors;
      const name = rnd.pick(pool);
      const word = words(name).find((w) => /[гГґҐ]/u.test(w)) ?? words(name)[0] ?? '';
      return { kind: 'ґ/г variant', query: { text: typed(rnd, swapG(word).slice(0, rnd.int(3, 9))) } };
    }
    if (roll <= 12)
      return {
        kind: 'prefix + age + speciality',
        query: {
          text: typed(rnd, last.slice(0, rnd.int(2, 4))),
          age: rnd.int(0, 95),
          ...(rnd.chance(0.5) ? { speciality: rnd.pick(SPECIALITIES) } : {}),
        },
      };
    if (roll <= 14 && settlements.length)
      return {
        kind: 'settlement + age',
        query: {
          settlement: rnd.chance(0.7) ? rnd.pick(settlements) : (d.settlement ?? rnd.pick(settlements)),
          age: rnd.int(0, 95),
          ...(rnd.chance(0.3) ? { includeFull: true } : {}),
        },
      };
    if (roll <= 15 && oblasts.length)
      return {
        kind: 'oblast + speciality',
        query: { oblast: rnd.pick(oblasts), speciality: rnd.pick(SPECIALITIES) },
      };
    if (roll <= 17 && settlements.length)
      return {
        kind: 'prefix + settlement',
        query: {
          text: typed(rnd, last.slice(0, rnd.int(1, 3))),
          settlement: d.settlement ?? rnd.pick(settlements),
        },
      };
    if (roll <= 19)
      return {
        kind: 'browse pages',
        query: {
          page: rnd.int(1, 5),
          ...(rnd.chance(0.5) ? { age: rnd.int(0, 95) } : {}),
          ...(rnd.chance(0.3) ? { includeFull: true } : {}),
        },
      };
    const letters = 'щюфжцїє';
    const noise = Array.from({ length: rnd.int(3, 6) }, () => letters[rnd.int(0, letters.length - 1)]).join(
      '',
    );
    return { kind: 'no match', query: { text: noise } };
  };

  const seen = new Set<string>();
  const out: BenchQuery[] = [];
  for (let tries = 0; out.length < count && tries < count * 50; tries++) {
    const q = make();
    if (q.query.text !== undefined && q.query.text.trim() === '') continue;
    if (rnd.chance(0.15) && q.query.includeFull === undefined) q.query.includeFull = true;
    const key = JSON.stringify(q.query);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(q);
  }
  if (out.length < count) throw new Error(`only ${out.length} distinct queries could be made`);
  return out;
}
