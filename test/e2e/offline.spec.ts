/**
 * The link drops after the patient signed: the sandbox goes down (its faults API) between reading
 * eHealth's printout and signing. The kiosk signs, keeps the signed declaration in its outbox and
 * hands the patient a receipt with a reference code and "will be delivered"; the patient leaves.
 * When eHealth returns the kiosk delivers it on its own — applied exactly once on the sandbox —
 * and the patient, signing in again, finds exactly one declaration with that number.
 */
import { expect, test } from './fixtures';
import {
  appliedOnSandbox,
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
test.describe.configure({ timeout: 300_000 });

test('eHealth goes down after signing: receipt with a code, delivered once when it returns', async ({
  page,
  kioskHost,
}) => {
  await page.goto(kioskHost.url);
  await signInAs(page, kioskHost, 'adult-no-declaration');
  await openFromHome(page, /^Знайти лікаря/);
  await expect(async () => {
    await page.getByRole('button', { name: 'Шукати', exact: true }).click();
    await expect(doctorResults(page).first()).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 90_000 });
  const card = doctorResults(page).filter({ hasNotText: 'Вільних місць немає' }).first();
  const doctor = ((await card.getByRole('heading', { level: 3 }).textContent()) ?? '').trim();
  await card.getByRole('button', { name: /^Докладніше/ }).click();
  await page.getByRole('button', { name: 'Обрати цього лікаря' }).click();
  await page.getByRole('button', { name: 'Продовжити' }).click();
  await expect(page.getByRole('heading', { name: 'Прочитайте декларацію' })).toBeVisible({ timeout: 60_000 });
  const number = ((await page.locator('.cabinet__facts dd').first().textContent()) ?? '').trim();
  expect(number).toMatch(/^\d{4}-[0-9AEHKMPTX]{4}-[0-9AEHKMPTX]{4}$/);

  // the patient has read the printout; now eHealth becomes unreachable
  await sandboxFaults(kioskHost, { outage: true });
  let code: string | undefined;
  try {
    await page.getByRole('button', { name: 'Підписати декларацію' }).click();
    await expect(h1(page)).toHaveText('Квитанція', { timeout: 90_000 });
    await expect(page.getByRole('status').first()).toHaveText(
      'Декларацію підписано. Звʼязку з eHealth зараз немає: кіоск надішле її сам, щойно звʼязок відновиться. Приходити ще раз не потрібно.',
    );
    await expect(page.getByText(`Номер декларації: ${number}`)).toBeVisible();
    code = await shownReferenceCode(page);
    const receipt = page.getByRole('document', { name: 'Квитанція, яку буде надруковано' });
    await expect(receipt).toContainText('Підписання нової декларації');
    await expect(receipt).toContainText(doctor);
    await expect(receipt).toContainText('буде надіслано, щойно зʼявиться звʼязок з eHealth');
    await expect(receipt).toContainText(code);
    await expect(receipt.locator('svg[role="img"]')).toHaveCount(1);
    await checkScreen(page, 'receipt-offline-queued');
    await page.getByRole('switch', { name: 'Великий шрифт' }).click();
    await page.getByRole('switch', { name: 'Висока контрастність' }).click();
    await checkScreen(page, 'receipt-offline-queued-large-high-contrast', { enhancedContrast: true });
    await page.getByRole('switch', { name: 'Великий шрифт' }).click();
    await page.getByRole('switch', { name: 'Висока контрастність' }).click();
    const row = outboxRowByCode(kioskHost, code);
    expect(row?.state).toMatch(/^(captured|waiting-network)$/);

    await page.getByRole('button', { name: 'Надрукувати' }).click();
    await expect(page.getByText('Збережено як файл (у цьому кіоску немає принтера).')).toBeVisible({
      timeout: 30_000,
    });
    expect(savedReceipts(kioskHost).filter((f) => f.endsWith('.pdf'))).toHaveLength(1);
    // the patient takes the receipt and leaves while eHealth is still down
    await finish(page);
    expect(outboxRowByCode(kioskHost, code)?.state).toMatch(/^(captured|waiting-network|sending)$/);
  } finally {
    await sandboxFaults(kioskHost, null);
  }

  // eHealth is back: the kiosk delivers the signed declaration without the patient
  await expect.poll(() => outboxRowByCode(kioskHost, code)?.state, { timeout: 90_000 }).toBe('done');
  const row = outboxRowByCode(kioskHost, code);
  expect(await appliedOnSandbox(kioskHost, row?.idempotency_key ?? '')).toEqual(
    expect.objectContaining({ applied: 1 }),
  );

  // signing in again: exactly one declaration with that number, in force, with that doctor
  await signInAs(page, kioskHost, 'adult-no-declaration');
  await openFromHome(page, /^Мої декларації/);
  const current = page.getByRole('region', { name: 'Чинна декларація' });
  await expect(current).toContainText(number);
  await expect(current).toContainText(doctor);
  await expect(page.getByRole('region', { name: 'Попередні декларації' })).not.toContainText(number);
  await expect(page.getByText(number, { exact: true })).toHaveCount(1);
  await checkScreen(page, 'declarations-after-offline-delivery');
  await finish(page);
});
