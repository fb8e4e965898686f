/**
 * Doctor search and a new declaration end to end: filters typed on the on-screen keyboard alone,
 * age-inappropriate specialities never offered, the doctor card, the wizard (warning → eHealth's
 * printout → signing by main with the patient's key → receipt with the declaration number), a
 * doctor without free places, and the search without a session while eHealth is down (a printed
 * note of the chosen doctor).
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
import { sandboxFaults, signInAs } from './signin-helper';

test.use({ viewport: { width: 1920, height: 1080 } });
test.describe.configure({ timeout: 240_000 });

const specialities = (page: Page) => page.getByRole('group', { name: 'Спеціальність' }).getByRole('button');

/** Presses "Шукати" until the directory (synced by the host in the background) answers with doctors. */
async function searchUntilFound(page: Page): Promise<void> {
  await expect(async () => {
    await page.getByRole('button', { name: 'Шукати', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Знайдено/ })).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 90_000 });
}

/** Types on the kiosk's own keyboard, key by key (lower case, Ukrainian layout). */
async function typeOnKeyboard(page: Page, text: string): Promise<void> {
  const keyboard = page.getByRole('group', { name: 'Екранна клавіатура' });
  for (const ch of text) await keyboard.getByRole('button', { name: ch, exact: true }).first().click();
}

const status = (page: Page) => page.getByRole('region', { name: 'Пошук лікаря' }).getByRole('status');

/**
 * After a filter change, without pressing «Шукати»: the list shows only `wanted`, never `gone`,
 * and the count matches (every doctor on one page, or a page full with more to show).
 */
async function expectListFollows(page: Page, wanted: string, gone: string): Promise<void> {
  await expect(status(page)).toHaveText(/^Знайдено (\d+) лікар/);
  await expect(page.getByRole('region', { name: 'Пошук лікаря' })).not.toContainText(gone);
  const shown = await doctorResults(page).count();
  for (let i = 0; i < shown; i++) await expect(doctorResults(page).nth(i)).toContainText(wanted);
  const total = Number(/(\d+)/.exec((await status(page).textContent()) ?? '')?.[1]);
  if (total <= PAGE_SIZE) expect(shown).toBe(total);
  else {
    expect(shown).toBe(PAGE_SIZE);
    await expect(page.getByRole('button', { name: 'Показати ще' })).toBeVisible();
  }
}

const PAGE_SIZE = 10;

const nameOf = async (card: Locator) =>
  (await card.getByRole('heading', { level: 3 }).textContent())?.trim() ?? '';

