/**
 * Screens that fit: every screen of the kiosk in Ukrainian and English × normal and large text ×
 * normal and high contrast, at 1920×1080 and in portrait at 1080×1920 (floor-standing kiosks) — 16
 * display variants each. In every one: nothing scrolls sideways, no text is cut off or runs into
 * other text or a control, one on-screen keyboard at most, and the screen's primary action is on
 * screen without scrolling (see screen-fit.ts). The display is changed in place with the top bar's
 * own controls and the window size, one change per step, so each screen is reached only once.
 * A portrait screenshot of each main screen goes to test-results/screens/<name>-portrait.png.
 *
 * Screens a patient only passes through (the sign-in progress) are not held still for the check.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, h1, saveScreen, test } from './fixtures';
import type { KioskHost } from './fixtures';
import { erase, typeText } from './keyboard-helper';
import { enrollFirstRegistrar, holdCorner } from './registrar-helper';
import { fillForm, OSTAP, startRegistration } from './registration-helpers';
import { fitReport } from './screen-fit';
import { openPasswordScreen, persona, signInAs, submitPassword, type PersonaId } from './signin-helper';

test.describe.configure({ timeout: 300_000 });

const LANDSCAPE = { width: 1920, height: 1080 };
const PORTRAIT = { width: 1080, height: 1920 };
test.use({ viewport: LANDSCAPE });

interface Variant {
  portrait: boolean;
  english: boolean;
  large: boolean;
  contrast: boolean;
}

/** All 16 variants as a Gray code: each differs from the one before in one setting only. */
const VARIANTS: Variant[] = Array.from({ length: 16 }, (_, i) => {
  const g = i ^ (i >> 1);
  return { english: (g & 1) !== 0, large: (g & 2) !== 0, contrast: (g & 4) !== 0, portrait: (g & 8) !== 0 };
});
const BASE: Variant = { portrait: false, english: false, large: false, contrast: false };

/** Staff screens that show internal names on purpose (the audit log's actions, settings' identifiers). */
const SHOWS_INTERNAL_NAMES = ['Налаштування кіоску', 'Журнал аудиту'];

const nameOf = (v: Variant) =>
  [
    v.portrait ? '1080×1920' : '1920×1080',
    v.english ? 'en' : 'uk',
    v.large ? 'large text' : 'normal text',
    v.contrast ? 'high contrast' : 'normal contrast',
  ].join(', ');

class Display {
  current: Variant = BASE;
  readonly problems: string[] = [];
  /** Screen → the lowest primary action's bottom edge over all variants (for the report). */
  readonly primaryBottoms = new Map<string, string>();

  constructor(private readonly page: Page) {}

  /** Changes the display with the top bar's controls (and the window), as a visitor would. */
  async set(to: Variant): Promise<void> {
    const bar = this.page.locator('.topbar');
    if (to.portrait !== this.current.portrait)
      await this.page.setViewportSize(to.portrait ? PORTRAIT : LANDSCAPE);
    if (to.english !== this.current.english)
      await bar.getByRole('button', { name: to.english ? 'English' : 'Українська' }).click();
    if (to.large !== this.current.large) await bar.getByRole('switch').nth(0).click();
    if (to.contrast !== this.current.contrast) await bar.getByRole('switch').nth(1).click();
    this.current = to;
  }

  /**
   * Checks the screen in all 16 variants, starting from the display it is in now; ends in
   * portrait, Ukrainian, normal text and contrast (where the portrait screenshot is taken) and
   * goes back to the landscape base for the next step of the walk.
   */
  async check(screen: string, portraitShot: string | null = null): Promise<void> {
    await this.cycle(screen, portraitShot, (change) => change());
    await this.set(BASE);
  }

  /**
   * A modal dialog covers the top bar, as it should: it is closed before each change of display
   * and opened again to be checked.
   */
  async checkDialog(screen: string, open: () => Promise<void>, close: () => Promise<void>): Promise<void> {
    await open();
    await this.cycle(screen, null, async (change) => {
      await close();
      await change();
      await open();
    });
    await close();
    await this.set(BASE);
  }

  private async cycle(
    screen: string,
    portraitShot: string | null,
    around: (change: () => Promise<void>) => Promise<void>,
  ): Promise<void> {
    const start = VARIANTS.findIndex(
      (v) =>
        v.portrait === this.current.portrait &&
        v.english === this.current.english &&
        v.large === this.current.large &&
        v.contrast === this.current.contrast,
    );
    let lowest = 0;
    for (let i = 0; i < VARIANTS.length; i++) {
      const v = VARIANTS[(start + i) % VARIANTS.length] as Variant;
      if (i > 0) await around(() => this.set(v));
      const report = await fitReport(this.page, { patientScreen: !SHOWS_INTERNAL_NAMES.includes(screen) });
      for (const p of report.problems) this.problems.push(`${screen} [${nameOf(v)}]: ${p}`);
      if (report.primary && report.primary.bottom > lowest) lowest = report.primary.bottom;
    }
    this.primaryBottoms.set(screen, lowest ? `${lowest} px` : 'no primary action');
    if (portraitShot) {
      await this.set({ ...BASE, portrait: true });
      await saveScreen(this.page, `${portraitShot}-portrait`);
    }
  }
}

