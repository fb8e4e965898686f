/**
 * Personal data end to end in Debian Chromium against the browser host and its training sandbox:
 * the persona's data in plain words, a change refused by a rule (the message under the field), a
 * valid change reviewed on eHealth's sanitised printout, signed and delivered, and the SMS phone
 * replaced with the code read from the sandbox's SMS inbox. axe, touch targets and a screenshot on
 * every screen.
 */
import type { Page } from '@playwright/test';
import { finish } from './cabinet-helpers';
import { checkScreen, expect, h1, test } from './fixtures';
import type { KioskHost } from './fixtures';
import { sandboxUrl, signInAs, type PersonaId } from './signin-helper';

// the reference kiosk panel: 21.5" Full HD
test.use({ viewport: { width: 1920, height: 1080 } });
// sign-in opens a real key; axe scans every screen: minutes on a shared machine, not seconds
test.describe.configure({ mode: 'serial', timeout: 300_000 });

async function openPersonData(page: Page, host: KioskHost, id: PersonaId): Promise<void> {
  await page.goto(host.url);
  await signInAs(page, host, id);
  await page.getByRole('button', { name: /^Мої персональні дані/ }).click();
  await expect(h1(page)).toHaveText('Мої персональні дані');
  await expect(page.getByRole('region', { name: 'Основне' })).toBeVisible();
}

async function smsCodes(host: KioskHost, phone: string): Promise<string[]> {
  const res = await fetch(`${await sandboxUrl(host)}/sandbox/sms?phone=${encodeURIComponent(phone)}`);
  const body = (await res.json()) as { data: { code: string }[] };
  return body.data.map((m) => m.code);
}

test('the data in plain words, in both languages, large text and high contrast', async ({
  page,
  kioskHost,
}) => {
  await openPersonData(page, kioskHost, 'adult-with-declaration');
  await expect(page.getByRole('region', { name: 'Основне' })).toContainText('Ковальчук');
  await expect(page.getByRole('region', { name: 'Документи' })).toContainText(
    'Паспорт громадянина України (ID-картка)',
  );
  await expect(page.getByRole('region', { name: 'Адреси' })).toContainText('Адреса проживання');
  await expect(
    page.getByRole('region', { name: 'Способи підтвердження дій (автентифікації)' }),
  ).toContainText('SMS-код на телефон +38067*****01');
  const checks = page.getByRole('region', { name: 'Перевірка даних у державних реєстрах' });
  await expect(checks).toContainText('Повна цивільна дієздатність');
  // a living patient: the death register has no record of them — said as that fact
  await expect(checks).toContainText('Реєстр смертей (ДРАЦС)записів про вашу смерть немає');
  await expect(checks).not.toContainText('Відомості про смерть');
  // the secret word is never shown
  await expect(page.getByRole('region', { name: 'Ідентифікатори' })).toContainText(
    'з міркувань безпеки не показується',
  );
  await expect(page.getByText('Барвінок')).toHaveCount(0);
  await checkScreen(page, 'person-data');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(h1(page)).toHaveText('My personal data');
  await expect(page.getByRole('region', { name: 'Checks against state registers' })).toContainText(
    'Death register (civil registry)there is no record of your death',
  );
  await page.getByRole('switch', { name: 'Large text' }).click();
  await page.getByRole('switch', { name: 'High contrast' }).click();
  await checkScreen(page, 'person-data-english-large-contrast', { enhancedContrast: true });
  await page.getByRole('button', { name: 'Change my data' }).click();
  await expect(h1(page)).toHaveText('Change personal data');
  await page.getByLabel('First name', { exact: true }).click();
  await expect(page.getByRole('group', { name: 'On-screen keyboard for “First name”' })).toBeVisible();
  await checkScreen(page, 'person-edit-english-large-contrast', { enhancedContrast: true });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(h1(page)).toHaveText('My personal data');
  await page.getByRole('switch', { name: 'High contrast' }).click();
  await page.getByRole('switch', { name: 'Large text' }).click();
  await page.getByRole('button', { name: 'Українська' }).click();
  await finish(page);
});

