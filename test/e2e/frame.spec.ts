/**
 * The kiosk frame end to end, in Debian Chromium against the real browser host: welcome → language
 * → large text → idle warning → wipe, with the fake clock instead of waiting; high contrast; the
 * on-screen keyboard; kiosk hardening. axe must find nothing on any screen or state.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, expectTouchTargets, saveScreen, test } from './fixtures';
import type { KioskHost } from './fixtures';

// the reference kiosk panel: 21.5" Full HD
test.use({ viewport: { width: 1920, height: 1080 } });
// every screen and state is scanned by axe, which takes a few seconds each on a shared CI machine
test.describe.configure({ timeout: 120_000 });

const NORMAL_ROOT_PX = '28px';
const LARGE_ROOT_PX = '42px';

/** Opens the kiosk with Playwright's fake clock installed, so idle time can be fast-forwarded. */
async function openKiosk(page: Page, host: KioskHost): Promise<void> {
  await page.clock.install();
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Кабінет пацієнта' })).toBeVisible();
}

/**
 * Page time normally flows with real time (axe needs its timers). A timed stretch stops it, so
 * only `runFor` moves it and the seconds axe or a slow machine take never count as idle time.
 */
async function pauseClock(page: Page): Promise<void> {
  const pageNow = (await page.evaluate('Date.now()')) as number;
  await page.clock.pauseAt(pageNow + 1_000);
}

/** A touch on an empty part of the screen: visitor activity that restarts the idle count. */
const touchEmptySpot = (page: Page) => page.mouse.click(1900, 1060);

const html = (page: Page) => page.locator('html');
/** The root font size every rem follows: 28 px normally, 42 px in large-text mode. */
const expectRootFontSize = (page: Page, px: string) => expect(html(page)).toHaveCSS('font-size', px);

