/**
 * Registering with eHealth as a patient does it in the e2e specs: from the unknown-person refusal
 * through the explanation and consent to the form, every field typed key by key on the kiosk's
 * keyboard (never filled in), the phone confirmed with the code read from the sandbox's SMS inbox,
 * up to the review. `shown` is called at each screen worth checking (axe, fit) with its name.
 */
import type { Page } from '@playwright/test';
import { expect, h1 } from './fixtures';
import type { KioskHost } from './fixtures';
import { typeText } from './keyboard-helper';
import { sandboxUrl } from './signin-helper';

/** Called on a screen worth checking, with its name. */
export type Shown = (name: string) => Promise<void>;

/** The keyboard under a form field (the change form's fields name theirs after the field). */
export const keyboardFor = (page: Page, field: string) =>
  page.getByRole('group', { name: `Екранна клавіатура для поля «${field}»` });

/** The screen's one keyboard (the phone, the code and the password have a keyboard of their own). */
export const keyboard = (page: Page) => page.getByRole('group', { name: 'Екранна клавіатура', exact: true });

/** Touches a form field and types on the keyboard that opens under it. */
export async function typeInto(page: Page, field: string, text: string): Promise<void> {
  await page.getByRole('textbox', { name: field, exact: true }).click();
  const keys = keyboardFor(page, field);
  await expect(keys).toBeVisible();
  await typeText(page, keys, text);
  await expect(page.getByRole('textbox', { name: field, exact: true })).not.toHaveValue('');
}

export const tab = (page: Page, name: string) =>
  page.getByRole('group', { name: 'Розділи' }).getByRole('button', { name: new RegExp(`^${name}`) });

/** What a patient types that the key does not tell. */
export interface Typed {
  birthPlace: string;
  gender: 'чоловіча' | 'жіноча';
  secret: string;
  passport: string;
  region: string;
  settlement: string;
  building: string;
  contactLast: string;
  contactFirst: string;
  /** The nine digits after +380. */
  contactPhone: string;
  smsPhone: string;
}

export async function smsCode(host: KioskHost, phone: string): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        const res = await fetch(`${await sandboxUrl(host)}/sandbox/sms?phone=${encodeURIComponent(phone)}`);
        code = ((await res.json()) as { data: { code: string }[] }).data[0]?.code;
        return code;
      },
      { message: `no SMS to ${phone}` },
    )
    .toMatch(/^\d{4}$/);
  return code as string;
}

/** From the unknown-person refusal through the explanation (consent refused once, then given) to the form. */
export async function startRegistration(page: Page, shown?: Shown): Promise<void> {
  await expect(h1(page)).toHaveText('Вас не знайдено в eHealth', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Зареєструватися в eHealth' }).click();
  await expect(h1(page)).toHaveText('Реєстрація в eHealth');
  await expect(page.getByRole('button', { name: 'Продовжити' })).toBeEnabled();
  if (shown) {
    await page.getByRole('button', { name: 'Продовжити' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'Щоб продовжити, погодьтеся на обробку даних: без цього eHealth не реєструє.',
    );
    await shown('registration-intro');
  }
  await page.getByRole('switch', { name: 'Я погоджуюся на обробку моїх персональних даних' }).click();
  await page.getByRole('button', { name: 'Продовжити' }).click();
  await expect(h1(page)).toHaveText('Ваші дані для eHealth');
}

/** The form typed part by part, checked, then the phone confirmed with the code from the inbox; ends at the review. */
export async function fillForm(page: Page, host: KioskHost, typed: Typed, shown?: Shown): Promise<void> {
  if (shown) {
    // nothing typed yet: every missing field says so under itself
    await page.getByRole('button', { name: 'Перевірити й продовжити' }).click();
    await expect(page.getByRole('alert').first()).toContainText(/^Знайдено \d+ помил/);
    await expect(page.getByRole('textbox', { name: 'Місце народження', exact: true })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await expect(page.getByText('Кодове слово — від 6 до 20 символів.')).toBeVisible();
    await shown('registration-form-errors');
  }
  await typeInto(page, 'Місце народження', typed.birthPlace);
  await page.getByRole('group', { name: 'Стать' }).getByRole('button', { name: typed.gender }).click();
  await typeInto(page, 'Кодове слово', typed.secret);

  await tab(page, 'Документи').click();
  await typeInto(page, 'Номер', typed.passport);

  await tab(page, 'Адреси').click();
  await page
    .getByRole('group', { name: 'Адреса проживання: Область' })
    .getByRole('button', { name: typed.region })
    .click();
  await typeInto(page, 'Населений пункт: почніть вводити назву', typed.settlement);
  await page.getByRole('button', { name: 'Знайти — Населений пункт' }).click();
  await page
    .getByRole('list', { name: 'Знайдено' })
    .getByRole('button', { name: new RegExp(`^місто ${typed.settlement}`) })
    .first()
    .click();
  await expect(page.getByText(new RegExp(`^Обрано: місто ${typed.settlement}`))).toBeVisible();
  await typeInto(page, 'Будинок', typed.building);
  await shown?.('registration-form-addresses');

  await tab(page, 'Контактна особа').click();
  await typeInto(page, 'Прізвище', typed.contactLast);
  await typeInto(page, 'Ім’я', typed.contactFirst);
  await typeInto(page, 'Телефони', typed.contactPhone);

  await page.getByRole('button', { name: 'Перевірити й продовжити' }).click();
  await expect(h1(page)).toHaveText('Телефон для SMS-кодів');
  await page.getByRole('textbox', { name: 'Номер мобільного телефону' }).click();
  await typeText(page, keyboard(page), typed.smsPhone.slice(4));
  await shown?.('registration-phone');
  await page.getByRole('button', { name: 'Надіслати код' }).click();
  await expect(page.getByText(/^Ми надіслали SMS з кодом із 4 цифр на /)).toBeVisible({ timeout: 30_000 });
  const code = await smsCode(host, typed.smsPhone);
  await typeText(page, keyboard(page), code);
  await shown?.('registration-code');
  await page.getByRole('button', { name: 'Продовжити' }).click();
  await expect(h1(page)).toHaveText('Перевірте свої дані');
}

export const OSTAP: Typed = {
  birthPlace: 'Житомир',
  gender: 'чоловіча',
  secret: 'Ромашка',
  passport: 'ВК123456',
  region: 'Житомирська',
  settlement: 'Житомир',
  building: '15',
  contactLast: 'Пилипенко',
  contactFirst: 'Ганна',
  contactPhone: '951234599',
  smsPhone: '+380951234508',
};
