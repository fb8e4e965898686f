/**
 * `npm run start:browser -- [--port N] [--no-open] [--data-dir DIR]`: the kiosk in a Chromium app
 * window through the browser host, for machines without an Electron runtime. Prints exactly one line
 * to stdout when ready — `Kabinet Kiosk (browser host) ready: <url>` — and logs go to stderr.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createKioskLogger } from '../core/logging/kiosk-logger';
import { defaultDataDir } from '../core/paths';
import { startSandbox } from '../sandbox/index';
import { BROWSER_HOST_USAGE, parseBrowserHostArgs } from './args';
import { startBrowserHost, type BrowserHost } from './browser-host';
import { chromiumExecutable, openChromiumApp, type ChromiumWindow } from './chromium';

const projectFile = (rel: string) => fileURLToPath(new URL(`../../${rel}`, import.meta.url));

async function main(): Promise<number> {
  const parsed = parseBrowserHostArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(parsed.message);
    console.error(BROWSER_HOST_USAGE);
    return 2;
  }
  const { args } = parsed;
  const dataDir = args.dataDir ?? defaultDataDir();
  // logs go to stderr and to <data-dir>/logs/browser-host.log (scrubbed of personal data, rotated)
  const { log } = createKioskLogger({ name: 'browser-host', dataDir });

  // Signal handlers come first: a signal that arrives while starting (or right after the ready line
  // reaches a waiting parent) must end the host cleanly, not kill it with a half-written database.
  let stopSignal: string | null = null;
  let onStopSignal: (why: string) => void = (why) => {
    stopSignal = why;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => onStopSignal(signal));

  const version = (JSON.parse(readFileSync(projectFile('package.json'), 'utf8')) as { version: string })
    .version;
  let host: BrowserHost;
  try {
    host = await startBrowserHost({
      port: args.port,
      dataDir,
      // KIOSK_RENDERER_DIR: another built renderer (tests, packaging checks)
      rendererDir: process.env.KIOSK_RENDERER_DIR || projectFile('dist/renderer'),
      log,
      version,
      startSandbox,
    });
  } catch (e) {
    console.error(`browser host failed to start: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }

  let chromium: ChromiumWindow | null = null;
  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ why }, 'browser host stopping');
    await chromium?.close();
    await host.close();
  };
  if (stopSignal) {
    await stop(stopSignal);
    return 0;
  }
  const done = new Promise<void>((resolve) => {
    onStopSignal = (why) => void stop(why).finally(resolve);
  });
  console.log(`Kabinet Kiosk (browser host) ready: ${host.url}`);
  if (args.open) {
    const window = openChromiumApp(host.url, { log });
    chromium = window;
    void window.exited.then((code) => {
      if (stopping) return;
      if (code === 0) onStopSignal('window closed');
      else
        console.error(
          `Chromium (${chromiumExecutable()}) did not run (exit ${code ?? 'error'}); the kiosk is still served at the URL above. ` +
            'Set KIOSK_CHROMIUM to another browser, or use --no-open.',
        );
    });
  }
  await done;
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`browser host crashed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
