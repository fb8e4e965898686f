/**
 * Declarations end to end through the browser host and its training sandbox: the current
 * declaration and the history in plain words, the details with the signed printout (sanitised),
 * termination with a clear confirmation, the receipt with its code and QR, printed as a PDF; the
 * screens in English, large text and high contrast; a teen who may only look.
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  checkScreen,
  finish,
  h1,
  openFromHome,
  outboxRowByCode,
  savedReceipts,
  shownReferenceCode,
} from './cabinet-helpers';
import { signInAs } from './signin-helper';

test.use({ viewport: { width: 1920, height: 1080 } });

const UK_MONTHS = [
  'січня',
  'лютого',
  'березня',
  'квітня',
  'травня',
  'червня',
  'липня',
  'серпня',
  'вересня',
  'жовтня',
  'листопада',
  'грудня',
];

/** Every ended declaration says when it ended — a day not after today — and no planned end. */
async function expectEndedInThePast(history: Locator): Promise<void> {
  const text = (await history.textContent()) ?? '';
  const ended = [...text.matchAll(/Припинено(\d{1,2}) (\S+) (\d{4}) р\./g)];
  expect(ended.length, text).toBeGreaterThan(0);
  for (const [, day, month, year] of ended) {
    const date = Date.UTC(Number(year), UK_MONTHS.indexOf(month ?? ''), Number(day));
    expect(date).toBeLessThanOrEqual(Date.now());
  }
  expect(text).not.toContain('Діє до');
}
test.describe.configure({ timeout: 240_000 });

test('current declaration, history, details with the printout, termination with a receipt', async ({
  page,
  kioskHost,
}) => {
  await page.goto(kioskHost.url);
  const persona = await signInAs(page, kioskHost, 'adult-with-declaration');
  await openFromHome(page, /^Мої декларації/);
  await expect(h1(page)).toHaveText('Ваші декларації');

  const current = page.getByRole('region', { name: 'Чинна декларація' });
  await expect(current).toContainText('Сімейний лікар');
  await expect(current).toContainText('Діє');
  await expect(current).toContainText(/\d{4}-[0-9AEHKMPTX]{4}-[0-9AEHKMPTX]{4}/);
  await expect(current).toContainText('Діє з');
  const history = page.getByRole('region', { name: 'Попередні декларації' });
  await expect(history).toContainText('Терапевт');
  await expect(history).toContainText('Припинена');
  await expect(history).toContainText('Ви припинили її самі. Ваше пояснення: «Переїзд до іншого міста»');
  // when it ended (in the past), never the end it was once planned for (years ahead)
  await expectEndedInThePast(history);
  await checkScreen(page, 'declarations');

  // the same screen in English with large text, then in high contrast (AAA contrast checked)
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('switch', { name: 'Large text' }).click();
  await expect(h1(page)).toHaveText('Your declarations');
  await expect(page.getByRole('region', { name: 'Earlier declarations' })).toContainText(
    'You ended it yourself',
  );
  await checkScreen(page, 'declarations-english-large-text');
  await page.getByRole('switch', { name: 'Large text' }).click();
  await page.getByRole('switch', { name: 'High contrast' }).click();
  await checkScreen(page, 'declarations-high-contrast', { enhancedContrast: true });
  await page.getByRole('switch', { name: 'High contrast' }).click();
  await page.getByRole('button', { name: 'Українська' }).click();

  await current.getByRole('button', { name: 'Подробиці' }).click();
  await expect(h1(page)).toHaveText(/^Подробиці декларації № \d{4}-/);
  const printout = page.getByRole('document', { name: 'Текст декларації, яку підписано' });
  await expect(printout).toContainText('Декларація про вибір лікаря');
  await expect(printout).toContainText(persona.fullName);
  // eHealth's printout is shown without its own heading levels, scripts or styles
  await expect(printout.locator('h1, script, style')).toHaveCount(0);
  await checkScreen(page, 'declaration-details');

  await page.getByRole('button', { name: 'Припинити декларацію' }).click();
  const dialog = page.getByRole('dialog', { name: 'Припинити декларацію?' });
  await expect(dialog).toContainText('Скасувати припинення не можна');
  await expect(dialog.getByRole('button', { name: 'Ні, залишити' })).toBeFocused();
  await checkScreen(page, 'declaration-terminate-confirm');
  // "no" keeps it
  await dialog.getByRole('button', { name: 'Ні, залишити' }).click();
  await expect(dialog).toHaveCount(0);
  await page.getByRole('button', { name: 'Припинити декларацію' }).click();
  await dialog.getByRole('button', { name: 'Переїжджаю' }).click();
  await dialog.getByRole('button', { name: 'Так, припинити' }).click();

  await expect(h1(page)).toHaveText('Квитанція');
  await expect(page.getByRole('status').first()).toHaveText('Декларацію припинено.');
  const code = await shownReferenceCode(page);
  const receipt = page.getByRole('document', { name: 'Квитанція, яку буде надруковано' });
  await expect(receipt).toContainText('Припинення декларації');
  await expect(receipt).toContainText('Виконано в eHealth');
  await expect(receipt).toContainText(code);
  await expect(receipt.locator('svg[role="img"]')).toHaveCount(1);
  // no tax id and no patient name on paper
  await expect(receipt).not.toContainText(persona.taxId);
  await expect(receipt).not.toContainText(persona.fullName);
  await checkScreen(page, 'receipt-declaration-terminated');
  expect(outboxRowByCode(kioskHost, code)?.state).toBe('done');

  await page.getByRole('button', { name: 'Надрукувати' }).click();
  await expect(page.getByText('Збережено як файл (у цьому кіоску немає принтера).')).toBeVisible({
    timeout: 30_000,
  });
  expect(savedReceipts(kioskHost).filter((f) => f.endsWith('.pdf'))).toHaveLength(1);

  await page.getByRole('button', { name: 'До меню' }).click();
  await openFromHome(page, /^Мої декларації/);
  await expect(page.getByRole('region', { name: 'Чинна декларація' })).toContainText(
    'У вас зараз немає чинної декларації з лікарем.',
  );
  await expect(page.getByRole('region', { name: 'Попередні декларації' })).toContainText(
    'Ваше пояснення: «Переїзд»',
  );
  await expectEndedInThePast(page.getByRole('region', { name: 'Попередні декларації' }));
  await finish(page);
  // the printed receipt went with the session (main deletes it once the session's cleanups ran)
  await expect.poll(() => savedReceipts(kioskHost), { timeout: 15_000 }).toEqual([]);
});

test('a terminated declaration offers no termination; a teen without capacity may only look', async ({
  page,
  kioskHost,
}) => {
  await page.goto(kioskHost.url);
  await signInAs(page, kioskHost, 'teen-15-no-capacity');
  await openFromHome(page, /^Мої декларації/);
  await expect(h1(page)).toHaveText('Ваші декларації');
  await expect(page.getByText(/Ви можете лише переглядати: змінювати дані/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Знайти лікаря' })).toHaveCount(0);
  await checkScreen(page, 'declarations-view-only');
  await finish(page);
});
