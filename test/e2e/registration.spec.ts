/**
 * Registration with eHealth end to end through the browser host and its training sandbox, driven as
 * a patient does (every field typed key by key on the kiosk's keyboard, never filled in):
 * unknown-drfo is refused at sign-in, registers from the refusal screen — the explanation and
 * consent, the form with the names and tax id from the key, the SMS code read from the sandbox's
 * inbox, the review, the key's password — lands at home, finishes (nothing typed is left) and
 * signs in again with the same key; unknown-mismatch, whose key still carries her maiden name, is
 * told plainly why she cannot register with it, walks away, and the idle wipe forgets what she typed;
 * a registration signed while the link is down gets a receipt with its code and is delivered when
 * the link returns — then that person signs in.
 * axe and touch targets on every registration screen.
 */
import type { Page } from '@playwright/test';
import { finish, outboxRowByCode, shownReferenceCode } from './cabinet-helpers';
import { checkScreen, expect, h1, test } from './fixtures';
import type { KioskHost } from './fixtures';
import { expectForgotten } from './privacy-helpers';
import { fillForm, OSTAP, startRegistration, typeInto } from './registration-helpers';
import { sandboxFaults, signInAs, typePassword, type PersonaId } from './signin-helper';

test.use({ viewport: { width: 1920, height: 1080 } });
// real keys are opened four times and the form is typed key by key twice: minutes on a shared machine
test.describe.configure({ mode: 'serial', timeout: 240_000 });

async function refusedAtSignIn(page: Page, host: KioskHost, id: PersonaId): Promise<string> {
  await page.goto(host.url);
  const p = await signInAs(page, host, id, { expectHome: false });
  return p.password;
}

