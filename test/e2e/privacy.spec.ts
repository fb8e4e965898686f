/**
 * The kiosk forgets the patient — and, when a parent acted for a child, both people: after "Finish"
 * and after an idle wipe, the persona's name (in every form the kiosk shows it) and tax id appear
 * nowhere in the page (DOM), in the renderer's storage (localStorage, sessionStorage, IndexedDB,
 * cookies, Cache Storage), in the kiosk's SQLite files (kiosk.db and its -wal/-shm, scanned as
 * bytes) or in its log files. The full two-children visit is in acting.spec.ts.
 */
import { expect, test } from './fixtures';
import { expectForgotten, secretsOf } from './privacy-helpers';
import { actForChild } from './acting-helpers';
import { persona, signInAs } from './signin-helper';

test.use({ viewport: { width: 1920, height: 1080 } });
test.describe.configure({ timeout: 180_000 });

test('after "Finish" nothing of the patient is left', async ({ page, context, kioskHost }) => {
  await page.goto(kioskHost.url);
  const olena = await signInAs(page, kioskHost, 'adult-with-declaration');
  const vocative = 'Олено Петрівно';
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Вітаємо, ${vocative}!`);
  const secrets = secretsOf(olena, vocative);
  // the check can fail: while signed in, the page does show the patient
  expect(secrets.page).toContain('Олено');
  expect(await page.content()).toContain('Олено');
  // visit the functions as a patient would
  await page.getByRole('button', { name: /Мої декларації/ }).click();
  await page.getByRole('button', { name: /Завершити/ }).click();
  await expectForgotten(page, context, kioskHost, secrets);
});

test('after an idle wipe nothing of the patient is left', async ({ page, context, kioskHost }) => {
  await page.clock.install();
  await page.goto(kioskHost.url);
  const taras = await signInAs(page, kioskHost, 'adult-with-apps');
  const vocative = 'Тарасе Богдановичу';
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Вітаємо, ${vocative}!`);
  expect(await page.content()).toContain('Тарасе');
  await page.getByRole('button', { name: /Мої персональні дані/ }).click();
  // nobody touches the kiosk: warning after 90 s, wipe 20 s later
  const now = (await page.evaluate('Date.now()')) as number;
  await page.clock.pauseAt(now + 1_000);
  await page.clock.runFor(91_000);
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await page.clock.runFor(21_000);
  await page.clock.resume();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expectForgotten(page, context, kioskHost, secretsOf(taras, vocative));
});

test('a parent who acted for a child: after an idle wipe nothing of either is left', async ({
  page,
  context,
  kioskHost,
}) => {
  await page.clock.install();
  await page.goto(kioskHost.url);
  const parent = await signInAs(page, kioskHost, 'parent-of-two');
  const vocative = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '')
    .replace(/^Вітаємо, /, '')
    .replace(/!$/, '');
  const child = await persona(kioskHost, 'child-13');
  const [lastName = '', firstName = '', secondName = ''] = child.fullName.split(/\s+/);
  await actForChild(page, {
    lastName,
    firstName,
    secondName,
    birthDate: child.birthDate,
    taxId: child.taxId,
  });
  await expect(page.getByRole('region', { name: 'Чий кабінет відкрито' })).toContainText(firstName, {
    timeout: 60_000,
  });
  await page.getByRole('button', { name: /^Персональні дані дитини/ }).click();
  await expect(page.getByText(child.taxId).first()).toBeVisible({ timeout: 30_000 });
  // the check can fail: while acting, the page does show both people
  expect(await page.content()).toContain(firstName);
  // nobody touches the kiosk: warning after 90 s, wipe 20 s later
  const now = (await page.evaluate('Date.now()')) as number;
  await page.clock.pauseAt(now + 1_000);
  await page.clock.runFor(91_000);
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await page.clock.runFor(21_000);
  await page.clock.resume();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  const both = [secretsOf(parent, vocative), secretsOf(child)];
  await expectForgotten(page, context, kioskHost, {
    page: both.flatMap((s) => s.page),
    files: both.flatMap((s) => s.files),
  });
});
