/**
 * Sign-in end to end through the browser host, its training sandbox, the real signer process and
 * the personas' real keys: the key list (live, with a medium inserted and pulled), the password with
 * its show toggle, progress, home with the vocative greeting, every refusal (wrong password with
 * attempts left, the 15-minute lock, expired and untrusted certificates, unknown person, under 14,
 * eHealth down → doctor search), view-only teens, and speech mode. axe on every screen; a
 * screenshot of each under test-results/screens/.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, h1, saveScreen, test } from './fixtures';
import {
  keyButton,
  keyHolders,
  openPasswordScreen,
  persona,
  personas,
  sandboxFaults,
  signInAs,
  submitPassword,
  typePassword,
} from './signin-helper';

test.use({ viewport: { width: 1920, height: 1080 } });
// sign-ins open Key-6 containers (slow on purpose) and axe scans every screen
test.describe.configure({ timeout: 180_000 });

// A folder whose subfolders the host treats as inserted USB media (KIOSK_MEDIA_DIR); set before
// this file's host starts and removed after, so other spec files get a host without it.
let mediaDir = '';
test.beforeAll(() => {
  mediaDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-media-'));
  process.env.KIOSK_MEDIA_DIR = mediaDir;
});
test.afterAll(() => {
  delete process.env.KIOSK_MEDIA_DIR;
  rmSync(mediaDir, { recursive: true, force: true });
});

async function check(page: Page, name: string, opts: { enhancedContrast?: boolean } = {}) {
  await expectNoAxeViolations(page, opts);
  await saveScreen(page, name);
}

async function finish(page: Page) {
  await page.getByRole('button', { name: /^(Завершити|Finish)$/ }).click();
  await expect(h1(page)).toHaveText(/^(Кабінет пацієнта|Patient cabinet)$/);
}

test('adult: key list → password (masked, show toggle) → progress → greeting and the four functions', async ({
  page,
  kioskHost,
}) => {
  await page.goto(kioskHost.url);
  await page.getByRole('button', { name: 'Почати' }).click();
  await expect(h1(page)).toHaveText('Наступний крок — ваш ключ');
  const all = await keyHolders(kioskHost);
  for (const p of all) await expect(keyButton(page, p.id)).toBeVisible();
  await expect(page.getByRole('status').first()).toHaveText(`Знайдено ${all.length} ключів. Оберіть свій:`);
  await check(page, 'signin-keys');

  await keyButton(page, 'adult-with-declaration').click();
  await expect(h1(page)).toHaveText('Пароль ключа');
  const field = page.getByLabel('Пароль ключа');
  await expect(field).toHaveAttribute('type', 'password');
  await expect(page.getByRole('button', { name: 'Увійти' })).toBeDisabled();
  const olena = await persona(kioskHost, 'adult-with-declaration');
  await typePassword(page, olena.password);
  await page.getByRole('button', { name: 'Показати' }).click();
  await expect(field).toHaveAttribute('type', 'text');
  await expect(field).toHaveValue(olena.password);
  // never in the markup, even when shown
  expect(await page.content()).not.toContain(olena.password);
  await page.getByRole('button', { name: 'Сховати' }).click();
  await expect(field).toHaveAttribute('type', 'password');
  await check(page, 'signin-password');

  // a slow eHealth keeps the progress screen up long enough to look at it
  await sandboxFaults(kioskHost, { latencyMs: 4000 });
  try {
    await page.getByRole('button', { name: 'Увійти' }).click();
    await expect(h1(page)).toHaveText('Вхід…');
    await expect(page.getByRole('listitem').filter({ hasText: 'Відкриваємо ключ' })).toBeVisible();
    await expect(page.locator('[aria-current="step"]')).toHaveText(/Підписуємо|Входимо|Завантажуємо/, {
      timeout: 30_000,
    });
    await check(page, 'signin-progress');
  } finally {
    await sandboxFaults(kioskHost, null);
  }

  await expect(h1(page)).toHaveText('Вітаємо, Олено Петрівно!', { timeout: 60_000 });
  for (const name of ['Мої персональні дані', 'Мої декларації', 'Знайти лікаря', 'Доступ до моїх даних'])
    await expect(page.getByRole('button', { name: new RegExp(name) })).toBeVisible();
  await expect(page.getByText('Ви можете лише переглядати')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Завершити' })).toBeVisible();
  await check(page, 'home');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(h1(page)).toHaveText('Welcome, Олена Петрівна!');
  await check(page, 'home-english');
  await page.getByRole('button', { name: 'Українська' }).click();

  await page.getByRole('switch', { name: 'Висока контрастність' }).click();
  await page.getByRole('switch', { name: 'Великий шрифт' }).click();
  await check(page, 'home-large-high-contrast', { enhancedContrast: true });

  // each function opens its screen (the home menu leads somewhere)
  await page.getByRole('button', { name: /Мої декларації/ }).click();
  await expect(h1(page)).not.toHaveText('Вітаємо, Олено Петрівно!');
  await finish(page);
  await expect(page.getByText('Олено')).toHaveCount(0);
});

/** Where each persona lands once its password is right (every one of them gets past the password). */
const OUTCOME: Record<string, RegExp> = {
  'child-13': /^Кабінет — з 14 років$/,
  'adult-expired-cert': /^Сертифікат ключа недійсний$/,
  'adult-revoked-cert': /^Сертифікат ключа відкликано$/,
  'unknown-drfo': /^Вас не знайдено в eHealth$/,
  'unknown-mismatch': /^Вас не знайдено в eHealth$/,
};