test('a change: a rule violation under its field, then review of the printout, signature, delivery', async ({
  page,
  kioskHost,
}) => {
  await openPersonData(page, kioskHost, 'adult-no-declaration');
  await page.getByRole('button', { name: 'Змінити дані' }).click();
  await expect(h1(page)).toHaveText('Зміна персональних даних');
  await checkScreen(page, 'person-edit');

  // a Russian letter in the first name: refused here, before eHealth is asked
  const firstName = page.getByLabel('Ім’я', { exact: true });
  await firstName.fill('Андрэй');
  await page.getByRole('switch', { name: /Я погоджуюся/ }).click();
  await page.getByRole('button', { name: 'Перевірити й продовжити' }).click();
  await expect(page.getByRole('alert')).toContainText('Знайдено 1 помилку');
  await expect(firstName).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/Лише українські літери, апостроф, дефіс і пробіл/)).toBeVisible();
  await checkScreen(page, 'person-edit-rule-violation');

  // typed on the on-screen keyboard: the last letter fixed
  await firstName.click();
  const keyboard = page.getByRole('group', { name: 'Екранна клавіатура для поля «Ім’я»' });
  await keyboard.getByRole('button', { name: 'Стерти' }).click();
  await keyboard.getByRole('button', { name: 'Стерти' }).click();
  await keyboard.getByRole('button', { name: 'і', exact: true }).click();
  await keyboard.getByRole('button', { name: 'й', exact: true }).click();
  await expect(firstName).toHaveValue('Андрій');
  await expect(firstName).toHaveAttribute('aria-invalid', 'false');

  await page.getByRole('button', { name: 'Контакти', exact: true }).click();
  await page.getByLabel('Електронна пошта (необов’язково)').fill('andrii.new@example.com');
  await checkScreen(page, 'person-edit-contacts');
  await page.getByRole('button', { name: 'Адреси', exact: true }).click();
  await expect(page.getByText(/^Обрано: місто Львів/)).toBeVisible();
  await checkScreen(page, 'person-edit-addresses');

  await page.getByRole('button', { name: 'Перевірити й продовжити' }).click();
  await expect(h1(page)).toHaveText('Перевірте й підпишіть');
  await expect(page.getByRole('heading', { name: 'Що змінюється' })).toBeVisible();
  await expect(page.locator('.person-review ul.person__list')).toContainText('Електронна пошта');
  const printout = page.getByRole('region', { name: 'Текст заяви від eHealth' });
  await expect(printout).toContainText('Запит на зміну персональних даних пацієнта');
  await expect(printout).toContainText('andrii.new@example.com');
  await expect(printout.locator('script, a, img, [style], [href], [src]')).toHaveCount(0);
  await checkScreen(page, 'person-review');

  await page.getByRole('button', { name: 'Підписати' }).click();
  await expect(h1(page)).toHaveText(/^(Зміну підписано|Дані змінено)$/, { timeout: 60_000 });
  await expect(h1(page)).toHaveText('Дані змінено', { timeout: 60_000 });
  await expect(page.getByText('eHealth прийняла зміну ваших даних.')).toBeVisible();
  await expect(page.locator('.person-result__code')).toHaveText(/\S{4,}/);
  await checkScreen(page, 'person-result');
  // the receipt (the browser host has no printer: it keeps a PDF)
  await page.getByRole('button', { name: 'Надрукувати квитанцію' }).click();
  await expect(page.getByText(/^(Квитанцію надруковано|Квитанцію збережено як файл)/)).toBeVisible({
    timeout: 30_000,
  });

  await page.getByRole('button', { name: 'До моїх даних' }).click();
  await expect(page.getByRole('region', { name: 'Контакти' })).toContainText('andrii.new@example.com');
  await expect(page.getByRole('region', { name: 'Основне' })).toContainText('Андрій');
  await finish(page);
});

test('the SMS phone replaced with the code from the sandbox inbox (a wrong code first)', async ({
  page,
  kioskHost,
}) => {
  await openPersonData(page, kioskHost, 'adult-with-apps');
  await page.getByRole('button', { name: 'Телефон для SMS-кодів' }).click();
  await expect(h1(page)).toHaveText('Телефон для SMS-кодів');
  await page.getByRole('button', { name: 'Замінити +38097*****06' }).click();
  const number = page.getByLabel('Новий номер телефону');
  await number.click();
  const keypad = page.getByRole('group', { name: 'Екранна клавіатура' }).first();
  for (const d of '935550909') await keypad.getByRole('button', { name: d, exact: true }).click();
  await expect(number).toHaveValue('935550909');
  await checkScreen(page, 'person-phone');
  await page.getByRole('button', { name: 'Надіслати код' }).click();
  await expect(page.getByText('Ми надіслали SMS з кодом із 4 цифр на +38093*****09.')).toBeVisible();
  await expect(page.getByText(/Код дійсний до \d\d:\d\d\. Залишилося 3 спроби\./)).toBeVisible();
  await checkScreen(page, 'person-phone-code');

  const [code] = await smsCodes(kioskHost, '+380935550909');
  expect(code).toMatch(/^\d{4}$/);
  const wrong = String((Number(code) + 1) % 10_000).padStart(4, '0');
  const codeField = page.getByLabel('Код з SMS');
  await codeField.fill(wrong);
  await page.getByRole('button', { name: 'Підтвердити' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Неправильний код з SMS. Перевірте його й введіть ще раз. Залишилося 2 спроби.',
  );
  await checkScreen(page, 'person-phone-wrong-code');

  await codeField.fill(code as string);
  await page.getByRole('button', { name: 'Підтвердити' }).click();
  await expect(page.getByText('Готово. Тепер коди надходитимуть на +38093*****09.')).toBeVisible();
  await expect(page.getByText('Попередній номер більше не отримує кодів.')).toBeVisible();
  await checkScreen(page, 'person-phone-done');

  await page.getByRole('button', { name: 'До моїх даних' }).click();
  const methods = page.getByRole('region', { name: 'Способи підтвердження дій (автентифікації)' });
  await expect(methods).toContainText('SMS-код на телефон +38093*****09');
  await expect(methods).toContainText('не діє');
  await finish(page);
});

test('a teen without confirmed legal capacity only views', async ({ page, kioskHost }) => {
  await openPersonData(page, kioskHost, 'teen-15-no-capacity');
  await expect(page.getByText(/Ви можете лише переглядати: змінювати дані/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Змінити дані' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Телефон для SMS-кодів' })).toHaveCount(0);
  await checkScreen(page, 'person-data-view-only');
  await finish(page);
});
