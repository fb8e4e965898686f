import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DoctorSearchQuery } from '#shared/contract/doctors';
import { ok } from '#shared/result';
import { installFakeKiosk } from '../../test/fake-kiosk';
import { CONTEXT, DOCTOR, DOCTOR_CARD } from '../screens/Declarations/samples.test-support';
import { initialFilters, PAGE_SIZE, queryFor, TYPING_PAUSE_MS, useDoctorsStore } from './doctors';
import { resetAllStores } from './reset';
import { useUiStore } from './ui';

const store = () => useDoctorsStore.getState();

describe('queryFor', () => {
  it('passes the patient age, trims text and leaves out what is not set', () => {
    expect(queryFor({ ...initialFilters, text: '  Петр ' }, CONTEXT, 1)).toEqual({
      text: 'Петр',
      age: 42,
      includeFull: false,
      page: 1,
      pageSize: PAGE_SIZE,
    });
  });

  it('"in this clinic" filters by the kiosk clinic; a speciality and places filters pass through', () => {
    expect(
      queryFor(
        {
          ...initialFilters,
          inThisClinic: true,
          speciality: 'THERAPIST',
          includeFull: true,
          settlement: 'Вінниця',
        },
        CONTEXT,
        3,
      ),
    ).toMatchObject({
      legalEntityId: 'le-9',
      speciality: 'THERAPIST',
      includeFull: true,
      settlement: 'Вінниця',
      page: 3,
    });
    expect(queryFor(initialFilters, { ...CONTEXT, signedIn: false, ageYears: null }, 1)).not.toHaveProperty(
      'age',
    );
  });
});

describe('doctors store', () => {
  it('never keeps a speciality the patient age does not allow', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('doctorSearchContext', () =>
      ok({ ...CONTEXT, ageYears: 16, specialities: ['FAMILY_DOCTOR', 'PEDIATRICIAN'] }),
    );
    store().setFilter('speciality', 'THERAPIST');
    await store().loadContext();
    expect(store().filters.speciality).toBe('any');
  });

  it('searches page by page, appending', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('doctorsSearch', (q) =>
      ok({
        items: [{ ...DOCTOR_CARD, employeeId: `emp-p${q.page ?? 1}` }],
        total: 2,
        page: q.page ?? 1,
        pageSize: PAGE_SIZE,
        directoryUpdatedAt: '2026-03-01T00:00:00Z',
      }),
    );
    await store().search();
    await store().more();
    expect(store().results).toMatchObject({ status: 'ready', total: 2, page: 2 });
    expect(store().results.items.map((d) => d.employeeId)).toEqual(['emp-p1', 'emp-p2']);
  });

  it('opens a doctor card', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('doctorsGet', () => ok(DOCTOR));
    await store().open(DOCTOR.employeeId);
    expect(useUiStore.getState().screen).toBe('doctorCard');
    expect(store().selected).toMatchObject({ status: 'ready', data: DOCTOR });
  });
});

describe('the list follows the filters', () => {
  afterEach(() => vi.useRealTimers());

  /** A directory that answers with as many doctors as the query's speciality is long (to tell answers apart). */
  function directory() {
    const kiosk = installFakeKiosk();
    const asked: DoctorSearchQuery[] = [];
    kiosk.respond('doctorSearchContext', () => ok(CONTEXT));
    kiosk.respond('doctorsSearch', (q) => {
      asked.push(q);
      const total = q.speciality === 'FAMILY_DOCTOR' ? 7 : q.text ? 1 : 30;
      return ok({
        items: [{ ...DOCTOR_CARD, employeeId: `emp-${q.speciality ?? 'any'}-${q.text ?? ''}` }],
        total,
        page: 1,
        pageSize: PAGE_SIZE,
        directoryUpdatedAt: null,
      });
    });
    return asked;
  }
  const settle = () => vi.waitFor(() => expect(store().results.status).toBe('ready'));

  it('a speciality chosen searches at once, and the count is the new one', async () => {
    const asked = directory();
    await store().loadContext();
    await store().search();
    expect(store().results.total).toBe(30);
    store().setFilter('speciality', 'FAMILY_DOCTOR');
    // until the new answer arrives, no count of the old list is shown
    expect(store().results.status).toBe('loading');
    await settle();
    expect(asked.at(-1)).toMatchObject({ speciality: 'FAMILY_DOCTOR' });
    expect(store().results.total).toBe(7);
    store().setFilter('includeFull', true);
    await settle();
    expect(asked.at(-1)).toMatchObject({ speciality: 'FAMILY_DOCTOR', includeFull: true });
  });

  it('typed text searches once typing pauses, not on every key', async () => {
    vi.useFakeTimers();
    const asked = directory();
    await store().loadContext();
    for (const text of ['П', 'Пе', 'Пет', 'Петр']) {
      store().setFilter('text', text);
      await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS / 2);
    }
    expect(asked).toHaveLength(0);
    expect(store().results.status).toBe('loading');
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS);
    expect(asked.map((q) => q.text)).toEqual(['Петр']);
    expect(store().results).toMatchObject({ status: 'ready', total: 1 });
  });

  it('"Шукати" searches at once and drops the search that waited for a pause; a wipe drops it too', async () => {
    vi.useFakeTimers();
    const asked = directory();
    await store().loadContext();
    store().setFilter('text', 'Ко');
    await store().search();
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS * 2);
    expect(asked.map((q) => q.text)).toEqual(['Ко']);
    store().setFilter('text', 'Ков');
    resetAllStores();
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS * 2);
    expect(asked).toHaveLength(1);
  });
});
