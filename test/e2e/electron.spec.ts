/**
 * The real Electron kiosk, driven by Playwright's `_electron`: window options, the welcome page,
 * refused window.open / navigation / network, and a bridge that is exactly the contract.
 * Runs where an Electron runtime exists (after `npm run build`); elsewhere every test reports itself
 * skipped with the reason. It never requires('electron') itself, which would try to download it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronRuntime } from '../../build/scripts/electron-runtime';
import { CHANNEL_NAMES, EVENT_NAMES } from '#shared/contract';

const runtime = findElectronRuntime();
const skipReason = runtime.found ? '' : `no Electron runtime on this machine — ${runtime.reason}`;
if (!runtime.found) console.warn(`electron.spec.ts skipped: ${skipReason}`);

/** The page's globals, typed just enough for these checks (this file is compiled without DOM types). */
type PageGlobals = {
  kiosk?: { api: Record<string, unknown>; events: Record<string, unknown> };
  open(url: string): unknown;
  location: { href: string };
  fetch(url: string): Promise<unknown>;
  require?: unknown;
  process?: unknown;
  module?: unknown;
};

test.describe('Electron kiosk', () => {
  test.skip(!runtime.found, skipReason);
  test.describe.configure({ mode: 'serial' });

  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  test.beforeAll(async () => {
    if (!runtime.found) return;
    dataDir = mkdtempSync(join(tmpdir(), 'kiosk-electron-e2e-'));
    const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    app = await electron.launch({
      executablePath: runtime.executable,
      // Chromium refuses to run as root without --no-sandbox (CI containers); never used on a kiosk.
      args: [
        ...(asRoot ? ['--no-sandbox'] : []),
        'dist-electron/main.cjs',
        '--training',
        '--data-dir',
        dataDir,
      ],
      env: { ...process.env, KIOSK_SANDBOX_SEED: 'small' },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('opens one locked-down kiosk window on an in-memory partition', async () => {
    const info = await app.evaluate(({ BrowserWindow }) => {
      const windows = BrowserWindow.getAllWindows();
      const w = windows[0];
      if (!w) return null;
      w.webContents.openDevTools();
      return {
        count: windows.length,
        kiosk: w.isKiosk(),
        menuBar: w.isMenuBarVisible(),
        url: w.webContents.getURL(),
        zoom: w.webContents.getZoomFactor(),
        persistent: w.webContents.session.isPersistent(),
        devTools: w.webContents.isDevToolsOpened(),
      };
    });
    expect(info).toEqual({
      count: 1,
      kiosk: true,
      menuBar: false,
      url: 'app://kiosk/index.html',
      zoom: 1,
      persistent: false,
      devTools: false,
    });
  });

  test('shows the welcome page from app://kiosk', async () => {
    await expect(page).toHaveTitle('Кабінет пацієнта');
    expect(page.url()).toBe('app://kiosk/index.html');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('runs the page sandboxed, without Node', async () => {
    const globals = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      return { require: typeof g.require, process: typeof g.process, module: typeof g.module };
    });
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined' });
  });

  test('exposes exactly the contract as window.kiosk', async () => {
    const shape = await page.evaluate(() => {
      const k = (globalThis as unknown as PageGlobals).kiosk;
      if (!k) return null;
      const fns = (o: Record<string, unknown>) =>
        Object.keys(o)
          .filter((n) => typeof o[n] === 'function')
          .sort();
      return {
        top: Object.keys(k).sort(),
        api: Object.keys(k.api).sort(),
        apiFns: fns(k.api),
        events: fns(k.events),
      };
    });
    expect(shape).toEqual({
      top: ['api', 'events'],
      api: [...CHANNEL_NAMES].sort(),
      apiFns: [...CHANNEL_NAMES].sort(),
      events: [...EVENT_NAMES].sort(),
    });
    const info = await page.evaluate(async () => {
      const api = (globalThis as unknown as PageGlobals).kiosk?.api as Record<
        string,
        (r: unknown) => Promise<unknown>
      >;
      return api.appInfo?.({});
    });
    expect(info).toMatchObject({ ok: true, value: { environment: 'training', trainingMode: true } });
  });

  test('refuses window.open', async () => {
    const opened = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).open('https://example.org/'),
    );
    expect(opened).toBeNull();
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('refuses navigation away from app://kiosk', async () => {
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobals).location.href = 'https://example.org/';
    });
    await page.waitForTimeout(500); // give a (refused) navigation the chance to happen
    expect(page.url()).toBe('app://kiosk/index.html');
    await expect(page).toHaveTitle('Кабінет пацієнта');
  });

  test('gives the page no network of its own', async () => {
    const outcome = await page.evaluate(async () => {
      try {
        await (globalThis as unknown as PageGlobals).fetch('https://example.org/');
        return 'fetched';
      } catch {
        return 'blocked';
      }
    });
    expect(outcome).toBe('blocked');
  });
});
