/**
 * Registrar mode end to end, in Debian Chromium against the real browser host and its training
 * sandbox: the corner gesture on a kiosk not enrolled yet, enrolment from the ops CLI and its code
 * typed on the on-screen keyboard before the first PIN, the panel (connectivity, environment, at-rest
 * key warning), training mode and the eHealth environment with write-only credentials (a switch
 * restarts the kiosk), settings that
 * persist and apply (idle timeout, default language), the trust-list import from a USB medium, the
 * directory sync with progress, outbox retry and discard (audited), an assisted session with the
 * birth-date check and hand back, the audit chain check (and a tampered chain caught), and the PIN
 * lockout with the time left. axe on every registrar screen; screenshots in test-results/screens/.
 *
 * The tests share one host and run in order: each builds on the kiosk the previous one left.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { runCli } from '../../electron/cli';
import { loadSecretKey } from '../../electron/core/crypto/key-store';
import { openKioskDatabase } from '../../electron/core/db/kiosk-db';
import { createTestCa, trustListOf } from '../../electron/core/esign';
import { Outbox } from '../../electron/core/outbox/outbox';
import { AuditLog } from '../../electron/core/kiosk/audit';
import { expect, expectNoAxeViolations, h1, saveScreen, test, type KioskHost } from './fixtures';
import { persona, signInAs } from './signin-helper';

test.use({ viewport: { width: 1920, height: 1080 } });
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const CODE = 'R-01';
const PIN = '250871';

// subfolders of this folder are "inserted USB media" for the host (KIOSK_MEDIA_DIR)
let mediaDir = '';
test.beforeAll(() => {
  mediaDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-registrar-media-'));
  process.env.KIOSK_MEDIA_DIR = mediaDir;
});
test.afterAll(() => {
  delete process.env.KIOSK_MEDIA_DIR;
  rmSync(mediaDir, { recursive: true, force: true });
});

const corner = (page: Page) => page.getByRole('button', { name: /Режим реєстратора|Registrar mode/ });
const TRAINING_BANNER = 'Навчальний режим: дані не справжні';

async function check(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page);
  await saveScreen(page, name);
}

/** Opens the kiosk with Playwright's clock (time flows; a gesture or an idle stretch is fast-forwarded). */
async function openKiosk(page: Page, host: KioskHost): Promise<void> {
  await page.clock.install();
  await page.goto(host.url);
  await expect(h1(page)).toHaveText(/^(Кабінет пацієнта|Patient cabinet)$/);
}

/** `kiosk registrar enroll --data-dir <the host's>`, as clinic IT runs it on the machine; the code it printed. */
async function enrollFromCli(host: KioskHost): Promise<string> {
  let out = '';
  const code = await runCli(['registrar', 'enroll', '--data-dir', host.dataDir], {
    stdout: (t) => (out += t),
    stderr: (t) => (out += t),
    readStdin: async () => Buffer.alloc(0),
  });
  const match = /^enrollment code: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\n?$/.exec(out);
  if (code !== 0 || !match?.[1]) throw new Error(`enrolment failed (${code}): ${out}`);
  return match[1];
}

/** Types on the kiosk's own keyboard, key by key (the English layout: lower-case letters, digits, dash). */
async function typeOnKeyboard(page: Page, text: string): Promise<void> {
  const keyboard = page.getByRole('group', { name: 'Екранна клавіатура' });
  for (const ch of text.toLowerCase())
    await keyboard
      .getByRole('button', { name: ch === '-' ? 'дефіс' : ch, exact: true })
      .first()
      .click();
}

