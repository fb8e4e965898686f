import { describe, expect, it } from 'vitest';
import { ok } from '#shared/result';
import { installFakeKiosk } from '../../test/fake-kiosk';
import { CONTEXT, DOCTOR, DOCTOR_CARD } from '../screens/Declarations/samples.test-support';
import { initialFilters, PAGE_SIZE, queryFor, useDoctorsStore } from './doctors';
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
