/**
 * `npm run start:browser -- [--port N] [--no-open] [--data-dir DIR]`: the kiosk in a Chromium app
 * window through the browser host, for machines without an Electron runtime. Prints one line to
 * stdout when ready — `Kabinet Kiosk (browser host) ready: <url>` — followed, in training mode, by
 * the training sandbox's address and tools (electron/hosts/training-tools.ts); logs go to stderr.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createKioskLogger } from '../core/logging';
import { defaultDataDir } from '../core/paths';
import { startSandbox } from '../sandbox/index';
import { BROWSER_HOST_USAGE, parseBrowserHostArgs } from './args';
import { startBrowserHost, type BrowserHost } from './browser-host';
import { chromiumExecutable, openChromiumApp, type ChromiumWindow } from './chromium';
import { handleProcessStops } from './process-stops';
import { trainingToolLines } from './training-tools';

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

  // Stops are handled first: a signal (or an error) that arrives while starting must end the host
  // cleanly once it is up, not kill it with a half-written database and its temporary files left.
  let starting: Promise<BrowserHost | null> = Promise.resolve(null);
  let chromium: ChromiumWindow | null = null;
  const stops = handleProcessStops({
    log,
    stop: async (why) => {
      log.info({ why }, 'browser host stopping');
      const host = await starting.catch(() => null);
      await chromium?.close();
      await host?.close();
    },
  });

  const version = (JSON.parse(readFileSync(projectFile('package.json'), 'utf8')) as { version: string })
    .version;
  let host: BrowserHost;
  try {
    const started = startBrowserHost({
      port: args.port,
      dataDir,
      // KIOSK_RENDERER_DIR: another built renderer (tests, packaging checks)
      rendererDir: process.env.KIOSK_RENDERER_DIR || projectFile('dist/renderer'),
      log,
      version,
      startSandbox,
      // this program is the host: the run's temporary folder is the process's temp folder
      processTemp: true,
    });
    starting = started;
    host = await started;
  } catch (e) {
    console.error(`browser host failed to start: ${e instanceof Error ? e.message : String(e)}`);
    stops.dispose();
    return 1;
  }

  if (stops.stopping) return new Promise<number>(() => undefined); // stopped while starting
  console.log(`Kabinet Kiosk (browser host) ready: ${host.url}`);
  if (host.training) for (const line of trainingToolLines(host.training.baseUrl)) console.log(line);
  if (args.open) {
    const window = openChromiumApp(host.url, { log, tempDir: host.tempDir });
    chromium = window;
    void window.exited.then((code) => {
      if (stops.stopping) return;
      if (code === 0) void stops.stop('window closed');
      else
        console.error(
          `Chromium (${chromiumExecutable()}) did not run (exit ${code ?? 'error'}); the kiosk is still served at the URL above. ` +
            'Set KIOSK_CHROMIUM to another browser, or use --no-open.',
        );
    });
  }
  // runs until a stop (signal, error, the window closed) ends the process
  return new Promise<number>(() => undefined);
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`browser host crashed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
