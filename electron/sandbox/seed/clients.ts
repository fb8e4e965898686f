/** OAuth clients: the kiosk (a trusted PIS) and the e-cabinets a persona has granted access to. */

export { PATIENT_SCOPES } from '#shared/scopes';

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