test('welcome → language → large text → idle warning → wipe back to the defaults', async ({
  page,
  kioskHost,
}) => {
  await openKiosk(page, kioskHost);
  await expect(html(page)).toHaveAttribute('lang', 'uk');
  await expectRootFontSize(page, NORMAL_ROOT_PX);
  await expect(page.getByRole('button', { name: 'Завершити' })).toHaveCount(0);
  await expectTouchTargets(page);
  await expectNoAxeViolations(page);
  await saveScreen(page, 'welcome');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Patient cabinet' })).toBeVisible();
  await expect(html(page)).toHaveAttribute('lang', 'en');
  await expectNoAxeViolations(page);
  await saveScreen(page, 'welcome-english');

  await page.getByRole('switch', { name: 'Large text' }).click();
  await expect(page.getByRole('switch', { name: 'Large text' })).toHaveAttribute('aria-checked', 'true');
  await expectRootFontSize(page, LARGE_ROOT_PX);
  await expectTouchTargets(page);
  await expectNoAxeViolations(page);
  await saveScreen(page, 'welcome-large-text');

  // 90 s without input (checked once a second)
  await pauseClock(page);
  await touchEmptySpot(page);
  await page.clock.runFor(89_000);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await page.clock.runFor(2_000);
  const warning = page.getByRole('alertdialog', { name: 'Are you still there?' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('20 seconds left');
  await expect(page.getByRole('button', { name: 'Continue' })).toBeFocused();
  await saveScreen(page, 'idle-warning');
  await page.clock.resume();
  await expectNoAxeViolations(page);

  // Continue keeps the visitor: the count starts again
  await pauseClock(page);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(warning).toHaveCount(0);
  await page.clock.runFor(89_000);
  await expect(warning).toHaveCount(0);
  await expectRootFontSize(page, LARGE_ROOT_PX);

  // and this time nobody answers
  await page.clock.runFor(2_000);
  await expect(warning).toBeVisible();
  await page.clock.runFor(15_000);
  await expect(warning).toContainText(/^.*\b[45] seconds left/s);
  await page.clock.runFor(6_000);

  await expect(warning).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Кабінет пацієнта' })).toBeVisible();
  await expect(html(page)).toHaveAttribute('lang', 'uk');
  await expect(html(page)).toHaveAttribute('data-text-size', 'normal');
  await expectRootFontSize(page, NORMAL_ROOT_PX);
  await expect(page.getByRole('button', { name: 'Українська', pressed: true })).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Великий шрифт' })).toHaveAttribute('aria-checked', 'false');
  // main accepted the end of the session: no kiosk notice
  await expect(page.getByRole('alert')).toHaveCount(0);
  await saveScreen(page, 'after-idle-wipe');
  await page.clock.resume();

  // pristine again: no more warnings, however long it waits
  await page.clock.runFor(300_000);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
});

test('high contrast reaches 7:1 on every screen and is reset by Finish', async ({ page, kioskHost }) => {
  await openKiosk(page, kioskHost);
  await page.getByRole('switch', { name: 'Висока контрастність' }).click();
  await expect(html(page)).toHaveAttribute('data-contrast', 'high');
  await expectNoAxeViolations(page, { enhancedContrast: true });
  await saveScreen(page, 'welcome-high-contrast');

  await page.getByRole('button', { name: 'Почати' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Наступний крок — ваш ключ');
  await expectNoAxeViolations(page, { enhancedContrast: true });
  await saveScreen(page, 'insert-key-high-contrast');

  await page.getByRole('button', { name: 'Спробувати екранну клавіатуру' }).click();
  await expect(page.getByRole('group', { name: 'Екранна клавіатура' })).toBeVisible();
  await expectNoAxeViolations(page, { enhancedContrast: true });
  await saveScreen(page, 'keyboard-high-contrast');

  await pauseClock(page);
  await touchEmptySpot(page);
  await page.clock.runFor(91_000);
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await page.clock.resume();
  await expectNoAxeViolations(page, { enhancedContrast: true });
  await saveScreen(page, 'idle-warning-high-contrast');
  await page.getByRole('button', { name: 'Продовжити' }).click();

  await page.getByRole('button', { name: 'Завершити' }).click();
  await expect(page.getByRole('button', { name: 'Почати' })).toBeVisible();
  await expect(html(page)).toHaveAttribute('data-contrast', 'normal');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('Start leads to the key step, with Finish always on screen', async ({ page, kioskHost }) => {
  await openKiosk(page, kioskHost);
  await page.getByRole('button', { name: 'Почати' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Наступний крок — ваш ключ');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Завершити' })).toBeVisible();
  await expectTouchTargets(page);
  await expectNoAxeViolations(page);
  await saveScreen(page, 'insert-key');

  await page.getByRole('switch', { name: 'Великий шрифт' }).click();
  await expectTouchTargets(page);
  await expectNoAxeViolations(page);
  await saveScreen(page, 'insert-key-large-text');

  await page.getByRole('button', { name: 'Завершити' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Кабінет пацієнта' })).toBeVisible();
  await expect(html(page)).toHaveAttribute('data-text-size', 'normal');
  await expect(page.getByRole('button', { name: 'Завершити' })).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

/** Welcome → Start → "Try the on-screen keyboard". */
async function openKeyboard(page: Page, host: KioskHost) {
  await openKiosk(page, host);
  await page.getByRole('button', { name: 'Почати' }).click();
  await page.getByRole('button', { name: 'Спробувати екранну клавіатуру' }).click();
  const keyboard = page.getByRole('group', { name: 'Екранна клавіатура' });
  await expect(keyboard).toBeVisible();
  const layouts = page.getByRole('group', { name: 'Клавіатура', exact: true });
  return {
    field: page.getByLabel('Текст для спроби'),
    key: (name: string) => keyboard.getByRole('button', { name, exact: true }).first(),
    layout: (name: string) => layouts.getByRole('button', { name, exact: true }),
    masked: page.getByRole('switch', { name: 'Приховувати символи, як для пароля' }),
  };
}

test('keyboard: Ukrainian with ґ є і ї and an ʼ key typing the apostrophe eHealth accepts', async ({
  page,
  kioskHost,
}) => {
  const { field, key, layout } = await openKeyboard(page, kioskHost);
  await expect(key('апостроф')).toHaveText('ʼ');
  for (const k of ['Велика літера', 'М', 'а', 'р', 'апостроф', 'я', 'н', 'а']) await key(k).click();
  await expect(field).toHaveValue("Мар'яна");
  for (const k of ['ґ', 'є', 'і', 'ї']) await key(k).click();
  await expect(field).toHaveValue("Мар'янаґєії");
  await expectTouchTargets(page);
  await expectNoAxeViolations(page);
  await saveScreen(page, 'keyboard');

  // typographic apostrophes from a physical keyboard or a paste are normalised too
  await field.fill('Лук\u02BCяненко В\u2019ячеслав');
  await expect(field).toHaveValue("Лук'яненко В'ячеслав");

  await layout('English').click();
  await expect(field).toHaveValue('');
  for (const k of ['Велика літера', 'O', 'апостроф', 'Велика літера', 'N', 'e', 'i', 'l', 'l'])
    await key(k).click();
  await expect(field).toHaveValue("O'Neill");
  await expectNoAxeViolations(page);
  await saveScreen(page, 'keyboard-english');
});

test('keyboard: a password is hidden, typed exactly and never in the markup', async ({ page, kioskHost }) => {
  const { field, key, masked } = await openKeyboard(page, kioskHost);
  await masked.click();
  await expect(field).toHaveAttribute('type', 'password');
  for (const k of ['Велика літера', 'Ж', 'ґ', 'ї', 'щ', 'апостроф']) await key(k).click();
  await expect(field).toHaveValue("Жґїщ'");
  expect(await page.content()).not.toContain('Жґїщ');
  await expectNoAxeViolations(page);
  await saveScreen(page, 'keyboard-password');
  await page.getByRole('button', { name: 'Показати' }).click();
  await expect(field).toHaveAttribute('type', 'text');
});

test('keyboard: phone pad after a fixed +380, digit pad, and large text', async ({ page, kioskHost }) => {
  const { field, key, layout } = await openKeyboard(page, kioskHost);
  await layout('Телефон').click();
  await expect(page.getByText('+380', { exact: true })).toBeVisible();
  await expect(key('а')).toHaveCount(0);
  for (const d of '6712345678') await key(d).click();
  await expect(field).toHaveValue('671234567');
  await expectNoAxeViolations(page);
  await saveScreen(page, 'keyboard-phone');

  await layout('Цифри').click();
  for (const d of '1234') await key(d).click();
  await key('Стерти').click();
  await expect(field).toHaveValue('123');

  await page.getByRole('switch', { name: 'Великий шрифт' }).click();
  await layout('Українська').click();
  await expectRootFontSize(page, LARGE_ROOT_PX);
  await expectTouchTargets(page);
  await expectNoAxeViolations(page);
  await saveScreen(page, 'keyboard-large-text');

  await page.getByRole('button', { name: 'Завершити' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Кабінет пацієнта' })).toBeVisible();
  await expect(page.getByLabel('Текст для спроби')).toHaveCount(0);
  await expectRootFontSize(page, NORMAL_ROOT_PX);
});

test('kiosk hardening: no context menu, selection, zoom gestures or zoom keys', async ({
  page,
  kioskHost,
}) => {
  await openKiosk(page, kioskHost);
  // runs in the page (as a string: this file is type-checked without the DOM library)
  const blocked = await page.evaluate(`(() => {
    const fire = (event) => {
      document.body.dispatchEvent(event);
      return event.defaultPrevented;
    };
    const init = { bubbles: true, cancelable: true };
    return {
      contextMenu: fire(new MouseEvent('contextmenu', init)),
      ctrlWheel: fire(new WheelEvent('wheel', { ...init, ctrlKey: true, deltaY: -100 })),
      plainWheel: fire(new WheelEvent('wheel', { ...init, deltaY: 100 })),
      ctrlPlus: fire(new KeyboardEvent('keydown', { ...init, ctrlKey: true, key: '+' })),
      reload: fire(new KeyboardEvent('keydown', { ...init, key: 'F5' })),
    };
  })()`);
  expect(blocked).toEqual({
    contextMenu: true,
    ctrlWheel: true,
    plainWheel: false,
    ctrlPlus: true,
    reload: true,
  });
  await expect(page.locator('body')).toHaveCSS('user-select', 'none');
  await expect(html(page)).toHaveCSS('touch-action', 'pan-x pan-y');

  // a real right click and a Ctrl+wheel leave the page as it was
  await page.mouse.click(400, 300, { button: 'right' });
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -500);
  await page.keyboard.up('Control');
  expect(await page.evaluate('window.visualViewport ? window.visualViewport.scale : 1')).toBe(1);
  expect(await page.evaluate('String(document.getSelection())')).toBe('');

  // focus is always visible: a 4 px outline around whatever Tab reaches
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toHaveCSS('outline-style', 'solid');
  await expect(focused).toHaveCSS('outline-width', '4px');

  // the page never navigates: screens change, the URL does not
  const before = new URL(page.url());
  await page.getByRole('button', { name: 'Почати' }).click();
  const after = new URL(page.url());
  expect(after.pathname).toBe(before.pathname);
  expect(after.search).toBe(before.search);
});
