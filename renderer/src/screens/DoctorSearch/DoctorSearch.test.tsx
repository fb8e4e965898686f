import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DoctorSearchContext } from '#shared/contract/declarations';
import { ok } from '#shared/result';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import { useDoctorsStore } from '../../stores/doctors';
import { CONTEXT, DOCTOR_CARD } from '../Declarations/samples.test-support';
import { DoctorSearch } from './DoctorSearch';

function setup(context: DoctorSearchContext = CONTEXT) {
  const kiosk = installFakeKiosk();
  kiosk.respond('doctorSearchContext', () => ok(context));
  kiosk.respond('doctorsSearch', () =>
    ok({
      items: [
        DOCTOR_CARD,
        {
          ...DOCTOR_CARD,
          employeeId: 'emp-full',
          fullName: 'Іваненко Ігор',
          freePlaces: 0,
          inThisClinic: false,
          distanceKm: null,
        },
      ],
      total: 2,
      page: 1,
      pageSize: 10,
      directoryUpdatedAt: '2026-03-01T00:00:00Z',
    }),
  );
  render(<DoctorSearch />);
  return kiosk;
}

const specialityChoices = () =>
  within(screen.getByRole('group', { name: 'Спеціальність' }))
    .getAllByRole('button')
    .map((b) => b.textContent);

describe('DoctorSearch', () => {
  it('offers only the specialities the patient age allows, and lists doctors with their free places', async () => {
    setup();
    await waitFor(() => expect(specialityChoices()).toEqual(['Будь-яка', 'Сімейний лікар', 'Терапевт']));
    expect(await screen.findByText('Знайдено 2 лікарі')).toBeInTheDocument();
    expect(screen.getByText('100 вільних місць')).toBeInTheDocument();
    expect(screen.getByText('Вільних місць немає')).toBeInTheDocument();
    expect(screen.getByText('У цьому закладі')).toBeInTheDocument();
    expect(screen.getByText(/1\.5 км звідси/)).toBeInTheDocument();
  });

  it('a 17-year-old is told a pediatrician declaration ends at 18', async () => {
    setup({
      ...CONTEXT,
      ageYears: 17,
      specialities: ['FAMILY_DOCTOR', 'PEDIATRICIAN'],
      pediatricianEndsSoon: true,
    });
    expect(await screen.findByText(/декларація з педіатром діє лише до вашого 18-річчя/)).toBeInTheDocument();
    await waitFor(() => expect(specialityChoices()).toEqual(['Будь-яка', 'Сімейний лікар', 'Педіатр']));
  });

  it('without a session it says a note is printed instead of a declaration', async () => {
    setup({
      ...CONTEXT,
      signedIn: false,
      ageYears: null,
      canDeclare: false,
      specialities: ['FAMILY_DOCTOR', 'THERAPIST', 'PEDIATRICIAN'],
      currentEmployeeId: null,
    });
    expect(await screen.findByText(/Ви не увійшли до кабінету/)).toBeInTheDocument();
  });

  it('filters: typed on the on-screen keyboard, the clinic switch, the speciality; sent with the patient age', async () => {
    const kiosk = setup();
    await screen.findByText('Знайдено 2 лікарі');
    fireEvent.click(screen.getByRole('button', { name: /^Прізвище або імʼя лікаря:/ }));
    const keyboard = screen.getByRole('group', { name: 'Екранна клавіатура' });
    for (const key of ['п', 'е', 'т'])
      fireEvent.click(within(keyboard).getAllByRole('button', { name: key })[0]!);
    fireEvent.click(screen.getByRole('button', { name: 'Готово' }));
    expect(screen.getByRole('button', { name: /^Прізвище або імʼя лікаря: пет/ })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('switch', { name: 'Лише в цьому закладі' }));
    fireEvent.click(screen.getByRole('button', { name: 'Терапевт' }));
    fireEvent.click(screen.getByRole('button', { name: 'Шукати' }));
    await waitFor(() =>
      expect(kiosk.callsTo('doctorsSearch').at(-1)).toMatchObject({
        text: 'пет',
        speciality: 'THERAPIST',
        age: 42,
        legalEntityId: 'le-9',
        includeFull: false,
      }),
    );
    expect(useDoctorsStore.getState().filters.text).toBe('пет');
  });

  it('the list and its count follow a chosen speciality without pressing «Шукати»', async () => {
    const kiosk = installFakeKiosk();
    kiosk.respond('doctorSearchContext', () => ok(CONTEXT));
    kiosk.respond('doctorsSearch', (q) =>
      ok({
        items:
          q.speciality === 'FAMILY_DOCTOR'
            ? [DOCTOR_CARD]
            : [DOCTOR_CARD, { ...DOCTOR_CARD, employeeId: 'emp-t' }],
        total: q.speciality === 'FAMILY_DOCTOR' ? 1 : 2,
        page: 1,
        pageSize: 10,
        directoryUpdatedAt: null,
      }),
    );
    render(<DoctorSearch />);
    await screen.findByText('Знайдено 2 лікарі');
    fireEvent.click(screen.getByRole('button', { name: 'Сімейний лікар' }));
    expect(await screen.findByText('Знайдено 1 лікаря')).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Шукати' })).toBeEnabled();
  });

  it('says why a speciality is not offered at the patient’s age, and why a teen cannot sign here', async () => {
    setup();
    expect(
      await screen.findByText('Педіатрів тут немає: вони укладають декларації лише з дітьми до 18 років.'),
    ).toBeInTheDocument();
  });

  it('a view-only teen is told why and what to do instead', async () => {
    setup({ ...CONTEXT, ageYears: 15, specialities: ['FAMILY_DOCTOR', 'PEDIATRICIAN'], canDeclare: false });
    expect(await screen.findByText(/^Підписати декларацію в кіоску ви поки не можете/)).toHaveTextContent(
      'кіоск надрукує записку про нього',
    );
    expect(screen.getByText(/^Терапевтів тут немає/)).toBeInTheDocument();
  });
});