test('every persona’s password is typed on the on-screen keyboard of the Ukrainian interface', async ({
  page,
  kioskHost,
}) => {
  await page.goto(kioskHost.url);
  const all = await personas(kioskHost);
  expect(all.length).toBeGreaterThanOrEqual(8);
  // a trainer finds them where the host said, under its ready line
  const printed = /^ {2}personas and key passwords: (\S+)$/m.exec(kioskHost.stdout())?.[1];
  expect(kioskHost.stdout()).toMatch(/^Training sandbox \(eHealth simulator\): http:\/\/127\.0\.0\.1:\d+$/m);
  expect(kioskHost.stdout()).toMatch(/^ {2}SMS inbox: +http:\/\/127\.0\.0\.1:\d+\/sandbox\/sms\?phone=/m);
  expect(kioskHost.stdout()).toMatch(/^ {2}faults: +http:\/\/127\.0\.0\.1:\d+\/sandbox\/faults/m);
  const body = (await (await fetch(printed ?? 'http://invalid')).json()) as
    { data: { id: string }[] } | { id: string }[];
  const listed = Array.isArray(body) ? body : body.data;
  expect(listed.map((p) => p.id).sort()).toEqual(all.map((p) => p.id).sort());
  for (const p of all.filter((one) => one.keyFile)) {
    await openPasswordScreen(page, p.id);
    await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
    // the keyboard says which letters it types, and starts on Latin ones
    await expect(page.getByText('Зараз літери латинські (ABC)')).toBeVisible();
    const taps = await typePassword(page, p.password);
    expect(taps).toBeGreaterThanOrEqual(p.password.length);
    await page.getByRole('button', { name: 'Увійти' }).click();
    await expect(h1(page), p.id).toHaveText(OUTCOME[p.id] ?? /^Вітаємо, /, { timeout: 60_000 });
    await expect(page.getByText(/Неправильний пароль ключа/)).toHaveCount(0);
    await finish(page);
  }
});

test('wrong password: attempts left in words; after five the key is locked with the time left', async ({
  page,
  kioskHost,
}) => {
  await page.goto(kioskHost.url);
  await openPasswordScreen(page, 'adult-with-apps');
  await submitPassword(page, 'not-my-password');
  await expect(h1(page)).toHaveText('Пароль ключа', { timeout: 30_000 });
  await expect(page.getByRole('alert')).toHaveText(
    'Неправильний пароль ключа. Перевірте, які в ньому літери — латинські чи українські (деякі з них однакові на вигляд), і де великі літери. Залишилося 4 спроби.',
  );
  await expect(page.getByLabel('Пароль ключа')).toHaveValue('');
  await check(page, 'signin-wrong-password');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('alert')).toHaveText(/Wrong key password\.|wrong password/i);
  await page.getByRole('button', { name: 'Українська' }).click();

  for (const left of ['3 спроби', '2 спроби', '1 спроба']) {
    await submitPassword(page, 'not-my-password');
    await expect(page.getByRole('alert')).toContainText(left, { timeout: 30_000 });
  }
  await submitPassword(page, 'not-my-password');
  await expect(page.getByRole('alert')).toHaveText(
    'Ключ тимчасово заблоковано після кількох неправильних паролів. Якщо ви забули пароль, зверніться до свого надавача. Спробуйте знову через 15 хвилин.',
    { timeout: 30_000 },
  );
  await check(page, 'signin-locked');
  // the right password does not open a locked key
  const taras = await persona(kioskHost, 'adult-with-apps');
  await submitPassword(page, taras.password);
  await expect(page.getByRole('alert')).toContainText('заблоковано', { timeout: 30_000 });
  await finish(page);
});

