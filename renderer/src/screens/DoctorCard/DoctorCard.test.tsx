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
      screen.getByText('У цього лікаря немає вільних місць. Оберіть іншого лікаря.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Обрати цього лікаря' })).toBeNull();
  });

  it('the current doctor is marked, not offered again; a view-only patient is told why', () => {
    show(DOCTOR, { ...CONTEXT, currentEmployeeId: DOCTOR.employeeId });
    expect(screen.getByText('Це вже ваш лікар за декларацією.')).toBeInTheDocument();
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
