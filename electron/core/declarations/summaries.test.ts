import { describe, expect, it } from 'vitest';
import type { DoctorDetails } from '#shared/contract/doctors';
import { err, ok } from '#shared/result';
import {
  addressLine,
  endedOn,
  fromDeclarationRequest,
  isCurrent,
  personName,
  summarize,
  withReplacementReasons,
  type DirectoryPort,
} from './summaries';

const KNOWN: DoctorDetails = {
  employeeId: 'emp-1',
  partyId: 'party-1',
  fullName: 'Петренко Марія Іванівна',
  speciality: 'FAMILY_DOCTOR',
  divisionId: 'div-1',
  divisionName: 'Амбулаторія № 3',
  legalEntityId: 'le-1',
  legalEntityName: 'КНП «Центр»',
  oblast: null,
  settlement: 'Вінниця',
  address: 'Соборна, 1',
  latitude: null,
  longitude: null,
  distanceKm: null,
  inThisClinic: false,
  declarationsLimit: null,
  declarationsCount: null,
  freePlaces: null,
  position: null,
  specialities: [],
  education: [],
  aboutMyself: null,
  workingExperience: null,
  divisionPhones: ['+380432000000'],
  divisionEmail: null,
  workingHours: {},
};
const directory: DirectoryPort = {
  doctor: (id) => (id === 'emp-1' ? ok(KNOWN) : err('EHEALTH_NOT_FOUND', 'unknown')),
};

describe('summaries', () => {
  it('names the doctor and clinic from the directory', () => {
    const s = summarize(
      {
        id: 'd-1',
        declaration_number: '0001-AEHK-MPTX',
        status: 'active',
        start_date: '2025-01-01',
        employee: { id: 'emp-1' },
        division: { id: 'div-1' },
      },
      directory,
    );
    expect(s).toMatchObject({
      number: '0001-AEHK-MPTX',
      doctor: { fullName: 'Петренко Марія Іванівна', speciality: 'FAMILY_DOCTOR' },
      clinic: { divisionName: 'Амбулаторія № 3', address: 'Вінниця, Соборна, 1', phones: ['+380432000000'] },
      endDate: null,
      reason: null,
    });
  });

  it('a doctor the directory does not know leaves doctor and clinic empty, not invented', () => {
    const s = summarize(
      { id: 'd-2', status: 'terminated', reason: 'manual_person', employee: { id: 'emp-9' } },
      directory,
    );
    expect(s).toMatchObject({ doctor: null, clinic: null, status: 'terminated', reason: 'manual_person' });
    expect(summarize({ id: 'd-3' }, directory).status).toBe('unknown');
  });

  it('takes a declaration request’s doctor and clinic from eHealth’s answer, the directory filling gaps', () => {
    const fromEhealth = fromDeclarationRequest(
      {
        employee: {
          party: { last_name: 'Іваненко', first_name: 'Ігор', second_name: 'Петрович' },
          speciality: 'THERAPIST',
        },
        division: {
          name: 'Амбулаторія № 7',
          addresses: [{ settlement: 'Київ', street_type: 'STREET', street: 'Хрещатик', building: '1' }],
          phones: [{ number: '+380441111111' }],
        },
        legal_entity: { name: 'ТОВ «Повна назва»', public_name: 'Клініка' },
      },
      directory,
      'emp-5',
      'div-7',
    );
    expect(fromEhealth).toEqual({
      doctor: { employeeId: 'emp-5', fullName: 'Іваненко Ігор Петрович', speciality: 'THERAPIST' },
      clinic: {
        divisionId: 'div-7',
        divisionName: 'Амбулаторія № 7',
        legalEntityName: 'Клініка',
        address: 'Київ, Хрещатик, 1',
        phones: ['+380441111111'],
      },
    });
    expect(fromDeclarationRequest({}, directory, 'emp-1', 'div-1')).toMatchObject({
      doctor: { fullName: 'Петренко Марія Іванівна' },
      clinic: { legalEntityName: 'КНП «Центр»' },
    });
  });

  it('small helpers', () => {
    expect(personName({ last_name: 'Шевченко', first_name: 'Тарас' })).toBe('Шевченко Тарас');
    expect(personName(null)).toBeNull();
    expect(addressLine({ settlement: 'Львів', street: 'Городоцька', building: '10', apartment: '5' })).toBe(
      'Львів, Городоцька, 10, 5',
    );
    expect(addressLine({})).toBeNull();
    expect(['active', 'pending_verification', 'terminated', 'closed'].map(isCurrent)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('when and why a declaration ended', () => {
  const base = { employee: { id: 'emp-9' }, start_date: '2024-01-10', end_date: '2027-01-09' };
  it('a terminated one ended when eHealth last changed it; a closed one on its planned end; one in force has not', () => {
    expect(endedOn({ ...base, status: 'terminated', updated_at: '2025-06-01T08:30:00.000Z' })).toBe(
      '2025-06-01',
    );
    expect(endedOn({ ...base, status: 'closed', updated_at: '2027-01-10T00:00:00Z' })).toBe('2027-01-09');
    expect(endedOn({ ...base, status: 'active', updated_at: '2025-06-01T08:30:00Z' })).toBeNull();
    expect(endedOn({ ...base, status: 'pending_verification' })).toBeNull();
    expect(endedOn({ ...base, status: 'terminated' })).toBeNull();
  });

  it('a declaration eHealth ended without a reason on the day the next one began was replaced by it', () => {
    const list = [
      { id: 'new', status: 'active', start_date: '2025-06-01', ...{ employee: { id: 'emp-1' } } },
      { id: 'old', status: 'terminated', start_date: '2024-01-10', updated_at: '2025-06-01T08:30:00Z' },
      {
        id: 'own',
        status: 'terminated',
        start_date: '2023-01-10',
        updated_at: '2024-01-10T09:00:00Z',
        reason: 'manual_person',
      },
      { id: 'odd', status: 'terminated', start_date: '2022-01-10', updated_at: '2022-05-05T09:00:00Z' },
    ].map((d) => summarize(d, directory));
    const byId = Object.fromEntries(withReplacementReasons(list).map((s) => [s.id, s]));
    expect(byId.old).toMatchObject({ reason: 'replaced', endedOn: '2025-06-01' });
    expect(byId.own?.reason).toBe('manual_person');
    expect(byId.odd?.reason).toBeNull();
    expect(byId.new?.reason).toBeNull();
  });
});
