/**
 * Taps, counted as a patient makes them (every press of a button, switch or field; typing on the
 * on-screen keyboard counted apart): a new declaration with a doctor of this clinic, from the home
 * screen to the printed receipt, in at most 12 taps; an e-mail change in personal data, from the
 * home screen to the signed change and its receipt, in at most 10 taps plus typing. The counts are
 * attached to the test result ("taps").
 *
 * Set-up, not counted: the kiosk is enrolled and the registrar sets its clinic (a division of the
 * directory with doctors for adults who have free places) on the panel.
 */
import Database from 'better-sqlite3';
import { directoryFolder, generations } from '../../electron/core/directory/generation';
import type { Locator, Page } from '@playwright/test';
import { expect, h1, test } from './fixtures';
import type { KioskHost } from './fixtures';
import { erase, typeText } from './keyboard-helper';
import { enrollFirstRegistrar } from './registrar-helper';
import { signInAs } from './signin-helper';

test.use({ viewport: { width: 1920, height: 1080 } });
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const MAX_DECLARATION_TAPS = 12;
const MAX_EMAIL_TAPS = 10;

/** Counts what a patient presses. */
class Taps {
  taps = 0;
  typing = 0;
  async tap(target: Locator): Promise<void> {
    await target.click();
    this.taps += 1;
  }
}

const keyboard = (page: Page): Locator => page.getByRole('group', { name: /^Екранна клавіатура/ });

/**
 * A division of the kiosk's directory (synced by the host in the background) with at least two
 * doctors for adults who still have free places: "this clinic" for the test.
 */
async function clinicWithFreeDoctors(host: KioskHost): Promise<string> {
  let division: string | undefined;
  await expect
    .poll(
      () => {
        // the newest published generation of the directory (a sync publishes a new one whole)
        const newest = generations(directoryFolder(host.dataDir, 'training'))[0];
        if (!newest) return undefined;
        const db = new Database(newest.file, { readonly: true, fileMustExist: true });
        try {
          const row = db
            .prepare(
              `SELECT division_id FROM dir_doctors
                WHERE speciality IN ('FAMILY_DOCTOR', 'THERAPIST') AND free_places > 0
                GROUP BY division_id HAVING count(*) >= 2 ORDER BY count(*) DESC LIMIT 1`,
            )
            .get() as { division_id: string } | undefined;
          division = row?.division_id;
        } finally {
          db.close();
        }
        return division;
      },
      { message: 'the directory has no division with two free doctors for adults', timeout: 90_000 },
    )
    .toBeTruthy();
  return division as string;
}

/** The registrar, on the panel: enrolment and the first PIN, then the clinic set in the kiosk settings. */
async function registrarSetsClinic(page: Page, host: KioskHost, divisionId: string): Promise<void> {
  await enrollFirstRegistrar(page, host);
  await page
    .getByRole('navigation', { name: 'Розділи панелі' })
    .getByRole('button', { name: 'Налаштування кіоску' })
    .click();
  await page.getByRole('button', { name: 'Змінити: Ідентифікатор підрозділу' }).click();
  await typeText(page, keyboard(page), divisionId);
  await page.getByRole('button', { name: 'Зберегти', exact: true }).click();
  await expect(page.getByText('Збережено.')).toBeVisible();
  await page.getByRole('button', { name: 'До панелі реєстратора' }).click();
  await page.getByRole('button', { name: 'Вийти з панелі' }).click();
  await expect(h1(page)).toHaveText('Кабінет пацієнта');
}

const counted: Record<string, { taps: number; typing: number; limit: number }> = {};

test.afterAll(async () => {
  test.info().annotations.push({ type: 'taps', description: JSON.stringify(counted) });
});

