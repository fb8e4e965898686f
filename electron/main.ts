/**
 * Electron composition root (bundled to dist-electron/main.cjs). Everything it does lives in small,
 * tested modules under electron/window, electron/ipc and electron/core; this file only finds the
 * bundle's neighbours and starts the kiosk.
 */
import { join } from 'node:path';
import { app } from 'electron';
import { createLogger } from './core/log';
import { startKioskApp } from './window/kiosk-app';
import { parseMainArgs } from './window/main-args';

const log = createLogger({ name: 'kiosk-main' });

// main.cjs sits in dist-electron/ beside preload.cjs; the renderer is built into dist/renderer.
startKioskApp({
  args: parseMainArgs(process.argv.slice(1)),
  log,
  rendererDir: join(__dirname, '..', 'dist', 'renderer'),
  preloadPath: join(__dirname, 'preload.cjs'),
  startSandbox: null,
}).catch((e: unknown) => {
  log.fatal({ err: e }, 'kiosk failed to start');
  app.exit(1);
});
