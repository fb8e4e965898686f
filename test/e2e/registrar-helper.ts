/**
 * The registrar's way in for specs that need the panel as set-up: the kiosk enrolled from the ops
 * CLI on the machine (`kiosk registrar enroll`, as clinic IT does it), then the corner held and the
 * enrolment code, the first registrar's staff code and PIN typed on the kiosk's own keyboard.
 * The page must have Playwright's clock installed (the three-second hold is fast-forwarded).
 */
import type { Locator, Page } from '@playwright/test';
import { runCli } from '../../electron/cli';
import { expect, h1 } from './fixtures';
import type { KioskHost } from './fixtures';
import { typeText } from './keyboard-helper';

export const REGISTRAR_CODE = 'R-01';
export const REGISTRAR_PIN = '250871';

const keyboard = (page: Page): Locator => page.getByRole('group', { name: /^Екранна клавіатура/ });

/** The deliberate gesture: hold the bottom-left corner for three seconds. */
export async function holdCorner(page: Page): Promise<void> {
  const box = await page.getByRole('button', { name: /Режим реєстратора|Registrar mode/ }).boundingBox();
  if (!box) throw new Error('no registrar corner on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.clock.runFor(3_000);
  await page.mouse.up();
}

/** `kiosk registrar enroll --data-dir <the host's>`: the one-time code it prints. */
export async function enrollmentCode(host: KioskHost): Promise<string> {
  let out = '';
  const exit = await runCli(['registrar', 'enroll', '--data-dir', host.dataDir], {
    stdout: (t) => (out += t),
    stderr: (t) => (out += t),
    readStdin: async () => Buffer.alloc(0),
  });
  const match = /^enrollment code: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\n?$/.exec(out);
  if (exit !== 0 || !match?.[1]) throw new Error(`enrolment failed (${exit}): ${out}`);
  return match[1];
}

/**
 * From the welcome screen of a kiosk never enrolled to the first registrar's panel. `check` runs on
 * the first-run screen (where the enrolment code is asked for) before anything is typed.
 */
export async function enrollFirstRegistrar(
  page: Page,
  host: KioskHost,
  check: () => Promise<void> = async () => {},
): Promise<void> {
  const code = await enrollmentCode(host);
  await holdCorner(page);
  await expect(h1(page)).toHaveText('Перший запуск: PIN реєстратора');
  await check();
  await typeText(page, keyboard(page), code.toLowerCase());
  await page.getByRole('button', { name: 'Далі', exact: true }).click();
  await typeText(page, keyboard(page), REGISTRAR_CODE);
  await page.getByRole('button', { name: 'Далі', exact: true }).click();
  await typeText(page, keyboard(page), REGISTRAR_PIN);
  await page.getByRole('button', { name: 'Далі', exact: true }).click();
  await typeText(page, keyboard(page), REGISTRAR_PIN);
  await page.getByRole('button', { name: 'Увійти', exact: true }).click();
  await expect(h1(page)).toHaveText(`Панель реєстратора · ${REGISTRAR_CODE}`);
}
