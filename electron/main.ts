/**
 * Electron composition root (bundled to dist-electron/main.cjs). Everything it does lives in small,
 * tested modules under electron/window, electron/ipc, electron/hosts and electron/core; this file
 * only finds the bundle's neighbours, supplies Electron's implementations of the ports, and starts.
 */
import { join } from 'node:path';
import { app, safeStorage } from 'electron';
import { runCli } from './cli';
import { opsArguments } from './cli/ops';
import { createKioskLogger } from './core/logging';
import { defaultDataDir } from './core/paths';
import { electronSecretStorage } from './hosts/electron-safe-storage';
import { handleProcessStops } from './hosts/process-stops';
import { startSandbox } from './sandbox/index';
import { startKioskApp } from './window/kiosk-app';
import { parseMainArgs } from './window/main-args';

const ops = opsArguments(process.argv);
if (ops) {
  // `kabinet-kiosk --ops <command>`: the ops CLI in the installed kiosk (no Node there, RunAsNode off);
  // commands that need the at-rest key (audit verify, outbox retry) open it through safeStorage
  runCli(ops, undefined, {
    secretStorage: () => app.whenReady().then(() => electronSecretStorage(safeStorage)),
  }).then(
    (code) => app.exit(code),
    () => app.exit(1),
  );
} else {
  const args = parseMainArgs(process.argv.slice(1));
  // JSON lines to <data-dir>/logs/kiosk-main.log (rotated, scrubbed) and stderr
  const { log } = createKioskLogger({ name: 'kiosk-main', dataDir: args.dataDir ?? defaultDataDir() });

  // main.cjs sits in dist-electron/ beside preload.cjs and signer.cjs; the renderer is in dist/renderer.
  const kiosk = startKioskApp({
    args,
    log,
    rendererDir: join(__dirname, '..', 'dist', 'renderer'),
    preloadPath: join(__dirname, 'preload.cjs'),
    startSandbox,
    osSecretStorage: electronSecretStorage(safeStorage),
    processTemp: true,
  });
  // SIGINT, SIGTERM, SIGHUP and an uncaught error run the kiosk's stop (services, sandbox, temporary files)
  handleProcessStops({
    log,
    stop: async () => (await kiosk.catch(() => null))?.stop(),
    exit: (code) => app.exit(code),
  });
  kiosk.catch((e: unknown) => {
    log.fatal({ err: e }, 'kiosk failed to start');
    app.exit(1);
  });
}
