import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DoctorDetails } from '#shared/contract/doctors';
import { useDeclarationsStore } from '../../stores/declarations';
import { useDoctorsStore } from '../../stores/doctors';
import { useReceiptsStore } from '../../stores/receipts';
import { useUiStore } from '../../stores/ui';
import { installFakeKiosk } from '../../../test/fake-kiosk';
import { CONTEXT, DOCTOR } from '../Declarations/samples.test-support';
import { DoctorCard } from './DoctorCard';

function show(doctor: DoctorDetails, context = CONTEXT) {
  installFakeKiosk();
  useDoctorsStore.setState({ context, selected: { status: 'ready', data: doctor, error: null } });
  render(<DoctorCard />);
}

describe('DoctorCard', () => {
  it('shows specialities, clinic, address, phones, hours and free places; choosing starts the wizard', () => {
    show(DOCTOR);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Петренко Марія Іванівна');
    for (const text of [
      'Сімейний лікар (основна)',
      'Амбулаторія № 9',
      'Вінниця, Соборна, 9',
      '+380432000009',
      '100 вільних місць',
      'Досвід роботи: 18 років',
    ])
      expect(screen.getByText(text, { exact: false })).toBeInTheDocument();
    expect(screen.getByRole('row', { name: 'Понеділок 08:00–16:00' })).toBeInTheDocument();
    expect(screen.getByRole('row', { name: 'Пʼятниця 08:00–12:00' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Обрати цього лікаря' }));
    expect(useUiStore.getState().screen).toBe('declarationWizard');
    expect(useDeclarationsStore.getState().wizard.doctor).toEqual(DOCTOR);
  });

  it('a doctor without free places cannot be chosen', () => {
    show({ ...DOCTOR, freePlaces: 0 });
    expect(
      screen.getByText(
        'У цього лікаря немає вільних місць для нових декларацій. Поверніться до пошуку й оберіть іншого лікаря.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Обрати цього лікаря' })).toBeNull();
  });

  it('the current doctor is marked, not offered again', () => {
    show(DOCTOR, { ...CONTEXT, currentEmployeeId: DOCTOR.employeeId });
    expect(
      screen.getByText(
        'Це вже ваш лікар за декларацією: ваша декларація з ним діє, нічого робити не потрібно.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Обрати цього лікаря' })).toBeNull();
  });

  it('a view-only patient is told why they cannot choose here and gets a note for the reception desk', () => {
    show(DOCTOR, {
      ...CONTEXT,
      ageYears: 15,
      specialities: ['FAMILY_DOCTOR', 'PEDIATRICIAN'],
      canDeclare: false,
    });
    expect(screen.getByText(/не підтверджено вашу повну цивільну дієздатність/)).toHaveTextContent(
      'з нею й паспортом декларацію підпишуть у реєстратурі',
    );
    expect(screen.queryByText('Підписати нову декларацію в кіоску ви зараз не можете.')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Обрати цього лікаря' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Надрукувати записку про лікаря' }));
    expect(useUiStore.getState().screen).toBe('receipt');
  });

  it('a speciality the patient’s age does not allow is refused with the reason and what to choose instead', () => {
    show(
      { ...DOCTOR, speciality: 'THERAPIST' },
      { ...CONTEXT, ageYears: 16, specialities: ['FAMILY_DOCTOR', 'PEDIATRICIAN'], currentEmployeeId: null },
    );
    expect(screen.getByText(/Терапевт укладає декларації лише з людьми від 18 років/)).toHaveTextContent(
      'оберіть педіатра або сімейного лікаря',
    );
    expect(screen.queryByRole('button', { name: 'Обрати цього лікаря' })).toBeNull();
  });

  it('without a session the kiosk prints a note of the doctor instead', () => {
    show(DOCTOR, { ...CONTEXT, signedIn: false, canDeclare: false, ageYears: null });
    expect(screen.queryByRole('button', { name: 'Обрати цього лікаря' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Надрукувати записку про лікаря' }));
    expect(useUiStore.getState().screen).toBe('receipt');
    expect(useReceiptsStore.getState().target).toMatchObject({
      kind: 'doctor-note',
      source: { doctorNoteFor: DOCTOR.employeeId },
    });
  });
});
