/**
 * Shared e2e fixtures: a real browser host (`electron/hosts/browser.ts`) per test file, with a fresh
 * temporary data directory, killed and removed afterwards; accessibility and screenshot helpers.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base } from '@playwright/test';
import type { Page } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';

const READY = /ready: (\S+)/;
const START_TIMEOUT_MS = 45_000;
const STOP_TIMEOUT_MS = 10_000;

export interface KioskHost {
  /**
   * The page URL, with the session token in its fragment: the host prints only a one-time launch
   * code, which the fixture exchanges once (as the page would), so that every test can open a page.
   */
  url: string;
  dataDir: string;
  /** Everything the host wrote to stderr so far (its logs), for diagnosing a failure. */
  stderr(): string;
  /** Everything the host printed to stdout so far: the ready line and, in training, the sandbox's tools. */
  stdout(): string;
}

export interface RunningHost extends KioskHost {
  file: string;
  /** The host's process id, which is also its process group's (its signer processes belong to it). */
  pid: number;
  /** Stops the host (the whole group) and, once it has exited, removes its data directory. */
  stop(): Promise<void>;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

let rendererChecked = false;

/** The host serves dist/renderer: rebuild it if it is missing or older than the sources (once). */
function ensureRendererBuilt(): void {
  if (rendererChecked) return;
  const r = spawnSync('npx', ['tsx', 'build/scripts/ensure-renderer.ts'], { stdio: 'inherit' });
  if (r.status !== 0 || !existsSync('dist/renderer/index.html'))
    throw new Error('the renderer could not be built (npm run build:renderer)');
  rendererChecked = true;
}

/** Exchanges the launch code in the printed URL for the session token, as the page does on first load. */
function exchangeLaunchCode(printed: string): Promise<string> {
  const url = new URL(printed);
  const code = new URLSearchParams(url.hash.slice(1)).get('code');
  if (!code) return Promise.reject(new Error(`the ready line carries no launch code: ${printed}`));
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://${url.host}/bridge?code=${encodeURIComponent(code)}`, {
      headers: { Origin: url.origin },
    });
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as { type?: string; token?: string };
      ws.close();
      if (m.type === 'session' && m.token) resolve(`${url.origin}/#token=${m.token}`);
      else reject(new Error('the host did not answer the launch code with a session'));
    });
    ws.on('unexpected-response', (_req, res) => reject(new Error(`launch code refused: ${res.statusCode}`)));
    ws.on('error', reject);
  });
}

/**
 * Starts `node --import tsx electron/hosts/browser.ts --port 0 --no-open --data-dir <fresh tmp>`:
 * the child is the host itself (not a launcher such as npx, which exits on SIGTERM at once while
 * the host is still stopping), so its exit means the host has stopped and the data directory can
 * go. With `exchange: false` the host's `url` is the printed one, whose launch code works once only.
 */
export async function startKioskHost(file: string, opts: { exchange?: boolean } = {}): Promise<RunningHost> {
  ensureRendererBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/hosts/browser.ts', '--port', '0', '--no-open', '--data-dir', dataDir],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, NO_COLOR: '1' } },
  );
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });

  const stop = async (): Promise<void> => {
    // signal the whole process group the host leads (its signer processes too), as a terminal does
    const signal = (sig: NodeJS.Signals) => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, sig);
      } catch {
        // already gone
      }
    };
    signal('SIGTERM');
    if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
      signal('SIGKILL');
      await waitForExit(child, STOP_TIMEOUT_MS);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const url = await new Promise<string>((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`browser host did not start: ${why}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`));
    };
    const timer = setTimeout(() => fail(`no ready line in ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const match = READY.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code, sig) => fail(`exited with ${code ?? sig}`));
    child.once('error', (e) => fail(e.message));
  })
    .then((printed) => (opts.exchange === false ? printed : exchangeLaunchCode(printed)))
    .catch(async (e: unknown) => {
      await stop();
      throw e;
    });

  return { file, url, dataDir, pid: child.pid as number, stderr: () => stderr, stdout: () => stdout, stop };
}

/** One host per test file: a test from another file stops the previous host and starts its own. */
class HostPerFile {
  private current: RunningHost | null = null;

  async forFile(file: string, exchange: boolean): Promise<RunningHost> {
    if (this.current?.file === file) return this.current;
    await this.stop();
    this.current = await startKioskHost(file, { exchange });
    return this.current;
  }

  async stop(): Promise<void> {
    const host = this.current;
    this.current = null;
    await host?.stop();
  }
}

export const test = base.extend<
  { kioskHost: KioskHost; exchangeLaunchCode: boolean },
  { hosts: HostPerFile }
>({
  /** False: `kioskHost.url` is the URL the host printed, with its one-time launch code (one page only). */
  exchangeLaunchCode: [true, { option: true }],
  hosts: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a pattern
    async ({}, use) => {
      const hosts = new HostPerFile();
      await use(hosts);
      await hosts.stop();
    },
    { scope: 'worker', timeout: START_TIMEOUT_MS + STOP_TIMEOUT_MS * 2 },
  ],
  kioskHost: async ({ hosts, exchangeLaunchCode }, use, testInfo) => {
    await use(await hosts.forFile(testInfo.file, exchangeLaunchCode));
  },
});

export { expect };

/**
 * Runs axe on the page as it is and fails with a readable list of violations. `enhancedContrast`
 * adds WCAG AAA 1.4.6 (7:1), which the high-contrast mode promises.
 */
export async function expectNoAxeViolations(
  page: Page,
  opts: { enhancedContrast?: boolean } = {},
): Promise<void> {
  const results = await new AxeBuilder({ page })
    .options({
      rules: {
        'target-size': { enabled: true },
        'color-contrast-enhanced': { enabled: opts.enhancedContrast ?? false },
      },
    })
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? '?'}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, summary.join('\n')).toEqual([]);
}

export const SCREENSHOT_DIR = join('test-results', 'screens');

/** Keeps a full-page screenshot of the current screen as a test artifact. */
export async function saveScreen(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** The screen's title. */
export const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

/**
 * Every visible, usable control is at least 44 × 44 px; the main action of a screen at least 60 px
 * high. Controls behind a modal (inert) are not counted.
 */
export async function expectTouchTargets(page: Page): Promise<void> {
  // runs in the page (as a string: this file is type-checked without the DOM library)
  const offenders = await page.evaluate(`[...document.querySelectorAll('button, input')]
    .map((el) => ({ el, box: el.getBoundingClientRect() }))
    .filter(({ el, box }) => box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('[inert]'))
    .filter(({ el, box }) => box.width < 44 || box.height < (el.classList.contains('button--primary') ? 60 : 44))
    .map(({ el, box }) => (el.getAttribute('aria-label') || el.textContent) + ': ' + box.width + 'x' + box.height)`);
  expect(offenders).toEqual([]);
}

/** axe (AAA contrast in high-contrast mode), touch targets, and a screenshot under test-results/screens/. */
export async function checkScreen(page: Page, name: string, opts: { enhancedContrast?: boolean } = {}) {
  await expectNoAxeViolations(page, opts);
  await expectTouchTargets(page);
  await saveScreen(page, name);
}