/** The deliberate gesture: hold the corner for three seconds. */
async function holdCorner(page: Page): Promise<void> {
  const box = await corner(page).boundingBox();
  if (!box) throw new Error('no registrar corner on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.clock.runFor(3_000);
  await page.mouse.up();
}

async function typePin(page: Page, code: string, pin: string): Promise<void> {
  const timeout = 10_000;
  await page.getByLabel('Код працівника').fill(code, { timeout });
  await page.getByRole('button', { name: 'Далі' }).click({ timeout });
  await page.getByLabel(/^PIN$/).fill(pin, { timeout });
  await page.getByRole('button', { name: 'Увійти' }).click({ timeout });
}

/** From the welcome screen to the registrar panel (signing in when needed). */
async function openPanel(page: Page): Promise<void> {
  await holdCorner(page);
  await expect(h1(page)).toHaveText(/^(Вхід реєстратора|Панель реєстратора · R-01)$/);
  if ((await h1(page).textContent()) === 'Вхід реєстратора') await typePin(page, CODE, PIN);
  await expect(h1(page)).toHaveText(`Панель реєстратора · ${CODE}`);
}

async function toSection(page: Page, name: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Розділи панелі' }).getByRole('button', { name }).click();
  await expect(h1(page)).toHaveText(heading);
}

async function backToPanel(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'До панелі реєстратора' }).click();
  await expect(h1(page)).toHaveText(`Панель реєстратора · ${CODE}`);
}

async function leavePanel(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Вийти з панелі' }).click();
  await expect(h1(page)).toHaveText('Кабінет пацієнта');
}

const facts = (page: Page) => page.locator('.registrar__facts');

test('a kiosk is enrolled on the machine before its first PIN; the panel shows the kiosk and the key warning', async ({
  page,
  kioskHost,
}) => {
  await openKiosk(page, kioskHost);
  // a short press does nothing
  await corner(page).click();
  await page.clock.runFor(5_000);
  await expect(h1(page)).toHaveText('Кабінет пацієнта');

  // not enrolled: anyone at the screen learns how to enrol it, and nothing more
  await holdCorner(page);
  await expect(h1(page)).toHaveText('Кіоск ще не зареєстровано');
  await expect(page.getByText('kabinet-kiosk --ops registrar enroll')).toBeVisible();
  await expect(page.getByLabel(/PIN|Код працівника/)).toHaveCount(0);
  await check(page, 'registrar-not-enrolled');
  await page.getByRole('button', { name: 'Вийти з режиму реєстратора' }).click();

  // clinic IT enrols it on the machine; the code is typed on the kiosk's keyboard
  const enrollment = await enrollFromCli(kioskHost);
  await holdCorner(page);
  await expect(h1(page)).toHaveText('Перший запуск: PIN реєстратора');
  await check(page, 'registrar-first-pin');
  await typeOnKeyboard(page, enrollment);
  await expect(page.getByLabel(/Код реєстрації кіоску/)).toHaveValue(enrollment.toLowerCase());
  await page.getByRole('button', { name: 'Далі' }).click();
  await page.getByLabel('Код працівника').fill(CODE);
  await page.getByRole('button', { name: 'Далі' }).click();
  await page.getByLabel('Новий PIN (6–12 цифр)').fill('123456');
  await page.getByRole('button', { name: 'Далі' }).click();
  await page.getByLabel('Повторіть PIN').fill('123456');
  await page.getByRole('button', { name: 'Увійти' }).click();
  // a plain run is refused by main, nothing is set
  await expect(page.getByRole('alert')).toContainText('Деякі дані введено неправильно');
  await page.getByLabel('Новий PIN (6–12 цифр)').fill(PIN);
  await page.getByRole('button', { name: 'Далі' }).click();
  await page.getByLabel('Повторіть PIN').fill(PIN);
  await page.getByRole('button', { name: 'Увійти' }).click();

  await expect(h1(page)).toHaveText(`Панель реєстратора · ${CODE}`);
  await expect(facts(page)).toContainText('Навчальне (пісочниця кіоску)');
  await expect(facts(page)).toContainText(/Зв’язок\s*(є|нестабільний|немає)/);
  // the browser host has no OS keychain: the at-rest key is a 0600 file, and the panel says so
  await expect(page.getByRole('heading', { name: /ключ шифрування даних не захищено/ })).toBeVisible();
  await expect(page.getByText(TRAINING_BANNER)).toBeVisible();
  await check(page, 'registrar-panel');

  await leavePanel(page);
  await holdCorner(page);
  await expect(h1(page)).toHaveText('Вхід реєстратора');
  await check(page, 'registrar-pin');
  await typePin(page, CODE, PIN);
  await expect(h1(page)).toHaveText(`Панель реєстратора · ${CODE}`);
});

