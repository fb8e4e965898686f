/**
 * 5. Start-up. The sandbox: first start (seeding, persona keys) and a start that reuses its data
 * directory. The main side: the kiosk services ready (database open, migrations, at-rest key,
 * outbox, directory) on a new and on an existing data directory, versus a bare SQLite open; the
 * browser host from spawn to its ready line, versus the floor of a Node process with the same
 * loader. The renderer: first contentful paint and largest contentful paint of the welcome
 * screen in Chromium through the browser host (the run waits until its heading is visible),
 * versus a page holding only that heading, in the same browser.
 */
import Database from 'better-sqlite3';
import { chromium, type Browser } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { silentLogger } from '../../../electron/core/log';
import { createServices } from '../../../electron/core/services';
import { startReadyChild } from '../lib/child';
import { GROUPS, type BenchContext } from '../lib/context';
import { startSandboxChild } from '../lib/sandbox-child';
import { formatNumber } from '../lib/results';
import { median } from '../lib/stats';

const FLOOR = 'test/bench/children/floor.ts';
const FLOOR_NAME = 'Node + tsx loader printing one line (process floor)';

export function floorOf(ctx: BenchContext): NonNullable<BenchContext['floor']> {
  if (!ctx.floor) throw new Error('the process floor was not measured');
  return ctx.floor;
}

/** A program that does nothing: time from spawn to its line, and its peak RSS (the memory baseline). */
export async function measureProcessFloor(ctx: BenchContext, runs: number): Promise<void> {
  const ms: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = await startReadyChild(FLOOR, [], /^\{/);
    ms.push(c.readyMs);
    rss.push((JSON.parse(c.line) as { peakRssKiB: number }).peakRssKiB);
    await c.stop();
  }
  ctx.floor = { readyMs: median(ms), peakRssKiB: median(rss), runs };
}

/** Starts the sandbox the other suites use, and records its first start. */
export async function startRunSandbox(ctx: BenchContext): Promise<void> {
  const seed = ctx.sizes.seed;
  // full runs keep the sandbox's data directory, so that a later start can reuse it
  const dataDir = ctx.sizes.sandboxReuses > 0 ? join(ctx.tmp, 'sandbox') : null;
  ctx.progress(`start-up: sandbox, ${seed} seed${dataDir ? ', new data directory' : ''}`);
  ctx.sandbox = await startSandboxChild({ seed, ...(dataDir ? { dataDir } : {}) });
  ctx.sandboxDataDir = dataDir;
  ctx.sandboxFirstStart = { readyMs: ctx.sandbox.readyMs, timings: ctx.sandbox.timings };
}

/** After the other suites: stop the sandbox and start it again on the same data directory. */
export async function benchSandboxStarts(ctx: BenchContext): Promise<void> {
  const floorMs = floorOf(ctx).readyMs;
  const first = ctx.sandboxFirstStart;
  if (!first) throw new Error('the sandbox was not started');
  const own = first.timings
    ? `; its own count: seeding ${formatNumber(first.timings.seedMs / 1000)} s, whole start ${formatNumber(first.timings.startMs / 1000)} s`
    : '';
  const reused: number[] = [];
  if (ctx.sandboxDataDir) {
    for (let i = 0; i < ctx.sizes.sandboxReuses; i++) {
      ctx.progress(`start-up: sandbox reusing its data directory ${i + 1}/${ctx.sizes.sandboxReuses}`);
      const sb = await startSandboxChild({ seed: ctx.sizes.seed, dataDir: ctx.sandboxDataDir });
      reused.push(sb.readyMs);
      await sb.stop();
    }
  }
  const seed = ctx.sizes.seed;
  if (reused.length) {
    ctx.add({
      group: GROUPS.startup,
      name: `sandbox first start (${seed} seed, persona keys written)`,
      value: first.readyMs / 1000,
      unit: 's',
      detail: `spawn → ready line, one run${own}`,
      baseline: { name: 'sandbox start reusing that data directory', value: median(reused) / 1000 },
      better: 'lower',
    });
    ctx.add({
      group: GROUPS.startup,
      name: 'sandbox start reusing its data directory',
      value: median(reused) / 1000,
      unit: 's',
      detail: `spawn → ready line, median of ${reused.length}`,
      baseline: { name: FLOOR_NAME, value: floorMs / 1000 },
      better: 'lower',
    });
  } else {
    ctx.add({
      group: GROUPS.startup,
      name: `sandbox start (${seed} seed into a fresh database, shared persona keys)`,
      value: first.readyMs / 1000,
      unit: 's',
      detail: `spawn → ready line, one run${own}; the reuse start is measured in full runs only`,
      baseline: { name: FLOOR_NAME, value: floorMs / 1000 },
      better: 'lower',
    });
  }
}

function bareOpenMs(file: string): number {
  const t = performance.now();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('user_version', { simple: true });
  const ms = performance.now() - t;
  db.close();
  return ms;
}