test('unknown-drfo registers from the refusal screen, lands at home, and signs in again after Finish', async ({
  page,
  context,
  kioskHost,
}) => {
  const password = await refusedAtSignIn(page, kioskHost, 'unknown-drfo');
  await checkScreen(page, 'registration-offer');
  await startRegistration(page, (name) => checkScreen(page, name));
  // the names and the tax id come from the key, not typed
  await expect(page.getByText('Пилипенко Остап Юрійович')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Прізвище', exact: true })).toHaveCount(0);
  await checkScreen(page, 'registration-form');
  await fillForm(page, kioskHost, OSTAP, (name) => checkScreen(page, name));

  const review = page.getByRole('region', { name: 'Основне' });
  await expect(review).toContainText('Пилипенко Остап Юрійович');
  await expect(review).toContainText('Житомир, Україна');
  await expect(review).not.toContainText(OSTAP.secret);
  await expect(page.getByRole('region', { name: 'Документи' })).toContainText(OSTAP.passport);
  await expect(page.getByRole('region', { name: 'Контакти' })).toContainText(OSTAP.smsPhone);
  await checkScreen(page, 'registration-review');
  await page.getByRole('button', { name: 'Перейти до підпису' }).click();
  await expect(h1(page)).toHaveText('Підпишіть заяву про реєстрацію');
  await checkScreen(page, 'registration-sign');
  await typePassword(page, password);
  await page.getByRole('button', { name: 'Підписати й зареєструватися' }).click();
  await expect(h1(page)).toHaveText('Вітаємо, Остапе Юрійовичу!', { timeout: 90_000 });

  // Finish forgets the patient and everything typed
  await page.getByRole('button', { name: /^Завершити$/ }).click();
  await expectForgotten(page, context, kioskHost, {
    page: ['Остап', 'Пилипенко', OSTAP.secret, OSTAP.passport, OSTAP.contactPhone, '951234508'],
    files: ['Остап Юрійович', OSTAP.secret, OSTAP.passport, `380${OSTAP.contactPhone}`],
  });

  // the same key now signs in
  await signInAs(page, kioskHost, 'unknown-drfo');
  await expect(h1(page)).toHaveText('Вітаємо, Остапе Юрійовичу!');
  await finish(page);
});

test('unknown-mismatch: her key still has her maiden name — told plainly why she cannot register with it', async ({
  page,
  context,
  kioskHost,
}) => {
  await page.clock.install();
  await refusedAtSignIn(page, kioskHost, 'unknown-mismatch');
  // the offer and the explanation in English too
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Register with eHealth' }).click();
  await expect(h1(page)).toHaveText('Registering with eHealth');
  await expect(page.getByRole('region', { name: 'Consent' })).toContainText(
    'I agree that eHealth keeps and processes my personal data',
  );
  await checkScreen(page, 'registration-intro-english');
  await page.getByRole('button', { name: 'Українська' }).click();
  await page.getByRole('switch', { name: 'Я погоджуюся на обробку моїх персональних даних' }).click();
  await page.getByRole('button', { name: 'Продовжити' }).click();
  await expect(h1(page)).toHaveText('Ваші дані для eHealth');
  await expect(page.getByText('Гнатюк Христина Андріївна')).toBeVisible();
  await typeInto(page, 'Місце народження', 'Ужгород');
  await page.getByRole('button', { name: 'Моє прізвище чи ім’я тепер інше' }).click();
  await expect(page.getByRole('heading', { name: 'Зареєструватися з цим ключем не вийде' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText(
    'eHealth реєструє людину лише з тим прізвищем та ім’ям, що записані в сертифікаті її ключа: Гнатюк Христина Андріївна.',
  );
  await expect(page.getByRole('alert')).toContainText(
    'отримайте в надавача новий ключ із теперішнім прізвищем',
  );
  await checkScreen(page, 'registration-name-changed');
  await page.getByRole('button', { name: 'Ні, у ключі все правильно' }).click();
  await expect(page.getByRole('textbox', { name: 'Місце народження', exact: true })).toHaveValue('Ужгород');
  // the check below can fail: the page does hold what she typed until then
  expect(await page.content()).toContain('Ужгород');
  // she walks away in the middle: the idle wipe (warning after 90 s, wipe 20 s later) forgets what she typed
  const now = (await page.evaluate('Date.now()')) as number;
  await page.clock.pauseAt(now + 1_000);
  await page.clock.runFor(91_000);
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await page.clock.runFor(21_000);
  await page.clock.resume();
  await expectForgotten(page, context, kioskHost, {
    page: ['Ужгород', 'Гнатюк', 'Христина'],
    files: ['Гнатюк Христина Андріївна'],
  });
});

test('signed while eHealth is unreachable: a receipt with its code; delivered when the link returns, then she signs in', async ({
  page,
  kioskHost,
}) => {
  const password = await refusedAtSignIn(page, kioskHost, 'unknown-mismatch');
  await startRegistration(page);
  await fillForm(page, kioskHost, {
    birthPlace: 'Ужгород',
    gender: 'жіноча',
    secret: 'Смерека',
    passport: 'КЕ654321',
    region: 'Закарпатська',
    settlement: 'Ужгород',
    building: '7',
    contactLast: 'Гнатюк',
    contactFirst: 'Андрій',
    contactPhone: '991234598',
    smsPhone: '+380991234510',
  });
  await page.getByRole('button', { name: 'Перейти до підпису' }).click();
  await typePassword(page, password);

  // the patient has checked everything; now eHealth becomes unreachable
  await sandboxFaults(kioskHost, { outage: true });
  let code: string | undefined;
  try {
    await page.getByRole('button', { name: 'Підписати й зареєструватися' }).click();
    await expect(h1(page)).toHaveText('Реєстрацію підписано', { timeout: 90_000 });
    await expect(page.getByRole('status').first()).toContainText(
      'Кіоск зберіг вашу підписану реєстрацію і сам надішле її, щойно звʼязок відновиться, — до ',
    );
    code = await shownReferenceCode(page);
    const receipt = page.getByRole('document', { name: 'Квитанція, яку буде надруковано' });
    await expect(receipt).toContainText('Реєстрація в eHealth');
    await expect(receipt).toContainText(code);
    await checkScreen(page, 'registration-queued');
    expect(outboxRowByCode(kioskHost, code)?.state).toMatch(/^(captured|waiting-network|sending)$/);
    await page.getByRole('button', { name: 'Надрукувати' }).click();
    await expect(page.getByText('Збережено як файл (у цьому кіоску немає принтера).')).toBeVisible({
      timeout: 30_000,
    });
  } finally {
    await sandboxFaults(kioskHost, null);
  }

  // the link is back while she waits: the kiosk delivers it on its own and says so
  await expect(page.getByRole('status').first()).toHaveText(
    'Реєстрацію доставлено: вас зареєстровано в eHealth. Тепер можна ввійти своїм ключем.',
    { timeout: 90_000 },
  );
  expect(outboxRowByCode(kioskHost, code)?.state).toBe('done');
  await page.getByRole('button', { name: 'Увійти своїм ключем' }).click();
  await signInAs(page, kioskHost, 'unknown-mismatch');
  await expect(h1(page)).toHaveText('Вітаємо, Христино Андріївно!');
  await finish(page);
});