test('training mode and the eHealth environment: write-only credentials, a switch restarts the kiosk', async ({
  page,
  kioskHost,
}) => {
  await openKiosk(page, kioskHost);
  await openPanel(page);
  await toSection(page, 'Налаштування кіоску', 'Налаштування кіоску');
  await check(page, 'registrar-settings');

  // training off needs the demo environment's credentials first
  const training = page.getByRole('switch', { name: 'Навчальний режим' });
  await training.click();
  await expect(page.getByText('Деякі дані введено неправильно. Перевірте позначені поля.')).toBeVisible();
  await expect(training).toHaveAttribute('aria-checked', 'true');

  const secrets: [string, string][] = [
    ['Ідентифікатор клієнта', 'kiosk-demo-client-01'],
    ['Секрет клієнта', 'demo-client-secret-7f3a9c'],
    ['Ключ API', 'demo-api-key-51be20d4'],
  ];
  for (const [name, value] of secrets) {
    await page.getByRole('button', { name: `Змінити: ${name}` }).click();
    const field = page.getByLabel(`${name} середовища «Демо»`);
    await expect(field).toHaveAttribute('type', 'password');
    if (name === 'Секрет клієнта') await check(page, 'registrar-settings-secret');
    await field.fill(value);
    await page.getByRole('button', { name: 'Зберегти' }).click();
    await expect(page.getByText('Збережено.')).toBeVisible();
  }
  // shown as set (at most the last two characters), never in clear
  await expect(page.locator('body')).not.toContainText('demo-client-secret-7f3a9c');
  await expect(page.locator('body')).toContainText('задано (••••9c)');

  // the eHealth host is shown, not edited: eHealth's own
  await expect(page.getByText('https://api-demo.ehealth.gov.ua')).toBeVisible();
  await expect(page.getByText('сервер eHealth')).toBeVisible();

  // the switch restarts the kiosk: back at the start screen, the registrar signed out, no banner
  await training.click();
  await expect(h1(page)).toHaveText('Кабінет пацієнта', { timeout: 30_000 });
  await expect(page.getByText(TRAINING_BANNER)).toHaveCount(0);
  await openPanel(page);
  await expect(facts(page)).toContainText('Демо');
  await leavePanel(page);
  await expect(page.getByText(TRAINING_BANNER)).toHaveCount(0);

  // persisted: a new page (the renderer starts from scratch) still has no banner; back to training
  await page.reload();
  await expect(h1(page)).toHaveText('Кабінет пацієнта');
  await expect(page.getByText(TRAINING_BANNER)).toHaveCount(0);
  await openPanel(page);
  await toSection(page, 'Налаштування кіоску', 'Налаштування кіоску');
  await page.getByRole('switch', { name: 'Навчальний режим' }).click();
  await expect(h1(page)).toHaveText('Кабінет пацієнта', { timeout: 30_000 });
  await expect(page.getByText(TRAINING_BANNER)).toBeVisible();
  // the training kiosk offers the personas' keys again (from its new sandbox)
  await page.getByRole('button', { name: 'Почати' }).click();
  await expect(page.getByRole('button', { name: /«adult-with-declaration»/ })).toBeVisible({
    timeout: 30_000,
  });
});

