/** Human-readable HTML printouts ("content") that the patient reads before signing. */

const esc = (s: unknown): string =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

interface NameLike {
  first_name?: string;
  last_name?: string;
  second_name?: string;
}

const fullName = (p: NameLike): string =>
  [p.last_name, p.first_name, p.second_name].filter(Boolean).join(' ');

const SPECIALITY_UK: Record<string, string> = {
  FAMILY_DOCTOR: 'лікар загальної практики — сімейний лікар',
  THERAPIST: 'лікар-терапевт',
  PEDIATRICIAN: 'лікар-педіатр',
};

export interface DeclarationPrintout {
  declarationNumber: string;
  startDate: string;
  endDate: string;
  person: NameLike & { birth_date?: string; tax_id?: string };
  doctor: NameLike;
  speciality: string;
  legalEntityName: string;
  edrpou: string;
  divisionName: string;
  divisionAddress: string;
}

export function declarationContent(p: DeclarationPrintout): string {
  return [
    '<!DOCTYPE html><html lang="uk"><head><meta charset="utf-8"><title>Декларація</title></head><body>',
    `<h1>Декларація про вибір лікаря, який надає первинну медичну допомогу № ${esc(p.declarationNumber)}</h1>`,
    `<p>Пацієнт: <b>${esc(fullName(p.person))}</b>, дата народження ${esc(p.person.birth_date)}, РНОКПП ${esc(p.person.tax_id)}</p>`,
    `<p>Лікар: <b>${esc(fullName(p.doctor))}</b> (${esc(SPECIALITY_UK[p.speciality] ?? p.speciality)})</p>`,
    `<p>Надавач: ${esc(p.legalEntityName)}, код ЄДРПОУ ${esc(p.edrpou)}</p>`,
    `<p>Місце надання: ${esc(p.divisionName)}, ${esc(p.divisionAddress)}</p>`,
    `<p>Дата початку дії: ${esc(p.startDate)}. Дата закінчення: ${esc(p.endDate)}.</p>`,
    '<p>Я погоджуюсь на обробку моїх персональних даних з метою надання медичних послуг.</p>',
    '</body></html>',
  ].join('');
}

export function personRequestContent(person: NameLike & Record<string, unknown>): string {
  const rows: [string, unknown][] = [
    ['Прізвище, імʼя, по батькові', fullName(person)],
    ['Дата народження', person.birth_date],
    ['Місце народження', `${String(person.birth_settlement ?? '')}, ${String(person.birth_country ?? '')}`],
    ['РНОКПП', person.no_tax_id ? 'відмова від РНОКПП' : person.tax_id],
    ['УНЗР', person.unzr],
    ['Електронна пошта', person.email],
  ];
  return [
    '<!DOCTYPE html><html lang="uk"><head><meta charset="utf-8"><title>Зміна персональних даних</title></head><body>',
    '<h1>Запит на зміну персональних даних пацієнта</h1><table>',
    ...rows
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`),
    '</table><p>Підписуючи цей запит, я підтверджую правильність наведених даних.</p></body></html>',
  ].join('');
}

export const addressLine = (a: Record<string, unknown> | undefined): string =>
  a ? [a.area, a.settlement, a.street, a.building].filter(Boolean).map(String).join(', ') : '';