test('teen aged 15 without legal capacity: greeted, view only, and told why', async ({ page, kioskHost }) => {
  await page.goto(kioskHost.url);
  await signInAs(page, kioskHost, 'teen-15-no-capacity');
  await expect(h1(page)).toHaveText('Вітаємо, Софіє Олексіївно!');
  await expect(page.getByRole('heading', { level: 2, name: 'Ви можете лише переглядати' })).toBeVisible();
  await expect(page.getByText(/Вам 15 років/)).toBeVisible();
  // the menu offers this teen what they can do, and never "update" beside "view only"
  await expect(page.getByRole('button', { name: /^Мої персональні дані/ })).toContainText(
    'переглянути (змінювати поки не можна)',
  );
  await expect(page.getByRole('button', { name: /^Знайти лікаря/ })).toContainText(
    'надрукувати записку про нього для реєстратури',
  );
  await expect(page.locator('.home__menu')).not.toContainText('переглянути й оновити');
  await expect(page.locator('.home__menu')).not.toContainText('лише перегляд');
  await check(page, 'home-view-only');
  await finish(page);
});

test('teen aged 16 with legal capacity: full access', async ({ page, kioskHost }) => {
  await page.goto(kioskHost.url);
  await signInAs(page, kioskHost, 'teen-16-capacity');
  await expect(h1(page)).toHaveText('Вітаємо, Назаре Євгеновичу!');
  await expect(page.getByText('Ви можете лише переглядати')).toHaveCount(0);
  await finish(page);
});

test('child aged 13: no own access, an explanation and a slip for the registrar', async ({
  page,
  kioskHost,
}) => {
  await page.goto(kioskHost.url);
  await signInAs(page, kioskHost, 'child-13', { expectHome: false });
  await expect(h1(page)).toHaveText('Кабінет — з 14 років', { timeout: 60_000 });
  await expect(page.getByText(/Дарин/)).toHaveCount(0);
  // a parent can do it here, with their own key
  await expect(page.getByText(/увійти зі своїм ключем КЕП і обрати «Діяти за дитину»/)).toBeVisible();
  await check(page, 'signin-under-14');
  await page.getByRole('button', { name: 'Надрукувати направлення' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: /Направлення (надруковано|збережено)/ }),
  ).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('alert')).toHaveCount(0);
  await finish(page);
});

test('expired certificate, unknown person, revoked certificate: each refusal in its own words', async ({
  page,
  kioskHost,
}) => {
  await page.goto(kioskHost.url);
  await signInAs(page, kioskHost, 'adult-expired-cert', { expectHome: false });
  await expect(h1(page)).toHaveText('Сертифікат ключа недійсний', { timeout: 60_000 });
  await expect(page.getByRole('alert')).toHaveText(
    'Строк дії сертифіката вашого ключа закінчився. Оновіть ключ у свого надавача.',
  );
  await check(page, 'signin-error-certificate');

  await page.getByRole('button', { name: 'Обрати інший ключ' }).click();
  await signInAs(page, kioskHost, 'unknown-drfo', { expectHome: false });
  await expect(h1(page)).toHaveText('Вас не знайдено в eHealth', { timeout: 60_000 });
  await expect(page.getByRole('alert')).toHaveText(
    'Вас не знайдено в системі eHealth. Зверніться до реєстратури.',
  );
  await check(page, 'signin-error-unknown-person');

  await page.getByRole('button', { name: 'Обрати інший ключ' }).click();
  await signInAs(page, kioskHost, 'adult-revoked-cert', { expectHome: false });
  await expect(h1(page)).toHaveText('Сертифікат ключа відкликано', { timeout: 60_000 });
  await expect(page.getByRole('alert')).toHaveText(
    'Сертифікат вашого ключа відкликано (скасовано) надавачем. Підписувати ним не можна — отримайте новий ключ у свого надавача.',
  );
  await check(page, 'signin-error-revoked-certificate');
  await finish(page);
});

test('eHealth unavailable: said plainly, and doctor search is offered', async ({ page, kioskHost }) => {
  await page.goto(kioskHost.url);
  await sandboxFaults(kioskHost, { outage: true });
  try {
    await signInAs(page, kioskHost, 'adult-no-declaration', { expectHome: false });
    await expect(h1(page)).toHaveText('Система eHealth недоступна', { timeout: 60_000 });
    await expect(page.getByRole('alert')).toContainText('пошук лікаря працює і без неї');
    await check(page, 'signin-error-ehealth-down');
    await page.getByRole('button', { name: 'Знайти лікаря' }).click();
    await expect(h1(page)).not.toHaveText('Система eHealth недоступна');
  } finally {
    await sandboxFaults(kioskHost, null);
  }
  await finish(page);
});

