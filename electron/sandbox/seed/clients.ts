/** OAuth clients: the kiosk (a trusted PIS) and the e-cabinets a persona has granted access to. */

/** Every scope a patient session of the kiosk needs; the kiosk requests exactly this at sign-in. */
export const PATIENT_SCOPES = [
  'person:sign_in',
  'authentication_method:write',
  'person_request:read',
  'person_request:write',
  'declaration:read_pis',
  'declaration:terminate_pis',
  'declaration_request:write_pis',
  'declaration_request:read_pis',
  'declaration_request:details_pis',
  'declaration_request:sign_pis',
  'declaration_request:reject_pis',
  'app:read',
  'app:delete',
] as const;

export const KIOSK_CLIENT_NAME = 'Кабінет-кіоск (навчальний)';

export const OTHER_CLIENTS: readonly { name: string; type: string; scope: string }[] = [
  {
    name: 'Здоровʼя Онлайн',
    type: 'CABINET',
    scope: 'person:sign_in declaration:read_pis declaration_request:write_pis declaration_request:sign_pis',
  },
  { name: 'Сімейна Медкарта', type: 'CABINET', scope: 'person:sign_in declaration:read_pis' },
  {
    name: 'Мій Лікар 24',
    type: 'TRUSTED_PIS',
    scope: 'person:sign_in declaration:read_pis app:read app:delete',
  },
];