const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name, exact: true });
const keyboard = (page: Page): Locator => page.getByRole('group', { name: /^Екранна клавіатура/ });

async function finish(page: Page): Promise<void> {
  await button(page, 'Завершити').click();
  await expect(h1(page)).toHaveText('Кабінет пацієнта');
}

async function signedIn(page: Page, host: KioskHost, id: PersonaId): Promise<void> {
  await signInAs(page, host, id);
}

test('every screen fits: uk/en × normal/large text × normal/high contrast, landscape and portrait', async ({
  page,
  kioskHost,
}) => {
  const display = new Display(page);
  await page.clock.install();
  await page.goto(kioskHost.url);
  await expect(h1(page)).toHaveText('Кабінет пацієнта');
  await display.check('welcome', 'welcome');

  // before the key: the steps, the keyboard to try, the key list, the password
  await button(page, 'Почати').click();
  await expect(h1(page)).toHaveText('Наступний крок — ваш ключ');
  await display.check('insertKey (key list)', 'signin-keys');
  await button(page, 'Спробувати екранну клавіатуру').click();
  await expect(h1(page)).toHaveText('Екранна клавіатура');
  await display.check('keyboardPractice');
  await button(page, 'Для пароля').click();
  await display.check('keyboardPractice (password keyboard)');
  await button(page, 'Назад').click();
  await openPasswordScreen(page, 'adult-expired-cert');
  await display.check('keyPassword', 'signin-password');

  // refusals at sign-in
  await submitPassword(page, (await persona(kioskHost, 'adult-expired-cert')).password);
  await expect(h1(page)).toHaveText('Сертифікат ключа недійсний', { timeout: 60_000 });
  await display.check('signInError');
  await finish(page);
  // registration with eHealth, offered to a visitor eHealth does not know: every screen up to the signature
  await signInAs(page, kioskHost, 'unknown-drfo', { expectHome: false });
  await expect(h1(page)).toHaveText('Вас не знайдено в eHealth', { timeout: 60_000 });
  await display.check('signInError (unknown person, registration offered)');
  await startRegistration(page, (name) => display.check(name));
  await fillForm(page, kioskHost, OSTAP, (name) => display.check(name));
  await display.check('registrationReview', 'registration-review');
  await button(page, 'Перейти до підпису').click();
  await expect(h1(page)).toHaveText('Підпишіть заяву про реєстрацію');
  await display.check('registrationSign');
  await finish(page);
  await signInAs(page, kioskHost, 'child-13', { expectHome: false });
  await expect(h1(page)).toHaveText('Кабінет — з 14 років', { timeout: 60_000 });
  await display.check('under14');
  await finish(page);
  await signedIn(page, kioskHost, 'teen-15-no-capacity');
  await display.check('home (view only)');
  await finish(page);

  // the adult with a declaration: home, personal data, declarations, a new declaration
  await signedIn(page, kioskHost, 'adult-with-declaration');
  await display.check('home', 'home');
  await page.getByRole('button', { name: /^Мої персональні дані/ }).click();
  await expect(page.getByRole('region', { name: 'Основне' })).toBeVisible();
  await display.check('person', 'person-data');
  await button(page, 'Змінити дані').click();
  await expect(h1(page)).toHaveText('Зміна персональних даних');
  await display.check('personEdit');
  await button(page, 'Контакти').click();
  await page.getByRole('textbox', { name: 'Електронна пошта (необов’язково)' }).click();
  await expect(keyboard(page)).toBeVisible();
  await display.check('personEdit (contacts, keyboard open)');
  const email = page.getByRole('textbox', { name: 'Електронна пошта (необов’язково)' });
  await erase(keyboard(page), ((await email.inputValue()) || '').length);
  await typeText(page, keyboard(page), 'fit@example.com');
  await page.getByRole('switch', { name: /Я погоджуюся/ }).click();
  await button(page, 'Перевірити й продовжити').click();
  await expect(h1(page)).toHaveText('Перевірте й підпишіть', { timeout: 60_000 });
  await display.check('personReview', 'person-review');
  await button(page, 'Підписати').click();
  await expect(h1(page)).toHaveText('Дані змінено', { timeout: 60_000 });
  await display.check('personResult');
  await button(page, 'До моїх даних').click();
  await button(page, 'Телефон для SMS-кодів').click();
  await expect(h1(page)).toHaveText('Телефон для SMS-кодів');
  await display.check('personPhone (number)', 'person-phone');
  await typeText(page, keyboard(page), '671112233');
  await button(page, 'Надіслати код').click();
  await expect(page.getByLabel('Код з SMS')).toBeVisible({ timeout: 30_000 });
  await display.check('personPhone (SMS code)');
  await button(page, 'Скасувати').click();
  await button(page, 'На головну').click();

  await page.getByRole('button', { name: /^Мої декларації/ }).click();
  const current = page.getByRole('region', { name: 'Чинна декларація' });
  await expect(current).toContainText('Діє');
  await display.check('declarations', 'declarations');
  await current.getByRole('button', { name: 'Подробиці' }).click();
  await expect(h1(page)).toHaveText(/^Подробиці декларації/);
  await display.check('declarationDetails', 'declaration-details');
  await display.checkDialog(
    'declarationDetails (terminate dialog)',
    async () => {
      await button(page, /^(Припинити декларацію|Terminate the declaration)$/).click();
      await expect(page.getByRole('dialog')).toBeVisible();
    },
    async () => {
      await button(page, /^(Ні, залишити|No, keep it)$/).click();
      await expect(page.getByRole('dialog')).toHaveCount(0);
    },
  );
  await button(page, 'До списку декларацій').click();
  await button(page, 'До меню').click();

  await page.getByRole('button', { name: /^Знайти лікаря/ }).click();
  await expect(h1(page)).toHaveText('Пошук лікаря');
  await expect(async () => {
    await button(page, 'Шукати').click();
    await expect(page.getByRole('status').filter({ hasText: /^Знайдено/ })).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 90_000 });
  await display.check('doctorSearch', 'doctor-search');
  await page.getByRole('button', { name: /^Прізвище або імʼя лікаря:/ }).click();
  await display.check('doctorSearch (keyboard open)');
  await button(page, 'Готово').click();
  const card = page
    .getByRole('region', { name: 'Пошук лікаря' })
    .getByRole('listitem')
    .filter({ hasNotText: 'Вільних місць немає' })
    .filter({ hasNotText: 'Ваш лікар зараз' })
    .first();
  await card.getByRole('button', { name: /^Докладніше/ }).click();
  await expect(page.getByRole('heading', { name: 'Години роботи' })).toBeVisible();
  await display.check('doctorCard', 'doctor-card');
  await button(page, 'Обрати цього лікаря').click();
  await expect(h1(page)).toHaveText('Нова декларація');
  await display.check('declarationWizard (warning)', 'declaration-wizard-warning');
  await button(page, 'Продовжити').click();
  await expect(page.getByRole('heading', { name: 'Прочитайте декларацію' })).toBeVisible({ timeout: 60_000 });
  await display.check('declarationWizard (review)', 'declaration-wizard-review');
  await button(page, 'Підписати декларацію').click();
  await expect(h1(page)).toHaveText('Квитанція', { timeout: 90_000 });
  await display.check('receipt', 'receipt-new-declaration');
  await finish(page);

  // e-cabinets with access
  await signedIn(page, kioskHost, 'adult-with-apps');
  await page.getByRole('button', { name: /^Доступ до моїх даних/ }).click();
  await expect(page.locator('.cabinet__list > li').first()).toBeVisible();
  await display.check('apps', 'apps');
  await display.checkDialog(
    'apps (revoke dialog)',
    async () => {
      await page
        .getByRole('button', { name: /^(Скасувати доступ|Revoke access)/ })
        .first()
        .click();
      await expect(page.getByRole('dialog')).toBeVisible();
    },
    async () => {
      await button(page, /^(Ні, залишити|No, keep it)$/).click();
      await expect(page.getByRole('dialog')).toHaveCount(0);
    },
  );
  await finish(page);

  // the registrar's screens: the first run (enrolment code), the panel and its sections
  await holdCorner(page);
  await expect(h1(page)).toHaveText('Кіоск ще не зареєстровано');
  await display.check('registrarPin (not enrolled)');
  await button(page, 'Вийти з режиму реєстратора').click();
  await enrollFirstRegistrar(page, kioskHost, () => display.check('registrarPin (enrolment code)'));
  await display.check('registrarPanel', 'registrar-panel');
  const section = async (name: string, shot: string | null) => {
    await page.getByRole('navigation', { name: 'Розділи панелі' }).getByRole('button', { name }).click();
    await expect(h1(page)).toHaveText(name === 'Налаштування кіоску' ? name : new RegExp(`^${name}`));
    await display.check(name, shot);
    await button(page, 'До панелі реєстратора').click();
  };
  await section('Черга операцій', 'registrar-outbox');
  await section('Довідник лікарів', null);
  await section('Налаштування кіоску', null);
  await section('Журнал аудиту', null);

  // what did not fit, all at once; and where each screen's primary action ended up at worst
  test.info().annotations.push({
    type: 'primary action, lowest bottom edge over the 16 variants',
    description: [...display.primaryBottoms].map(([s, b]) => `${s}: ${b}`).join('; '),
  });
  expect(display.problems, display.problems.join('\n')).toEqual([]);
});