test('settings persist and apply: the idle timeout and the default language', async ({ page, kioskHost }) => {
  await openKiosk(page, kioskHost);
  await openPanel(page);
  await toSection(page, 'Налаштування кіоску', 'Налаштування кіоску');
  await page
    .getByRole('group', { name: 'Завершувати сеанс після' })
    .getByRole('button', { name: '30 секунд' })
    .click();
  await expect(page.getByText('Збережено.')).toBeVisible();
  await page
    .getByRole('group', { name: 'Мова за замовчуванням' })
    .getByRole('button', { name: 'English' })
    .click();
  await expect(
    page.getByRole('group', { name: 'Мова за замовчуванням' }).getByRole('button', { name: 'English' }),
  ).toHaveAttribute('aria-pressed', 'true');
  await backToPanel(page);
  await leavePanel(page);

  // the registrar's Ukrainian is not the default any more: the idle timer runs, now with 30 s
  const pageNow = (await page.evaluate('Date.now()')) as number;
  await page.clock.pauseAt(pageNow + 1_000);
  await page.mouse.click(1900, 1060);
  await page.clock.runFor(29_000);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await page.clock.runFor(2_000);
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await page.clock.runFor(21_000);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(h1(page)).toHaveText('Patient cabinet');
  await page.clock.resume();

  // persisted in main: a fresh page shows the same; set the timeout back for the slower tests below
  await page.reload();
  await expect(h1(page)).toHaveText('Patient cabinet');
  await page.getByRole('button', { name: 'Українська' }).click();
  await openPanel(page);
  await toSection(page, 'Налаштування кіоску', 'Налаштування кіоску');
  await expect(
    page.getByRole('group', { name: 'Завершувати сеанс після' }).getByRole('button', { name: '30 секунд' }),
  ).toHaveAttribute('aria-pressed', 'true');
  await page
    .getByRole('group', { name: 'Завершувати сеанс після' })
    .getByRole('button', { name: '600 секунд' })
    .click();
  await page
    .getByRole('group', { name: 'Мова за замовчуванням' })
    .getByRole('button', { name: 'Українська' })
    .click();
  await expect(page.getByText('Збережено.')).toBeVisible();
});

test('trust list from a USB medium, and the directory synced now with progress', async ({
  page,
  kioskHost,
}) => {
  const ca = await createTestCa();
  mkdirSync(join(mediaDir, 'TRUST-USB'), { recursive: true });
  writeFileSync(join(mediaDir, 'TRUST-USB', 'CACertificates.p7b'), trustListOf(ca));

  await openKiosk(page, kioskHost);
  await openPanel(page);
  await expect(facts(page)).toContainText('ще не завантажено');
  await toSection(page, 'Налаштування кіоску', 'Налаштування кіоску');
  await page.getByRole('button', { name: 'Шукати на знімному носії' }).click();
  const install = page.getByRole('button', { name: 'Встановити CACertificates.p7b з носія «TRUST-USB»' });
  await expect(install).toBeVisible();
  await check(page, 'registrar-settings-trust');
  await install.click();
  await expect(page.getByText('Список довірених сертифікатів встановлено.')).toBeVisible();
  await expect(page.getByText(/Встановлено .*: сертифікатів 1/)).toBeVisible();
  await backToPanel(page);
  await expect(facts(page)).toContainText('сертифікатів: 1');

  await toSection(page, 'Довідник лікарів', 'Довідник лікарів');
  await page.getByRole('button', { name: 'Оновити зараз' }).click();
  await expect(page.getByText(/Готово: \d+ лікарів приймають декларації\./)).toBeVisible({ timeout: 60_000 });
  const progress = page.locator('progress');
  expect(await progress.getAttribute('value')).toBe(await progress.getAttribute('max'));
  await check(page, 'registrar-directory');
});

/** Queues operations the way the kiosk does (its own Outbox, its at-rest key) from this test process. */
function queueOperations(dataDir: string, count: number): string[] {
  const db = openKioskDatabase(dataDir);
  try {
    const { box } = loadSecretKey({ dataDir });
    const outbox = new Outbox({
      db,
      environment: 'training',
      box,
      audit: new AuditLog(db, box, undefined, 'training'),
    });
    return Array.from({ length: count }, (_, i) => {
      const r = outbox.enqueue({
        kind: 'app.revoke',
        params: { appId: `e2e-app-${i}` },
        patientKey: outbox.patientKeyFor(`e2e-person-${i}`),
      });
      if (!r.ok) throw new Error(r.error.message);
      return r.value.referenceCode;
    });
  } finally {
    db.close();
  }
}

