/**
 * «Діяти за дитину» end to end through the browser host and its training sandbox: a parent signs in
 * with their own key, identifies a child on the on-screen keyboard (key by key, as a visitor does),
 * signs with their key, and works in the child's cabinet under a banner that stays — a pediatrician
 * found, the declaration signed with the parent's key and shown as the child's current one, the
 * receipt naming the child by initials and the parent by role — then switches to the other child,
 * finishes, and nothing of the three people is left. A guardian without a registered relation gets
 * the explanation and the printed reminder.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  checkScreen,
  doctorResults,
  finish,
  h1,
  openFromHome,
  outboxRowByCode,
  savedReceipts,
  shownReferenceCode,
} from './cabinet-helpers';
import { expectForgotten, secretsOf } from './privacy-helpers';
import { actForChild as actFor, childDetailsOf as detailsOf } from './acting-helpers';
import { personas, signInAs, type Persona } from './signin-helper';

test.use({ viewport: { width: 1920, height: 1080 } });
test.describe.configure({ timeout: 300_000 });

const banner = (page: Page): Locator => page.getByRole('region', { name: 'Чий кабінет відкрито' });

/** Presses "Шукати" until the directory (synced by the host in the background) answers with doctors. */
async function searchUntilFound(page: Page): Promise<void> {
  await expect(async () => {
    await page.getByRole('button', { name: 'Шукати', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Знайдено/ })).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 90_000 });
}

