/**
 * Access management end to end: the e-cabinets with access, every permission in plain words, the
 * kiosk itself marked (not revocable here), revoking with a confirmation and a receipt, and a
 * revocation made while eHealth is down: queued, receipt with its code, delivered when eHealth
 * returns (the receipt screen says so) and applied exactly once on the sandbox.
 */
import { expect, test } from './fixtures';
import {
  appliedOnSandbox,
  checkScreen,
  finish,
  h1,
  openFromHome,
  outboxRowByCode,
  shownReferenceCode,
} from './cabinet-helpers';
import { sandboxFaults, signInAs } from './signin-helper';

test.use({ viewport: { width: 1920, height: 1080 } });
test.describe.configure({ timeout: 240_000 });

test('e-cabinets with their permissions; revoke one; revoke another while eHealth is down', async ({
  page,
  kioskHost,
}) => {
  await page.goto(kioskHost.url);
  await signInAs(page, kioskHost, 'adult-with-apps');
  await openFromHome(page, /^Доступ до моїх даних/);
  await expect(h1(page)).toHaveText('Доступ до ваших даних');

  const cards = page.locator('.cabinet__list > li');
  await expect(cards).toHaveCount(4);
  const card = (name: string) => cards.filter({ has: page.getByRole('heading', { level: 2, name }) });
  const kiosk = cards.filter({ hasText: 'Це кіоск, яким ви зараз користуєтеся' });
  await expect(kiosk).toHaveCount(1);
  await expect(kiosk.getByRole('button', { name: /Скасувати доступ/ })).toHaveCount(0);
  const family = card('Сімейна Медкарта');
  await expect(family).toContainText('входити від вашого імені та бачити ваші персональні дані');
  await expect(family).toContainText('переглядати ваші декларації з лікарем');
  await expect(family).toContainText(/Доступ надано \d+ \S+ \d{4}/);
  await expect(card('Мій Лікар 24')).toContainText('скасовувати доступ інших кабінетів до ваших даних');
  await checkScreen(page, 'apps');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(h1(page)).toHaveText('Access to your data');
  await expect(cards.filter({ hasText: 'Сімейна Медкарта' })).toContainText(
    'see your declarations with a doctor',
  );
  await checkScreen(page, 'apps-english');
  await page.getByRole('button', { name: 'Українська' }).click();

  // revoke, with a confirmation that can be declined
  await card('Здоровʼя Онлайн')
    .getByRole('button', { name: /Скасувати доступ/ })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Скасувати доступ?' });
  await expect(dialog).toContainText('«Здоровʼя Онлайн» більше не зможе працювати з вашими даними');
  await checkScreen(page, 'apps-revoke-confirm');
  await dialog.getByRole('button', { name: 'Ні, залишити' }).click();
  await expect(dialog).toHaveCount(0);
  await card('Здоровʼя Онлайн')
    .getByRole('button', { name: /Скасувати доступ/ })
    .click();
  await dialog.getByRole('button', { name: 'Так, скасувати доступ' }).click();
  await expect(h1(page)).toHaveText('Квитанція');
  await expect(page.getByRole('status').first()).toHaveText('Доступ скасовано.');
  const receipt = page.getByRole('document', { name: 'Квитанція, яку буде надруковано' });
  await expect(receipt).toContainText('Здоровʼя Онлайн');
  await checkScreen(page, 'receipt-access-revoked');
  await page.getByRole('button', { name: 'До меню' }).click();
  await openFromHome(page, /^Доступ до моїх даних/);
  await expect(cards).toHaveCount(3);
  await expect(card('Здоровʼя Онлайн')).toHaveCount(0);

  // the link drops: the revocation is kept and delivered later, exactly once
  await sandboxFaults(kioskHost, { outage: true });
  let code: string | undefined;
  try {
    await card('Сімейна Медкарта')
      .getByRole('button', { name: /Скасувати доступ/ })
      .click();
    await dialog.getByRole('button', { name: 'Так, скасувати доступ' }).click();
    await expect(h1(page)).toHaveText('Квитанція', { timeout: 60_000 });
    await expect(page.getByRole('status').first()).toContainText('Скасування доступу прийнято кіоском');
    code = await shownReferenceCode(page);
    await expect(receipt).toContainText('буде надіслано, щойно зʼявиться звʼязок з eHealth');
    await checkScreen(page, 'receipt-access-revoke-queued');
    expect(outboxRowByCode(kioskHost, code)?.state).toMatch(/^(captured|waiting-network)$/);
  } finally {
    await sandboxFaults(kioskHost, null);
  }
  await expect(page.getByText('Уже надіслано до eHealth.')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('status').first()).toHaveText('Доступ скасовано.');
  const row = outboxRowByCode(kioskHost, code);
  expect(row?.state).toBe('done');
  expect(await appliedOnSandbox(kioskHost, row?.idempotency_key ?? '')).toMatchObject({ applied: 1 });
  await finish(page);
});