test('a medium inserted appears in the list; pulling it during the session ends the session', async ({
  page,
  kioskHost,
}) => {
  await page.goto(kioskHost.url);
  await page.getByRole('button', { name: 'Почати' }).click();
  const andrii = await persona(kioskHost, 'adult-no-declaration');
  expect(andrii.keyFile).toBeTruthy();
  const usb = page.getByRole('button', { name: /на носії «KIOSK-USB»/ });
  await expect(usb).toHaveCount(0);
  cpSync(dirname(andrii.keyFile as string), join(mediaDir, 'KIOSK-USB'), { recursive: true });
  await expect(usb).toBeVisible({ timeout: 15_000 });
  await check(page, 'signin-keys-usb');

  await usb.click();
  await submitPassword(page, andrii.password);
  await expect(h1(page)).toHaveText('Вітаємо, Андрію Івановичу!', { timeout: 60_000 });
  rmSync(join(mediaDir, 'KIOSK-USB'), { recursive: true, force: true });
  // main notices within seconds, ends the session, and the page wipes itself
  await expect(h1(page)).toHaveText('Кабінет пацієнта', { timeout: 15_000 });
  await expect(page.getByText(/Андрію/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Завершити' })).toHaveCount(0);
});

/** A stand-in for the platform's speech synthesis: Ukrainian and English voices; records every utterance. */
const FAKE_SPEECH = `(() => {
  const spoken = [];
  window.__spoken = spoken;
  const voices = [
    { name: 'Test UA', lang: 'uk-UA', default: true, localService: true, voiceURI: 'test-uk' },
    { name: 'Test EN', lang: 'en-GB', default: false, localService: true, voiceURI: 'test-en' },
  ];
  class FakeUtterance { constructor(text) { this.text = text; this.lang = ''; this.voice = null; this.volume = 1; } }
  const synth = {
    speak: (u) => spoken.push({ text: u.text, lang: u.lang, volume: u.volume }),
    cancel: () => {},
    getVoices: () => voices,
    addEventListener: () => {},
    removeEventListener: () => {},
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
})();`;

test('speech mode: says the screens, the focus and errors; never the password or the name; off after Finish', async ({
  page,
  kioskHost,
}) => {
  await page.addInitScript(FAKE_SPEECH);
  await page.goto(kioskHost.url);
  const toggle = page.getByRole('switch', { name: 'Озвучення' });
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('region', { name: 'Керування озвученням' })).toBeVisible();
  await check(page, 'speech-on');

  const olena = await persona(kioskHost, 'adult-with-declaration');
  await openPasswordScreen(page, 'adult-with-declaration');
  await submitPassword(page, 'wrong-password-1');
  await expect(page.getByRole('alert')).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Пароль ключа').focus();
  await submitPassword(page, olena.password);
  await expect(h1(page)).toHaveText('Вітаємо, Олено Петрівно!', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Гучніше' }).click();
  await page.getByRole('button', { name: 'Повторити' }).click();

  const spoken = (await page.evaluate('window.__spoken')) as { text: string; lang: string; volume: number }[];
  const texts = spoken.map((s) => s.text);
  expect(texts.some((t) => t.startsWith('Кабінет пацієнта'))).toBe(true);
  expect(texts.some((t) => t.startsWith('Пароль ключа'))).toBe(true);
  expect(texts.some((t) => t.includes('Неправильний пароль ключа'))).toBe(true);
  expect(texts).toContain('Вітаємо! Оберіть, що бажаєте зробити:');
  expect(spoken.every((s) => s.lang === 'uk-UA')).toBe(true);
  expect(spoken.at(-1)?.volume).toBe(1);
  const all = texts.join('\n');
  for (const secret of [
    olena.password,
    'wrong-password-1',
    olena.taxId,
    ...olena.fullName.split(' '),
    'Олено',
  ])
    expect(all).not.toContain(secret);

  await finish(page);
  await expect(page.getByRole('switch', { name: 'Озвучення' })).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByRole('region', { name: 'Керування озвученням' })).toHaveCount(0);
});

test('speech mode without an installed voice: the toggle says so', async ({ page, kioskHost }) => {
  await page.addInitScript(`(() => {
    const synth = { speak: () => {}, cancel: () => {}, getVoices: () => [], addEventListener: () => {}, removeEventListener: () => {} };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  })();`);
  await page.goto(kioskHost.url);
  const toggle = page.getByRole('switch', { name: 'Озвучення' });
  await expect(toggle).toHaveAttribute('aria-disabled', 'true');
  await expect(
    page.getByText('Озвучення недоступне: на цьому кіоску немає голосу для української мови.'),
  ).toBeVisible();
  // a press does nothing but keep saying why (aria-disabled keeps it reachable and announced)
  await toggle.click({ force: true });
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(
    page.getByText('Reading aloud is not available: this kiosk has no English voice installed.'),
  ).toBeVisible();
  await check(page, 'speech-no-voice');
});