test('search with filters on the on-screen keyboard, choose, read, sign: a new declaration with its number', async ({
  page,
  kioskHost,
}) => {
  await page.goto(kioskHost.url);
  await signInAs(page, kioskHost, 'adult-no-declaration');
  await openFromHome(page, /^Знайти лікаря/);
  await expect(h1(page)).toHaveText('Пошук лікаря');
  // an adult is offered family doctors and therapists, never a pediatrician
  await expect(specialities(page)).toHaveText(['Будь-яка', 'Сімейний лікар', 'Терапевт']);
  await searchUntilFound(page);
  await expect(doctorResults(page).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Пошук лікаря' })).not.toContainText('Педіатр');
  await checkScreen(page, 'doctor-search');

  // a family doctor with free places, found again by the first letters of the surname
  // choosing a speciality updates the list and its count by itself (no «Шукати»)
  await specialities(page).filter({ hasText: 'Сімейний лікар' }).click();
  await expectListFollows(page, 'Сімейний лікар', 'Терапевт');
  const first = doctorResults(page)
    .filter({ hasNotText: 'Вільних місць немає' })
    .filter({ hasNotText: "'" })
    .first();
  const doctor = await nameOf(first);
  const prefix = doctor.split(' ')[0]?.slice(0, 4).toLowerCase() ?? '';
  await page.getByRole('button', { name: /^Прізвище або імʼя лікаря:/ }).click();
  await typeOnKeyboard(page, prefix);
  await expect(page.getByLabel('Прізвище або імʼя лікаря')).toHaveValue(prefix);
  await checkScreen(page, 'doctor-search-keyboard');
  // the typed letters narrow the list once typing pauses, again without «Шукати»
  const found = doctorResults(page).filter({ hasText: doctor });
  await expect(found).toHaveCount(1);
  await expect(status(page)).toHaveText(/^Знайдено \d+ лікар/);
  await page.getByRole('button', { name: 'Готово' }).click();
  await found.getByRole('button', { name: /^Докладніше/ }).click();

  await expect(h1(page)).toHaveText(doctor);
  await expect(page.getByText('Сімейний лікар').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Години роботи' })).toBeVisible();
  await checkScreen(page, 'doctor-card');
  await page.getByRole('switch', { name: 'Висока контрастність' }).click();
  await checkScreen(page, 'doctor-card-high-contrast', { enhancedContrast: true });
  await page.getByRole('switch', { name: 'Висока контрастність' }).click();
  await page.getByRole('button', { name: 'Обрати цього лікаря' }).click();

  await expect(h1(page)).toHaveText('Нова декларація');
  await expect(page.getByText('Крок 1 з 3')).toBeVisible();
  await expect(page.getByText('Зараз у вас немає чинної декларації.')).toBeVisible();
  await checkScreen(page, 'declaration-wizard-warning');
  await page.getByRole('button', { name: 'Продовжити' }).click();

  await expect(page.getByRole('heading', { name: 'Прочитайте декларацію' })).toBeVisible({ timeout: 60_000 });
  const printout = page.getByRole('document', { name: 'Прочитайте декларацію' });
  await expect(printout).toContainText(doctor);
  await expect(printout).toContainText("Дем'яненко Андрій Іванович");
  const number = ((await page.locator('.cabinet__facts dd').first().textContent()) ?? '').trim();
  expect(number).toMatch(/^\d{4}-[0-9AEHKMPTX]{4}-[0-9AEHKMPTX]{4}$/);
  await checkScreen(page, 'declaration-wizard-review');
  await page.getByRole('button', { name: 'Підписати декларацію' }).click();

  await expect(h1(page)).toHaveText('Квитанція', { timeout: 60_000 });
  await expect(page.getByRole('status').first()).toHaveText('Нову декларацію підписано.');
  await expect(page.getByText(`Номер декларації: ${number}`)).toBeVisible();
  const code = await shownReferenceCode(page);
  expect(outboxRowByCode(kioskHost, code)).toMatchObject({ state: 'done' });
  await checkScreen(page, 'receipt-new-declaration');

  await page.getByRole('button', { name: 'До меню' }).click();
  await openFromHome(page, /^Мої декларації/);
  const current = page.getByRole('region', { name: 'Чинна декларація' });
  await expect(current).toContainText(doctor);
  await expect(current).toContainText(number);

  // choosing another doctor warns that this declaration ends
  await current.getByRole('button', { name: 'Обрати іншого лікаря' }).click();
  await searchUntilFound(page);
  const other = doctorResults(page)
    .filter({ hasNotText: doctor })
    .filter({ hasNotText: 'Вільних місць немає' })
    .first();
  await other.getByRole('button', { name: /^Докладніше/ }).click();
  await page.getByRole('button', { name: 'Обрати цього лікаря' }).click();
  await expect(page.getByText(`Ваша чинна декларація з лікарем ${doctor} припиниться`)).toBeVisible();
  await page.getByRole('button', { name: 'Продовжити' }).click();
  await expect(page.getByRole('heading', { name: 'Прочитайте декларацію' })).toBeVisible({ timeout: 60_000 });
  // "do not sign": back to the doctor, nothing signed
  await page.getByRole('button', { name: 'Не підписувати' }).click();
  await expect(page.getByRole('button', { name: 'Обрати цього лікаря' })).toBeVisible();
  await finish(page);
});

test('a doctor without free places is shown as such and cannot be chosen', async ({ page, kioskHost }) => {
  await page.goto(kioskHost.url);
  await signInAs(page, kioskHost, 'adult-with-declaration');
  await openFromHome(page, /^Знайти лікаря/);
  await page.getByRole('switch', { name: 'Показати й лікарів без вільних місць' }).click();
  await searchUntilFound(page);
  const full = doctorResults(page).filter({ hasText: 'Вільних місць немає' });
  for (let i = 0; i < 10 && (await full.count()) === 0; i++) {
    await page.getByRole('button', { name: 'Показати ще' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Знайдено/ })).toBeVisible();
  }
  await full
    .first()
    .getByRole('button', { name: /^Докладніше/ })
    .click();
  await expect(
    page.getByText(
      'У цього лікаря немає вільних місць для нових декларацій. Поверніться до пошуку й оберіть іншого лікаря.',
    ),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Обрати цього лікаря' })).toHaveCount(0);
  await checkScreen(page, 'doctor-card-full');
  await finish(page);
});

test('a 16-year-old is offered pediatricians and family doctors, never a therapist', async ({
  page,
  kioskHost,
}) => {
  await page.goto(kioskHost.url);
  await signInAs(page, kioskHost, 'teen-16-capacity');
  await openFromHome(page, /^Знайти лікаря/);
  await expect(specialities(page)).toHaveText(['Будь-яка', 'Сімейний лікар', 'Педіатр']);
  await searchUntilFound(page);
  await expect(page.getByRole('region', { name: 'Пошук лікаря' })).not.toContainText('Терапевт');
  // and is told why, with what suits instead
  await expect(
    page.getByText(/^Терапевтів тут немає: вони укладають декларації лише з людьми від 18 років/),
  ).toBeVisible();
  await checkScreen(page, 'doctor-search-teen');
  await finish(page);
});

test('a 15-year-old who may only look: the search and the doctor card say why, and print a note for the desk', async ({
  page,
  kioskHost,
}) => {
  await page.goto(kioskHost.url);
  await signInAs(page, kioskHost, 'teen-15-no-capacity');
  await openFromHome(page, /^Знайти лікаря/);
  await expect(page.getByText(/^Підписати декларацію в кіоску ви поки не можете/)).toBeVisible();
  await searchUntilFound(page);
  await doctorResults(page)
    .filter({ hasNotText: 'Вільних місць немає' })
    .first()
    .getByRole('button', { name: /^Докладніше/ })
    .click();
  const why = page.getByText(/не підтверджено вашу повну цивільну дієздатність/);
  await expect(why).toContainText('з нею й паспортом декларацію підпишуть у реєстратурі');
  await expect(page.getByText('Підписати нову декларацію в кіоску ви зараз не можете.')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Обрати цього лікаря' })).toHaveCount(0);
  await checkScreen(page, 'doctor-card-view-only');
  await page.getByRole('button', { name: 'Надрукувати записку про лікаря' }).click();
  await expect(h1(page)).toHaveText('Записка про обраного лікаря');
  await finish(page);
});

test('eHealth down at sign-in: the search works on the kiosk’s directory and prints a note of the doctor', async ({
  page,
  kioskHost,
}) => {
  await page.goto(kioskHost.url);
  await sandboxFaults(kioskHost, { outage: true });
  try {
    await signInAs(page, kioskHost, 'adult-no-declaration', { expectHome: false });
    await expect(h1(page)).toHaveText('Система eHealth недоступна', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Знайти лікаря' }).click();
    await expect(h1(page)).toHaveText('Пошук лікаря');
    await expect(page.getByText(/Ви не увійшли до кабінету/)).toBeVisible();
    await expect(specialities(page)).toHaveText(['Будь-яка', 'Сімейний лікар', 'Терапевт', 'Педіатр']);
    await searchUntilFound(page);
    await checkScreen(page, 'doctor-search-offline');
    const card = doctorResults(page).filter({ hasNotText: 'Вільних місць немає' }).first();
    const doctor = await nameOf(card);
    await card.getByRole('button', { name: /^Докладніше/ }).click();
    await expect(page.getByRole('button', { name: 'Обрати цього лікаря' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Надрукувати записку про лікаря' }).click();

    await expect(h1(page)).toHaveText('Записка про обраного лікаря');
    const note = page.getByRole('document', { name: 'Записка, яку буде надруковано' });
    await expect(note).toContainText(doctor);
    await expect(note).toContainText('Декларацію зараз не підписано');
    // the same next step the screens gave: the reception desk (never "the kiosk later" to a teen who may only look)
    await expect(note).toContainText('Покажіть цю записку в реєстратурі');
    await expect(note).not.toContainText('в кіоску пізніше');
    await checkScreen(page, 'doctor-note');
    await page.getByRole('button', { name: 'Надрукувати' }).click();
    await expect(page.getByText('Збережено як файл (у цьому кіоску немає принтера).')).toBeVisible({
      timeout: 30_000,
    });
    expect(savedReceipts(kioskHost).filter((f) => f.startsWith('doctor-note-'))).toHaveLength(1);
  } finally {
    await sandboxFaults(kioskHost, null);
  }
  await finish(page);
  // nobody was signed in, yet the visit's printed note goes when it ends
  await expect.poll(() => savedReceipts(kioskHost), { timeout: 15_000 }).toEqual([]);
});