test('outbox: retry and discard, both in the audit log under the registrar', async ({ page, kioskHost }) => {
  const [first, second] = queueOperations(kioskHost.dataDir, 2) as [string, string];
  await openKiosk(page, kioskHost);
  await openPanel(page);
  await toSection(page, 'Черга операцій', 'Черга операцій');
  // without the patient's tokens the kiosk's worker parks them as "needs the patient" (on its next round)
  const row = (code: string) =>
    page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: code }) });
  await expect(async () => {
    await page.getByRole('button', { name: 'До панелі реєстратора' }).click();
    await toSection(page, 'Черга операцій', 'Черга операцій');
    await expect(row(first)).toContainText('потрібен пацієнт', { timeout: 1_000 });
    await expect(row(second)).toContainText('потрібен пацієнт', { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(row(first)).toContainText(/П-[0-9A-F]{4}/);
  // what the operation does, in words; never the kiosk's internal kind
  await expect(row(first)).toContainText('Пацієнт скасовує доступ електронного кабінету.');
  await expect(page.getByRole('table')).not.toContainText('app.revoke');
  await check(page, 'registrar-outbox');

  await page.getByRole('button', { name: `Повторити операцію ${first}` }).click();
  await expect(page.getByText('Операцію поставлено на повторне надсилання.')).toBeVisible();
  await expect(row(first)).toContainText(/чекає на зв’язок|надсилається|потрібен пацієнт/);

  await page.getByRole('button', { name: `Скасувати операцію ${second}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Скасувати операцію?' });
  await expect(dialog).toContainText(second);
  await check(page, 'registrar-outbox-discard');
  await dialog.getByRole('button', { name: 'Так, скасувати операцію' }).click();
  await expect(page.getByText('Операцію скасовано.')).toBeVisible();
  await expect(row(second)).toContainText('скасовано реєстратором');
  await expect(page.getByRole('button', { name: `Скасувати операцію ${second}` })).toHaveCount(0);

  await backToPanel(page);
  await toSection(page, 'Журнал аудиту', 'Журнал аудиту');
  const audit = page.locator('tbody');
  await expect(audit).toContainText(/registrar:R-01\s*outbox\.retry/);
  await expect(audit).toContainText(/registrar:R-01\s*outbox\.discard/);
});

test('assisted session: banner on every screen, birth-date check before changes, hand back', async ({
  page,
  kioskHost,
}) => {
  await openKiosk(page, kioskHost);
  await openPanel(page);
  await page.getByRole('button', { name: 'Почати супровід відвідувача' }).click();
  await expect(h1(page)).toHaveText('Кабінет пацієнта');
  const banner = page.locator('.banner--assisted');
  await expect(banner).toContainText('Супровід реєстратора R-01.');
  await expect(banner).toContainText('Вхід до кабінету ще не виконано.');
  await expect(corner(page)).toHaveCount(0);
  await check(page, 'registrar-assisted-welcome');

  const visitor = await signInAs(page, kioskHost, 'adult-with-declaration');
  await expect(banner).toContainText('Перед будь-якою зміною звірте дату народження відвідувача.');
  await check(page, 'registrar-assisted-home');

  await banner.getByRole('button', { name: 'Звірити дату народження' }).click();
  const field = page.getByLabel(/Дата народження відвідувача/);
  const [y, m, d] = visitor.birthDate.slice(0, 10).split('-') as [string, string, string];
  const wrongDay = d === '01' ? '02' : '01';
  await field.fill(`${wrongDay}${m}${y}`);
  await banner.getByRole('button', { name: 'Звірити', exact: true }).click();
  await expect(banner.getByRole('alert')).toContainText('Дата народження не збігається');
  await expect(banner.getByRole('alert')).toContainText('Залишилося 2 спроби');
  await check(page, 'registrar-assisted-birth-date');
  await field.fill(`${d}${m}${y}`);
  await banner.getByRole('button', { name: 'Звірити', exact: true }).click();
  await expect(banner).toContainText('Дату народження звірено.');

  await banner.getByRole('button', { name: 'Передати пацієнтові' }).click();
  await expect(page.locator('.banner--assisted')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Звірити|Передати пацієнтові|Панель/ })).toHaveCount(0);
  await expect(h1(page)).toHaveText(/^Вітаємо, /);
  await page.getByRole('button', { name: 'Завершити' }).click();
  await expect(h1(page)).toHaveText('Кабінет пацієнта');
  // the visitor's session is over; the registrar needs the PIN again (main's own "session ended"
  // may reach the page a moment after Finish and wipe it once more: then the gesture is repeated)
  await expect(async () => {
    if ((await h1(page).textContent()) !== 'Вхід реєстратора') await holdCorner(page);
    await expect(h1(page)).toHaveText('Вхід реєстратора', { timeout: 2_000 });
    await typePin(page, CODE, PIN);
    await expect(h1(page)).toHaveText(`Панель реєстратора · ${CODE}`, { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  await toSection(page, 'Журнал аудиту', 'Журнал аудиту');
  const audit = page.locator('tbody');
  for (const action of [
    'registrar.assist.start',
    'registrar.assist.birthDateMismatch',
    'registrar.assist.birthDateConfirmed',
    'registrar.assist.handBack',
  ])
    await expect(audit).toContainText(new RegExp(`registrar:R-01\\s*${action.replace(/\./g, '\\.')}`));
  // no personal data of the visitor in the audit log
  const p = await persona(kioskHost, 'adult-with-declaration');
  for (const secret of [p.taxId, p.fullName.split(' ')[0] as string, p.birthDate.slice(0, 10)])
    await expect(audit).not.toContainText(secret);
});

test('the audit log: the chain checks out, and a tampered entry is found', async ({ page, kioskHost }) => {
  await openKiosk(page, kioskHost);
  await openPanel(page);
  await toSection(page, 'Журнал аудиту', 'Журнал аудиту');
  const verdict = page.getByRole('status').filter({ hasText: 'Ланцюжок' });
  await page.getByRole('button', { name: 'Перевірити ланцюжок' }).click();
  await expect(verdict).toHaveText(/^Ланцюжок цілий: перевірено \d+ запис/);
  await check(page, 'registrar-audit');

  // someone edits the database behind the kiosk's back (the append-only trigger removed first)
  const db = openKioskDatabase(kioskHost.dataDir);
  try {
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET actor = 'kiosk' WHERE seq = 3").run();
  } finally {
    db.close();
  }
  await page.getByRole('button', { name: 'Перевірити ланцюжок' }).click();
  await expect(verdict).toHaveText(/^Ланцюжок порушено на записі № 3 /);
});

test('five wrong PINs lock PIN entry and say for how long', async ({ page, kioskHost }) => {
  await openKiosk(page, kioskHost);
  await openPanel(page);
  await leavePanel(page);
  for (let i = 1; i <= 4; i++) {
    await holdCorner(page);
    await expect(h1(page)).toHaveText('Вхід реєстратора');
    await typePin(page, CODE, `90817${i}`);
    await expect(page.getByRole('alert')).toContainText(
      `Неправильний PIN. Перевірте його й введіть ще раз. ${['', 'Залишилося 4 спроби', 'Залишилося 3 спроби', 'Залишилося 2 спроби', 'Залишилася 1 спроба'][i]}.`,
    );
    await page.getByRole('button', { name: 'Вийти з режиму реєстратора' }).click();
  }
  await holdCorner(page);
  await typePin(page, CODE, '908175');
  await expect(page.getByRole('alert')).toContainText('Введення PIN тимчасово заблоковано');
  await expect(page.getByRole('alert')).toContainText('Спробуйте знову через 5 хвилин.');
  await expect(page.getByLabel(/^PIN$/)).toHaveCount(0);
  await check(page, 'registrar-pin-locked');

  // the right PIN does not help while locked, not even on a fresh page
  await page.reload();
  await holdCorner(page);
  await expect(page.getByRole('alert')).toContainText('Введення PIN тимчасово заблоковано');
  await expect(page.getByLabel('Код працівника')).toHaveCount(0);
});
