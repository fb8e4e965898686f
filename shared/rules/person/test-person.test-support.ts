import type { PersonInput } from './types';

/** A valid adult person (checked against 2026-06-15) that tests change one field at a time. */
export const TODAY = '2026-06-15';

export const validPerson = (): PersonInput => ({
  first_name: 'Андрій',
  last_name: "Дем'яненко",
  second_name: 'Іванович',
  birth_date: '1997-05-06',
  birth_country: 'Україна',
  birth_settlement: 'Львів',
  gender: 'MALE',
  email: 'andrii@example.com',
  tax_id: '3126509817',
  no_tax_id: false,
  secret: 'Барвінок',
  unzr: '19970506-00123',
  documents: [
    {
      type: 'NATIONAL_ID',
      number: '123456789',
      issued_by: '4610',
      issued_at: '2021-03-01',
      expiration_date: '2031-03-01',
    },
  ],
  addresses: [
    {
      type: 'RESIDENCE',
      country: 'UA',
      area: 'Львівська',
      settlement: 'Львів',
      settlement_type: 'CITY',
      settlement_id: '0f0e2b1c-3d4e-4f50-8a6b-7c8d9e0f1a2b',
      street_type: 'STREET',
      street: 'Городоцька',
      building: '15А',
      apartment: '23',
      zip: '79000',
    },
  ],
  phones: [{ type: 'MOBILE', number: '+380501234502' }],
  preferred_way_communication: 'phone',
  emergency_contact: {
    first_name: 'Галина',
    last_name: 'Бойко',
    second_name: 'Іванівна',
    phones: [{ type: 'MOBILE', number: '+380991234500' }],
  },
});
