import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openKioskDatabase } from '../db/kiosk-db';
import { fixture, seedDirectory } from './fixture.test-support';
import type { ClinicLocation } from './clinic';
import { DirectoryService } from './directory-service';
import { readClinic } from './clinic';
import { DirectorySearch } from './search';
import { DirectoryStore } from './store';

let db: ReturnType<typeof openKioskDatabase>;
let store: DirectoryStore;
let search: DirectorySearch;
const setClinic = (c: ClinicLocation | null) => {
  const r = new DirectoryService({ db, store, api: null }).setClinic(c);
  if (!r.ok) throw new Error(r.error.message);
};
beforeEach(async () => {
  db = openKioskDatabase(':memory:');
  store = new DirectoryStore({ dataDir: ':memory:', environment: 'training', clinic: () => readClinic(db) });
  search = new DirectorySearch(store);
  await seedDirectory(store, fixture());
});
afterEach(() => {
  store.close();
  db.close();
});

const names = (q: Parameters<DirectorySearch['search']>[0]) => {
  const r = search.search(q);
  if (!r.ok) throw new Error(r.error.code);
  return r.value.items.map((d) => d.fullName.split(' ')[0]);
};

describe('doctor search', () => {
  it('refuses to answer from an empty directory', () => {
    const none = new DirectoryStore({ dataDir: ':memory:', environment: 'training', clinic: () => null });
    const empty = new DirectorySearch(none);
    expect(empty.search({})).toMatchObject({ ok: false, error: { code: 'DIRECTORY_EMPTY' } });
    none.close();
  });

  it('finds names case-insensitively, by prefix, in any word order, across ґ/г, ї/і, є/е and apostrophe forms', () => {
    expect(names({ text: 'галаган', includeFull: true })).toEqual(['Ґалаґан']);
    expect(names({ text: 'ҐАЛ', includeFull: true })).toEqual(['Ґалаґан']);
    expect(names({ text: 'ірина ґал', includeFull: true })).toEqual(['Ґалаґан']);
    for (const typed of ["Мар'яненко", 'Марʼяненко', 'мар’ян', 'марян', 'МАР`ЯН'])
      expect(names({ text: typed, includeFull: true })).toEqual(['Мар’яненко']);
    expect(names({ text: 'Іжакевич' })).toEqual(['Їжакевич']);
    expect(names({ text: 'евген' })).toEqual(['Їжакевич']);
    expect(names({ text: 'ковал анна' })).toEqual(['Коваленко']);
    expect(names({ text: 'коваленко ірина' })).toEqual([]);
    expect(names({ text: 'Дмитренко' })).toEqual([]); // dismissed: not offered
    expect(names({ text: ' ,; ' })).toEqual([]);
  });

  it('limits specialities by the patient age: therapist from 18, pediatrician under 18, family doctor always', () => {
    const all = { includeFull: true, pageSize: 50 };
    const spec = (age?: number) => {
      const r = search.search({ ...all, ...(age === undefined ? {} : { age }) });
      return r.ok ? [...new Set(r.value.items.map((d) => d.speciality))].sort() : [];
    };
    expect(spec()).toEqual(['FAMILY_DOCTOR', 'PEDIATRICIAN', 'THERAPIST']);
    expect(spec(18)).toEqual(['FAMILY_DOCTOR', 'THERAPIST']);
    expect(spec(17)).toEqual(['FAMILY_DOCTOR', 'PEDIATRICIAN']);
    expect(names({ speciality: 'THERAPIST', age: 10 })).toEqual([]);
    expect(names({ speciality: 'PEDIATRICIAN', age: 5 })).toEqual(['Їжакевич']);
  });

  it('filters by oblast, settlement (with or without "м."), division and legal entity', () => {
    expect(names({ settlement: 'Львів' }).sort()).toEqual(['Коваленко', 'Їжакевич'].sort());
    expect(names({ settlement: 'м. Київ', includeFull: true }).sort()).toEqual(
      ['Ґалаґан', 'Мар’яненко'].sort(),
    );
    expect(names({ oblast: 'київська обл.', includeFull: true }).sort()).toEqual(
      ['Ґалаґан', 'Мар’яненко'].sort(),
    );
    expect(names({ oblast: 'Одеська область' })).toEqual(['Шевчук']);
    expect(names({ divisionId: 'd-kyiv-1' })).toEqual(['Ґалаґан']);
    expect(names({ legalEntityId: 'le-lviv', speciality: 'FAMILY_DOCTOR' })).toEqual(['Коваленко']);
  });

  it('shows free places, and leaves doctors with none out unless asked', () => {
    const r = search.search({ text: 'галаган' });
    expect(r.ok && r.value.items[0]).toMatchObject({
      declarationsLimit: 1800,
      declarationsCount: 1799,
      freePlaces: 1,
    });
    expect(names({ text: 'марян' })).toEqual([]);
    const full = search.search({ text: 'марян', includeFull: true });
    expect(full.ok && full.value.items[0]?.freePlaces).toBe(0);
    // a doctor without a published limit is offered, with unknown free places
    const shev = search.search({ text: 'шевчук' });
    expect(shev.ok && shev.value.items[0]?.freePlaces).toBeNull();
  });

  it('puts this clinic first, then the nearest, and gives distances when coordinates are configured', () => {
    expect(names({ pageSize: 50 })).toEqual(['Ґалаґан', 'Їжакевич', 'Коваленко', 'Шевчук']);
    setClinic({ latitude: 49.84, longitude: 24.03 }); // Lviv
    const r = search.search({ pageSize: 50 });
    if (!r.ok) throw new Error('search');
    expect(r.value.items.map((d) => d.fullName.split(' ')[0])).toEqual([
      'Їжакевич',
      'Коваленко',
      'Ґалаґан',
      'Шевчук',
    ]);
    expect(r.value.items[0]!.distanceKm).toBe(0);
    expect(r.value.items[2]!.distanceKm).toBeGreaterThan(460);
    expect(r.value.items[2]!.distanceKm).toBeLessThan(480);
    setClinic({ latitude: 49.84, longitude: 24.03, legalEntityId: 'le-msp' });
    const own = search.search({ pageSize: 50 });
    expect(own.ok && own.value.items.map((d) => [d.fullName.split(' ')[0], d.inThisClinic])).toEqual([
      ['Шевчук', true],
      ['Їжакевич', false],
      ['Коваленко', false],
      ['Ґалаґан', false],
    ]);
  });

  it('keeps the clinic order across a re-sync, and forgets it when the clinic is cleared', async () => {
    setClinic({ legalEntityId: 'le-lviv' });
    await seedDirectory(store, fixture());
    expect(names({ pageSize: 50 }).slice(0, 2).sort()).toEqual(['Коваленко', 'Їжакевич'].sort());
    expect(
      search.search({ pageSize: 50 }).ok &&
        (search.search({ pageSize: 1 }) as { ok: true; value: { items: { inThisClinic: boolean }[] } }).value
          .items[0]!.inThisClinic,
    ).toBe(true);
    setClinic(null);
    expect(names({ pageSize: 50 })).toEqual(['Ґалаґан', 'Їжакевич', 'Коваленко', 'Шевчук']);
    expect(
      new DirectoryService({ db, store, api: null }).setClinic({ latitude: 200 } as ClinicLocation).ok,
    ).toBe(false);
  });

  it('pages through results with a total', () => {
    const p1 = search.search({ pageSize: 3, page: 1, includeFull: true });
    const p2 = search.search({ pageSize: 3, page: 2, includeFull: true });
    if (!p1.ok || !p2.ok) throw new Error('search');
    expect(p1.value.total).toBe(5);
    expect(p1.value.items).toHaveLength(3);
    expect(p2.value.items).toHaveLength(2);
    expect(new Set([...p1.value.items, ...p2.value.items].map((d) => d.employeeId)).size).toBe(5);
    expect(p1.value.directoryUpdatedAt).toBe('2026-03-01T08:00:00.000Z');
    expect(search.search({ pageSize: 500 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('gives the doctor card with working hours, phones and education', () => {
    const d = search.details('e-1');
    expect(d.ok && d.value).toMatchObject({
      fullName: 'Ґалаґан Ірина Петрівна',
      divisionName: 'Амбулаторія d-kyiv-1',
      address: 'вул. Шевченка, 1',
      divisionPhones: ['+380441234567'],
      workingHours: {
        mon: [
          ['08:00', '12:00'],
          ['14:00', '18:00'],
        ],
      },
      specialities: [{ speciality: 'FAMILY_DOCTOR', level: 'FIRST', officio: true }],
      education: [{ institution: 'НМУ', speciality: 'Лікувальна справа', year: '2004' }],
      workingExperience: 12,
    });
    expect(search.details('e-6')).toMatchObject({ ok: false, error: { code: 'EHEALTH_NOT_FOUND' } });
  });
});