export async function benchServices(ctx: BenchContext): Promise<void> {
  const n = ctx.sizes.serviceStarts;
  const fresh: number[] = [];
  const existing: number[] = [];
  const bare: number[] = [];
  ctx.progress(`start-up: kiosk services ×${n} (new and existing data directory)`);
  for (let i = 0; i < n + 1; i++) {
    const dir = join(ctx.tmp, `services-${i}`);
    for (const list of [fresh, existing]) {
      const t = performance.now();
      const services = createServices({
        dataDir: dir,
        log: silentLogger(),
        version: 'bench',
        background: false,
      });
      const ms = performance.now() - t;
      await services.close();
      if (i > 0) list.push(ms); // the first round warms the module code
    }
    const bareFile = join(ctx.tmp, `bare-${i}`, 'bare.db');
    mkdirSync(join(ctx.tmp, `bare-${i}`), { recursive: true });
    bareOpenMs(bareFile);
    const ms = bareOpenMs(bareFile);
    if (i > 0) bare.push(ms);
  }
  const baseline = {
    name: 'bare better-sqlite3 open of an existing file (WAL, read the schema version)',
    value: median(bare),
  };
  ctx.add({
    group: GROUPS.startup,
    name: 'main-side services ready, new data directory (all migrations)',
    value: median(fresh),
    unit: 'ms',
    detail: `createServices, median of ${n}`,
    baseline,
    better: 'lower',
  });
  ctx.add({
    group: GROUPS.startup,
    name: 'main-side services ready, existing data directory',
    value: median(existing),
    unit: 'ms',
    detail: `createServices, median of ${n}`,
    baseline,
    better: 'lower',
  });
  if (ctx.syncedDir) {
    const withDirectory: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      const services = createServices({
        dataDir: ctx.syncedDir,
        log: silentLogger(),
        version: 'bench',
        background: false,
      });
      withDirectory.push(performance.now() - t);
      await services.close();
    }
    ctx.add({
      group: GROUPS.startup,
      name: `main-side services ready, with the ${ctx.sizes.seed} directory synced`,
      value: median(withDirectory),
      unit: 'ms',
      detail: `createServices, median of ${n}`,
      baseline,
      better: 'lower',
    });
  }
}

// in-page code as text: this file is type-checked for Node, without the DOM library
const READ_PAINTS = `new Promise((resolve) => {
  const out = { fcp: null, lcp: null };
  for (const e of performance.getEntriesByType('paint'))
    if (e.name === 'first-contentful-paint') out.fcp = e.startTime;
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    if (entries.length) out.lcp = entries[entries.length - 1].startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  setTimeout(() => resolve(out), 100);
})`;

interface Paints {
  fcp: number | null;
  lcp: number | null;
}

async function paintsOf(browser: Browser, url: string): Promise<Paints> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    // the welcome screen is up: its heading is visible
    await page.locator('h1').first().waitFor({ state: 'visible', timeout: 30_000 });
    // and painted: the first contentful paint has been reported
    await page.waitForFunction(
      "performance.getEntriesByType('paint').some((e) => e.name === 'first-contentful-paint')",
      undefined,
      { timeout: 30_000 },
    );
    return (await page.evaluate(READ_PAINTS)) as Paints;
  } finally {
    await context.close();
  }
}

const BLANK =
  '<!doctype html><html lang="uk"><meta charset="utf-8"><title>blank</title><h1>Кабінет пацієнта</h1></html>';

export async function benchBrowser(ctx: BenchContext): Promise<void> {
  const floorMs = floorOf(ctx).readyMs;
  if (!ctx.rendererDir) throw new Error('the paint benchmark needs the built renderer (size suite)');
  const n = ctx.sizes.paints;
  const dataDir = join(ctx.tmp, 'browser-host');
  ctx.progress('start-up: browser host');
  const host = await startReadyChild(
    'electron/hosts/browser.ts',
    ['--port', '0', '--no-open', '--data-dir', dataDir],
    /Kabinet Kiosk \(browser host\) ready: \S+/,
    // its training sandbox is the one measured above: switched off here to keep the run short
    { env: { KIOSK_RENDERER_DIR: ctx.rendererDir, KIOSK_SANDBOX: 'off', NO_COLOR: '1' }, timeoutMs: 120_000 },
  );
  const blankServer = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(BLANK);
  });
  await new Promise<void>((resolve) => blankServer.listen(0, '127.0.0.1', resolve));
  const blankUrl = `http://127.0.0.1:${(blankServer.address() as AddressInfo).port}/`;
  let browser: Browser | null = null;
  try {
    ctx.add({
      group: GROUPS.startup,
      name: 'browser host ready (services, WebSocket bridge, static server; training sandbox off)',
      value: host.readyMs / 1000,
      unit: 's',
      detail: 'spawn → "ready" line, one run, fresh data directory',
      baseline: { name: FLOOR_NAME, value: floorMs / 1000 },
      better: 'lower',
    });
    const url = /ready: (\S+)/.exec(host.line)?.[1] as string;
    browser = await chromium.launch({
      executablePath: process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    ctx.progress(`start-up: renderer paint ×${n} and blank page ×${n} in Chromium`);
    await paintsOf(browser, url); // warm-up: the browser process, the host's first page
    await paintsOf(browser, blankUrl);
    const ours: Paints[] = [];
    const blank: Paints[] = [];
    for (let i = 0; i < n; i++) {
      ours.push(await paintsOf(browser, url));
      blank.push(await paintsOf(browser, blankUrl));
    }
    const med = (xs: Paints[], k: keyof Paints): number => {
      const v = xs.map((x) => x[k]).filter((x): x is number => typeof x === 'number');
      if (v.length === 0) throw new Error(`the browser reported no ${k}`);
      return median(v);
    };
    const row = (name: string, k: keyof Paints, blankName: string) =>
      ctx.add({
        group: GROUPS.startup,
        name,
        value: med(ours, k),
        unit: 'ms',
        detail: `from navigation start, median of ${n}, new browser context each`,
        baseline: { name: blankName, value: med(blank, k) },
        better: 'lower',
      });
    row(
      'renderer first contentful paint (Chromium, via the browser host)',
      'fcp',
      'one-heading page, same browser: first contentful paint',
    );
    row('renderer largest contentful paint', 'lcp', 'one-heading page: largest contentful paint');
  } finally {
    await browser?.close();
    await new Promise<void>((resolve) => blankServer.close(() => resolve()));
    await host.stop();
  }
}
