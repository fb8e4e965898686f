/**
 * A document eHealth asks for, end to end in Debian Chromium against the browser host and its training
 * sandbox: a change of first name makes eHealth's person request list the identity document; the kiosk's
 * capture screen takes its page from the camera — Chromium's fake camera playing a test page generated
 * here — shows it for review with a retake, sends it to main, which uploads it to the sandbox's
 * pre-signed URL and completes; then the request is reviewed, signed and delivered, and the sandbox
 * holds one JPEG page of the picture's size.
 */
import type { Page } from '@playwright/test';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finish } from './cabinet-helpers';
import { checkScreen, expect, h1, test } from './fixtures';
import { sandboxUrl, signInAs } from './signin-helper';

const WIDTH = 1280;
const HEIGHT = 960;

/**
 * One frame of a document page in Y4M (4:2:0): a white sheet on a grey desk with dark lines of "text"
 * and a heading bar. Chromium's fake camera loops it.
 */
function documentFrameY4m(width: number, height: number): Buffer {
  const y = Buffer.alloc(width * height, 110);
  const sheet = { x0: width * 0.15, x1: width * 0.85, y0: height * 0.06, y1: height * 0.94 };
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      if (col < sheet.x0 || col >= sheet.x1 || row < sheet.y0 || row >= sheet.y1) continue;
      const line = Math.floor((row - sheet.y0) / 24);
      const inLine = (row - sheet.y0) % 24 < 9;
      const heading = line === 1 && col < sheet.x0 + (sheet.x1 - sheet.x0) * 0.6;
      const text = line >= 3 && line % 2 === 1 && inLine && (col - sheet.x0) % 37 < 31;
      y[row * width + col] = (heading && inLine) || text ? 30 : 235;
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\nFRAME\n`, 'ascii');
  return Buffer.concat([header, y, chroma]);
}

// generated here (never committed): the fake camera reads it when the browser starts
const CAMERA_FILE = join(tmpdir(), `kiosk-e2e-document-camera-${process.pid}.y4m`);
writeFileSync(CAMERA_FILE, documentFrameY4m(WIDTH, HEIGHT));

test.use({
  viewport: { width: 1920, height: 1080 },
  // the kiosk page's camera permission: Electron's rule grants it on the capture screen only
  // (electron/window/permissions.ts, unit-tested); in the browser host Chromium's context grants it
  permissions: ['camera'],
  launchOptions: {
    executablePath: process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${CAMERA_FILE}`,
    ],
  },
});
test.describe.configure({ mode: 'serial', timeout: 300_000 });
test.afterAll(() => rmSync(CAMERA_FILE, { force: true }));

/** The part of an <img> read here (the e2e project has no DOM types). */
interface Picture {
  naturalWidth: number;
  naturalHeight: number;
}

interface StoredDocument {
  type: string;
  status: string;
  size: number | null;
  width: number | null;
  height: number | null;
}

async function storedDocuments(page: Page, base: string): Promise<StoredDocument[]> {
  const res = await page.request.get(`${base}/sandbox/person_documents?persona_id=adult-no-declaration`);
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { data: StoredDocument[] }).data;
}

test('a change of name: the identity document photographed, reviewed, retaken, uploaded; the change signed', async ({
  page,
  kioskHost,
}) => {
  const base = await sandboxUrl(kioskHost);
  await page.goto(kioskHost.url);
  await signInAs(page, kioskHost, 'adult-no-declaration');
  await page.getByRole('button', { name: /^Мої персональні дані/ }).click();
  await expect(h1(page)).toHaveText('Мої персональні дані');
  await page.getByRole('button', { name: 'Змінити дані' }).click();
  await expect(h1(page)).toHaveText('Зміна персональних даних');

  // the first name changes, typed on the on-screen keyboard: a change of who the person is
  const firstName = page.getByLabel('Ім’я', { exact: true });
  await firstName.click();
  const keyboard = page.getByRole('group', { name: 'Екранна клавіатура для поля «Ім’я»' });
  await keyboard.getByRole('button', { name: 'Стерти' }).click();
  for (const letter of ['я', 'н']) await keyboard.getByRole('button', { name: letter, exact: true }).click();
  await expect(firstName).toHaveValue('Андріян');
  await page.getByRole('switch', { name: /Я погоджуюся/ }).click();
  await page.getByRole('button', { name: 'Перевірити й продовжити' }).click();

  // eHealth's answer lists the identity document: the capture screen, with the camera's picture
  await expect(h1(page)).toHaveText('Фото документа');
  await expect(page.getByText(/^Документ 1 з 1: /)).toBeVisible();
  const take = page.getByRole('button', { name: 'Зробити фото' });
  await expect(take).toBeEnabled({ timeout: 20_000 });
  await expect
    .poll(() => page.locator('video').evaluate((v) => (v as unknown as { videoWidth: number }).videoWidth))
    .toBeGreaterThan(0);
  await checkScreen(page, 'document-capture');

  await take.click();
  const preview = page.getByRole('img', { name: 'Зроблене фото документа' });
  await expect(preview).toBeVisible();
  await expect.poll(() => preview.evaluate((i) => (i as unknown as Picture).naturalWidth)).toBeGreaterThan(0);
  await checkScreen(page, 'document-preview');
  // the camera goes back to the page only for a retake
  await page.getByRole('button', { name: 'Переробити фото' }).click();
  await expect(preview).toHaveCount(0);
  await expect(take).toBeEnabled({ timeout: 20_000 });
  await take.click();
  await expect(preview).toBeVisible();
  const shown = await preview.evaluate((i) => {
    const p = i as unknown as Picture;
    return { w: p.naturalWidth, h: p.naturalHeight };
  });
  await page.getByRole('button', { name: 'Надіслати' }).click();

  // uploaded by main and completed: the request goes on to its review and signature
  await expect(h1(page)).toHaveText('Перевірте й підпишіть', { timeout: 60_000 });
  await expect(page.locator('.person-review ul.person__list')).toContainText('Ім’я');
  const stored = await storedDocuments(page, base);
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ width: shown.w, height: shown.h });
  expect(stored[0]!.size).toBeGreaterThan(10_000);
  expect(stored[0]!.size).toBeLessThanOrEqual(10_000_000);
  expect(stored[0]!.status).not.toBe('NEEDED');
  // a camera frame within the kiosk's bounds: at least VGA, at most A4 at 300 dpi
  expect(Math.min(shown.w, shown.h)).toBeGreaterThanOrEqual(480);
  expect(Math.max(shown.w, shown.h)).toBeLessThanOrEqual(3508);

  await page.getByRole('button', { name: 'Підписати' }).click();
  await expect(h1(page)).toHaveText('Дані змінено', { timeout: 60_000 });
  await page.getByRole('button', { name: 'До моїх даних' }).click();
  await expect(page.getByRole('region', { name: 'Основне' })).toContainText('Андріян');
  await finish(page);
  // nothing of the picture stays in the page
  expect(await page.locator('img[src^="blob:"], video').count()).toBe(0);
});
