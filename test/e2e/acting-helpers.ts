/**
 * «Діяти за дитину» as a parent does it in the e2e specs: from their own home, the child's details
 * typed key by key on the kiosk's keyboard (never filled in), checked, and signed with their key.
 */
import type { Page } from '@playwright/test';
import { expect, h1 } from './fixtures';
import type { Persona } from './signin-helper';

/** The child's details as a parent reads them from the birth certificate. */
export interface ChildDetails {
  lastName: string;
  firstName: string;
  secondName: string;
  birthDate: string;
  taxId: string;
}

/** A sandbox persona's details (full name "Surname Given Patronymic"). */
export function childDetailsOf(p: Persona): ChildDetails {
  const [lastName = '', firstName = '', secondName = ''] = p.fullName.split(/\s+/);
  return { lastName, firstName, secondName, birthDate: p.birthDate, taxId: p.taxId };
}

/** The keyboard under the field being typed. */
export const keyboardFor = (page: Page, field: string) =>
  page.getByRole('group', { name: `Екранна клавіатура для поля «${field}»` });

/** Touches a field and types on the kiosk's own keyboard, key by key (lower case; digits on the keypad). */
export async function typeInto(page: Page, field: string, text: string): Promise<void> {
  await page.getByLabel(field, { exact: true }).click();
  const keyboard = keyboardFor(page, field);
  await expect(keyboard).toBeVisible();
  for (const ch of text.toLocaleLowerCase('uk')) {
    const name = ch === '-' ? 'дефіс' : ch === "'" ? 'апостроф' : ch === ' ' ? 'Пробіл' : ch;
    await keyboard.getByRole('button', { name, exact: true }).first().click();
  }
}

/** DDMMYYYY of a YYYY-MM-DD date (how the keypad takes it). */
export const keypadDate = (iso: string) => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}`;

/** From the parent's own home: «Діяти за дитину» → the child typed in → checked → signed with the parent's key. */
export async function actForChild(page: Page, child: ChildDetails): Promise<void> {
  await page.getByRole('button', { name: /^Діяти за дитину/ }).click();
  await expect(h1(page)).toHaveText('Діяти за дитину');
  await typeInto(page, 'Прізвище дитини', child.lastName);
  await typeInto(page, 'Імʼя дитини', child.firstName);
  await typeInto(page, 'По батькові дитини (якщо є)', child.secondName);
  await typeInto(page, 'Дата народження', keypadDate(child.birthDate));
  await page
    .getByRole('group', { name: 'Документ дитини' })
    .getByRole('button', { name: /РНОКПП/ })
    .click();
  await typeInto(page, 'РНОКПП дитини', child.taxId);
  await page.getByRole('button', { name: 'Продовжити' }).click();
  await expect(h1(page)).toHaveText('Перевірте й підпишіть');
  await page.getByRole('button', { name: 'Підписати своїм ключем і відкрити кабінет дитини' }).click();
}