test('a parent acts for two children: a pediatrician for the younger one, the older one’s data, then nothing left', async ({
  page,
  context,
  kioskHost,
}) => {
  await page.goto(kioskHost.url);
  const all = await personas(kioskHost);
  const byId = (id: string) => {
    const found = all.find((p) => p.id === id);
    if (!found) throw new Error(`the sandbox has no persona ${id}`);
    return found;
  };
  const parent = await signInAs(page, kioskHost, 'parent-of-two');
  const child5 = byId('child-5');
  const child13 = byId('child-13');
  // the greeting names the parent in the vocative: one more form of their name to look for at the end
  const vocative = ((await h1(page).textContent()) ?? '').replace(/^Вітаємо, /, '').replace(/!$/, '');
  expect(vocative.length).toBeGreaterThan(2);

  // the younger child: identified on the keyboard, signed with the parent's key
  await actFor(page, detailsOf(child5));
  const five = detailsOf(child5);
  await expect(banner(page)).toContainText(`Ви дієте за: ${five.firstName} ${five.lastName}`, {
    timeout: 60_000,
  });
  await expect(h1(page)).toHaveText(`Кабінет дитини: ${five.firstName} ${five.lastName}`);
  await checkScreen(page, 'acting-child-home');

  // a pediatrician or a family doctor — never a therapist — for a five-year-old
  await openFromHome(page, /^Знайти лікаря для дитини/);
  await expect(h1(page)).toHaveText('Пошук лікаря');
  await expect(banner(page)).toBeVisible();
  const specialities = page.getByRole('group', { name: 'Спеціальність' }).getByRole('button');
  await expect(specialities).toHaveText(['Будь-яка', 'Сімейний лікар', 'Педіатр']);
  await specialities.filter({ hasText: 'Педіатр' }).click();
  await searchUntilFound(page);
  const card = doctorResults(page).filter({ hasNotText: 'Вільних місць немає' }).first();
  const doctor = ((await card.getByRole('heading', { level: 3 }).textContent()) ?? '').trim();
  await card.getByRole('button', { name: /^Докладніше/ }).click();
  await page.getByRole('button', { name: 'Обрати цього лікаря' }).click();
  await expect(h1(page)).toHaveText('Нова декларація');
  await page.getByRole('button', { name: 'Продовжити' }).click();
  await expect(page.getByRole('heading', { name: 'Прочитайте декларацію' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('document', { name: 'Прочитайте декларацію' })).toContainText(five.lastName);
  await expect(banner(page)).toBeVisible();
  await page.getByRole('button', { name: 'Підписати декларацію' }).click();

  // signed with the parent's key; the receipt names the child by initials and the parent by role
  await expect(h1(page)).toHaveText('Квитанція', { timeout: 60_000 });
  await expect(page.getByRole('status').first()).toHaveText('Нову декларацію підписано.');
  const code = await shownReferenceCode(page);
  expect(outboxRowByCode(kioskHost, code)).toMatchObject({ state: 'done' });
  const receipt = page.getByRole('document', { name: 'Квитанція, яку буде надруковано' });
  const initials = `${five.firstName[0]}. ${five.secondName[0]}. ${five.lastName[0]}.`;
  await expect(receipt).toContainText(initials);
  await expect(receipt).toContainText('один із батьків');
  for (const name of [five.firstName, five.lastName, ...parent.fullName.split(/\s+/)])
    await expect(receipt).not.toContainText(name);
  await checkScreen(page, 'acting-receipt');
  await page.getByRole('button', { name: 'Надрукувати' }).click();
  await expect(page.getByText('Збережено як файл (у цьому кіоску немає принтера).')).toBeVisible({
    timeout: 30_000,
  });

  // the child's current declaration is the one just signed
  await page.getByRole('button', { name: 'До меню' }).click();
  await openFromHome(page, /^Декларації дитини/);
  await expect(h1(page)).toHaveText('Декларації дитини');
  const current = page.getByRole('region', { name: 'Чинна декларація' });
  await expect(current).toContainText(doctor, { timeout: 30_000 });
  await expect(current).toContainText('Педіатр');

  // one tap back to the parent's own cabinet; then the older child
  await banner(page).getByRole('button', { name: 'До мого кабінету' }).click();
  await expect(h1(page)).toHaveText(/^Вітаємо, /);
  await expect(banner(page)).toHaveCount(0);
  await expect(
    page.getByRole('button', { name: `Відкрити кабінет: ${five.firstName} ${five.lastName}` }),
  ).toBeVisible();
  const thirteen = detailsOf(child13);
  await actFor(page, thirteen);
  await expect(banner(page)).toContainText(`Ви дієте за: ${thirteen.firstName} ${thirteen.lastName}`, {
    timeout: 60_000,
  });
  await openFromHome(page, /^Персональні дані дитини/);
  await expect(page.getByText(thirteen.taxId).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(child13.fullName.split(' ')[1] ?? '').first()).toBeVisible();
  await checkScreen(page, 'acting-child-person');

  // Finish ends both: nothing of the parent or either child is left anywhere
  await finish(page);
  await expect.poll(() => savedReceipts(kioskHost), { timeout: 15_000 }).toEqual([]);
  const secrets = [secretsOf(parent, vocative), secretsOf(child5), secretsOf(child13)];
  await expectForgotten(page, context, kioskHost, {
    page: secrets.flatMap((s) => s.page).filter(Boolean),
    files: secrets.flatMap((s) => s.files).filter(Boolean),
  });
});

test('a guardian without a registered relation gets the explanation and a printed reminder', async ({
  page,
  kioskHost,
}) => {
  await page.goto(kioskHost.url);
  await signInAs(page, kioskHost, 'guardian-no-relation');
  const child = detailsOf((await personas(kioskHost)).find((p) => p.id === 'child-5') as Persona);
  await actFor(page, child);
  await expect(h1(page)).toHaveText('Звʼязок із дитиною не зареєстровано', { timeout: 60_000 });
  await expect(page.getByText(/Зверніться до лікаря або реєстратури/)).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
  await checkScreen(page, 'acting-no-relation');
  await page.getByRole('button', { name: 'Надрукувати пам’ятку' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Пам’ятку (надруковано|збережено)/ })).toBeVisible({
    timeout: 30_000,
  });
  expect(savedReceipts(kioskHost).filter((f) => f.startsWith('slip-'))).toHaveLength(1);
  // the explanation in English too
  await page.getByRole('button', { name: 'English' }).click();
  await expect(h1(page)).toHaveText('Your relation to the child is not registered');
  await page.getByRole('button', { name: 'Українська' }).click();
  await page.getByRole('button', { name: 'До мого кабінету' }).click();
  await expect(h1(page)).toHaveText(/^Вітаємо, /);
  await finish(page);
});