test('a new declaration with a doctor of this clinic: home → printed receipt in at most 12 taps', async ({
  page,
  kioskHost,
}) => {
  await page.clock.install();
  await page.goto(kioskHost.url);
  await expect(h1(page)).toHaveText('Кабінет пацієнта');
  await registrarSetsClinic(page, kioskHost, await clinicWithFreeDoctors(kioskHost));
  await signInAs(page, kioskHost, 'adult-with-declaration');

  const t = new Taps();
  await t.tap(page.getByRole('button', { name: /^Знайти лікаря/ }));
  await t.tap(page.getByRole('switch', { name: 'Лише в цьому закладі' }));
  const results = page.getByRole('region', { name: 'Пошук лікаря' });
  // the list follows the switch by itself: only this clinic's doctors
  await expect(results.getByRole('status')).toHaveText(/^Знайдено \d+ лікар/, { timeout: 30_000 });
  const card = results
    .getByRole('listitem')
    .filter({ hasText: 'У цьому закладі' })
    .filter({ hasNotText: 'Вільних місць немає' })
    .filter({ hasNotText: 'Ваш лікар зараз' })
    .first();
  const doctor = ((await card.getByRole('heading', { level: 3 }).textContent()) ?? '').trim();
  await t.tap(card.getByRole('button', { name: /^Докладніше/ }));
  await expect(h1(page)).toHaveText(doctor);
  await t.tap(page.getByRole('button', { name: 'Обрати цього лікаря' }));
  // the current declaration will end: said before anything is signed
  await expect(page.getByText(/Ваша чинна декларація .*припиниться/)).toBeVisible();
  await t.tap(page.getByRole('button', { name: 'Продовжити', exact: true }));
  await expect(page.getByRole('heading', { name: 'Прочитайте декларацію' })).toBeVisible({ timeout: 60_000 });
  await t.tap(page.getByRole('button', { name: 'Підписати декларацію' }));
  await expect(h1(page)).toHaveText('Квитанція', { timeout: 90_000 });
  await expect(page.getByRole('status').first()).toHaveText('Нову декларацію підписано.');
  await t.tap(page.getByRole('button', { name: 'Надрукувати', exact: true }));
  await expect(page.getByText('Збережено як файл (у цьому кіоску немає принтера).')).toBeVisible({
    timeout: 30_000,
  });
  counted.newDeclaration = { taps: t.taps, typing: t.typing, limit: MAX_DECLARATION_TAPS };
  expect(t.taps).toBeLessThanOrEqual(MAX_DECLARATION_TAPS);

  // the declaration it replaced says when and why it ended (not counted)
  await page.getByRole('button', { name: 'До меню' }).click();
  await page.getByRole('button', { name: /^Мої декларації/ }).click();
  await expect(page.getByRole('region', { name: 'Чинна декларація' })).toContainText(doctor);
  await expect(page.getByRole('region', { name: 'Попередні декларації' })).toContainText(
    'Її замінила нова декларація: одночасно може діяти лише одна',
  );
  await page.getByRole('button', { name: 'Завершити' }).click();
});

test('an e-mail change: home → signed change and its receipt in at most 10 taps plus typing', async ({
  page,
  kioskHost,
}) => {
  await page.goto(kioskHost.url);
  await signInAs(page, kioskHost, 'adult-with-declaration');

  const t = new Taps();
  await t.tap(page.getByRole('button', { name: /^Мої персональні дані/ }));
  await t.tap(page.getByRole('button', { name: 'Змінити дані' }));
  await t.tap(page.getByRole('button', { name: 'Контакти', exact: true }));
  const email = page.getByRole('textbox', { name: 'Електронна пошта (необов’язково)' });
  await t.tap(email);
  t.typing += await erase(keyboard(page), (await email.inputValue()).length);
  t.typing += await typeText(page, keyboard(page), 'olena.k@example.com');
  await expect(email).toHaveValue('olena.k@example.com');
  await t.tap(page.getByRole('switch', { name: /Я погоджуюся/ }));
  await t.tap(page.getByRole('button', { name: 'Перевірити й продовжити' }));
  await expect(h1(page)).toHaveText('Перевірте й підпишіть', { timeout: 60_000 });
  await t.tap(page.getByRole('button', { name: 'Підписати', exact: true }));
  await expect(h1(page)).toHaveText('Дані змінено', { timeout: 60_000 });
  await t.tap(page.getByRole('button', { name: 'Надрукувати квитанцію' }));
  await expect(page.getByText(/^(Квитанцію надруковано|Квитанцію збережено як файл)/)).toBeVisible({
    timeout: 30_000,
  });
  counted.emailChange = { taps: t.taps, typing: t.typing, limit: MAX_EMAIL_TAPS };
  expect(t.taps).toBeLessThanOrEqual(MAX_EMAIL_TAPS);
  await page.getByRole('button', { name: 'Завершити' }).click();
});
