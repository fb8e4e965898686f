/**
 * The browser host's launch URL in the real page: the URL the host printed carries a one-time launch
 * code, never the session token. The page exchanges the code on its first load (and removes it from
 * the address bar), keeps the token for this tab so a reload still works, and a second page opened
 * with the same printed URL gets nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { expect, h1, startKioskHost, test } from './fixtures';

test.use({ exchangeLaunchCode: false });

const TRAINING_BANNER = 'Навчальний режим: дані не справжні';

test('the printed URL works once: exchanged for the token on first load, useless afterwards', async ({
  page,
  browser,
  kioskHost,
}) => {
  const printed = new URL(kioskHost.url);
  expect(printed.hash).toMatch(/^#code=[A-Za-z0-9_-]{22}$/);

  await page.goto(kioskHost.url);
  await expect(h1(page)).toHaveText('Кабінет пацієнта');
  // the kiosk answered (its settings arrived: training mode), and the code left the address bar
  await expect(page.getByText(TRAINING_BANNER)).toBeVisible();
  expect(new URL(page.url()).hash).toBe('');
  const kept = (await page.evaluate("sessionStorage.getItem('kiosk.bridge-token')")) as string | null;
  expect(kept).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(kioskHost.url).not.toContain(kept as string);
  // a reload reconnects with the token this tab kept
  await page.reload();
  await expect(page.getByText(TRAINING_BANNER)).toBeVisible();

  // the same printed URL in another page: the code is spent, the kiosk does not answer it
  const other = await browser.newPage();
  try {
    await other.clock.install();
    await other.goto(kioskHost.url);
    await expect(h1(other)).toHaveText('Кабінет пацієнта');
    await other.clock.runFor(20_000);
    await expect(other.getByText('Ця можливість зараз недоступна.', { exact: false })).toBeVisible();
    await expect(other.getByText(TRAINING_BANNER)).toHaveCount(0);
    expect(await other.evaluate("sessionStorage.getItem('kiosk.bridge-token')")).toBeNull();
  } finally {
    await other.close();
  }
});

/** The processes of the group still running (zombies, which only wait to be reaped, do not count). */
function liveInGroup(pgid: number): string[] {
  const r = spawnSync('ps', ['-o', 'stat=,args=', '-g', String(pgid)], { encoding: 'utf8' });
  return (
    r.stdout
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('Z'))
      .map((l) => l.replace(/^\S+\s+/, ''))
      // the dev runner's compiler service ends by itself when the process that started it is gone
      .filter((args) => !/\besbuild\b.*--service/.test(args))
  );
}

test('a stopped host has exited, with all its processes, before its data directory is removed', async ({
  browser,
}) => {
  // a host of its own, with a patient's page open: its stop ends the session and writes as it goes
  const host = await startKioskHost('launch-stop');
  const page = await browser.newPage();
  let left: string[];
  try {
    await page.goto(host.url);
    await expect(page.getByText(TRAINING_BANNER)).toBeVisible();
  } finally {
    // stopped with the page still connected; what still runs is read the moment the stop returns
    await host.stop();
    left = liveInGroup(host.pid);
    await page.close();
  }
  expect(left, host.stderr()).toEqual([]);
  expect(existsSync(host.dataDir)).toBe(false);
});
