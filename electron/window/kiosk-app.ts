/**
 * Startup of the Electron kiosk, kept out of main.ts so it can be tested against a mocked `electron`:
 * single instance → app paths and this run's temporary folder → app:// scheme → page rules → ready →
 * `--training` check → the kiosk's one start-up (hosts/kiosk-start.ts: training sandbox, services,
 * router) with Electron's profile (printer, utilityProcess signer, safeStorage, app:// origin, quit,
 * camera) → IPC → window. Its stop (before-quit, or the process's stops in main.ts) is the start-up's.
 */
import { dirname, join } from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, utilityProcess } from 'electron';
import { bindIpcMain, forwardEvents } from '../ipc/electron-ipc';
import type { Logger } from '../core/log';
import { defaultDataDir } from '../core/paths';
import type { KioskServices } from '../core/services';
import { electronPrinter } from '../hosts/electron-printer';
import { electronSignerLauncher } from '../hosts/electron-signer';
import { claimHostTemp } from '../hosts/host-temp';
import type { OsSecretStorage } from '../core/crypto';
import type { KioskRuntime } from '../hosts/kiosk-runtime';
import { startKiosk, type HostFront } from '../hosts/kiosk-start';
import { storedEnvironment, type StartSandbox, type TrainingBackend } from '../hosts/training';
import { registerAppScheme } from './app-protocol';
import { KioskShell } from './kiosk-shell';
import { CameraAccess } from './permissions';
import type { MainArgs } from './main-args';
import { isKioskOrigin } from './origin';
import { acquireSingleInstance } from './single-instance';
import { secureAllPages } from './web-contents';

export interface KioskAppOptions {
  args: MainArgs;
  log: Logger;
  /** dist/renderer */
  rendererDir: string;
  /** dist-electron/preload.cjs */
  preloadPath: string;
  /** dist-electron/signer.cjs (the signer runs as a utilityProcess); default: beside the preload. */
  signerPath?: string;
  /** The embedded sandbox for training mode (null in builds without it). */
  startSandbox: StartSandbox | null;
  /** Electron safeStorage behind the services' port (protects the at-rest key). */
  osSecretStorage?: OsSecretStorage | null;
  /** This is the kiosk process (main.ts): its temporary folder is the process's (host-temp.ts). */
  processTemp?: boolean;
}

export interface RunningKiosk {
  /** The services and their restart (a change of environment restarts them). */
  runtime: KioskRuntime;
  /** The services in use now (replaced by a restart). */
  readonly services: KioskServices;
  shell: KioskShell;
  readonly training: TrainingBackend | null;
  stop(): Promise<void>;
}

/** Returns null when this process must not run (another kiosk holds the lock, or a refused start). */
export async function startKioskApp(opts: KioskAppOptions): Promise<RunningKiosk | null> {
  const { args, log } = opts;
  let shell: KioskShell | null = null;
  if (!acquireSingleInstance(app, () => shell?.focus())) {
    log.info('another kiosk instance is running; this one exits');
    app.quit();
    return null;
  }
  const dataDir = args.dataDir ?? defaultDataDir();
  // Chromium's own files stay apart from the kiosk database; patient partitions are in memory anyway.
  app.setPath('sessionData', join(dataDir, 'chromium'));
  // everything temporary of this run lives under the data directory and goes with `stop`
  const temp = claimHostTemp(dataDir, { log, processWide: opts.processTemp ?? false });
  app.setPath('temp', temp.dir);
  registerAppScheme();
  Menu.setApplicationMenu(null);
  secureAllPages(app, { devTools: args.devTools, log });
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  const environment = storedEnvironment(dataDir);
  if (args.training && environment !== 'training') {
    log.error({ environment }, '--training given but this data directory is not in training mode');
    console.error(
      `This kiosk data directory is configured for the "${environment}" environment; --training refuses to ` +
        'run against it. Use another --data-dir for training.',
    );
    temp.remove();
    app.exit(1);
    return null;
  }

  // the document camera: open to the kiosk page only while a document eHealth asked for is captured
  const camera = new CameraAccess(log);
  let quitting = false;
  const kiosk = await startKiosk({
    dataDir,
    log,
    temp,
    startSandbox: opts.startSandbox,
    profile: {
      kind: 'electron',
      version: app.getVersion(),
      isAllowedOrigin: isKioskOrigin,
      // receipts go silently to the printer the registrar chose (the system default when none)
      printer: (_dir, run) =>
        electronPrinter({
          createWindow: (options) => new BrowserWindow(options),
          deviceName: () => run.current().settings.get().printerName || null,
          log,
        }),
      signerLauncher: electronSignerLauncher({
        entry: opts.signerPath ?? join(dirname(opts.preloadPath), 'signer.cjs'),
        fork: (modulePath, args, options) => utilityProcess.fork(modulePath, args, options),
      }),
      ...(opts.osSecretStorage ? { osSecretStorage: opts.osSecretStorage } : {}),
      // the registrar's quit: the only way out of the kiosk besides the OS ending its session
      quit: () => app.quit(),
      camera: { open: () => camera.open(), close: () => camera.close() },
    },
    attach: (runtime) => attachWindow(runtime, { ...opts, camera, quitting: () => quitting }),
  });
  shell = kiosk.front;
  const { runtime } = kiosk;

  app.on('before-quit', (event) => {
    if (quitting) return;
    event.preventDefault();
    quitting = true;
    kiosk
      .stop()
      .catch((e: unknown) => log.error({ err: e }, 'shutdown failed'))
      .finally(() => app.quit());
  });
  return {
    runtime,
    get services() {
      return runtime.current();
    },
    get training() {
      return runtime.training;
    },
    shell: kiosk.front,
    stop: kiosk.stop,
  };
}

/**
 * Electron's front on the services: IPC bound to the router, events forwarded to the page, and the
 * kiosk window — a fresh one (new partition) after every patient session and every restart.
 */
async function attachWindow(
  runtime: KioskRuntime,
  o: KioskAppOptions & { camera: CameraAccess; quitting: () => boolean },
): Promise<HostFront<KioskShell>> {
  const { log } = o;
  const unbindIpc = bindIpcMain(ipcMain, runtime.dispatch);
  const kioskShell = new KioskShell({
    rendererDir: o.rendererDir,
    preloadPath: o.preloadPath,
    devTools: o.args.devTools,
    log,
    camera: o.camera,
    quitting: o.quitting,
    // a crashed or hung page: the patient session ends (signer, tokens), audited, and the welcome
    // screen comes back on a fresh window — through the session's end, or here when none was open
    onPageLost: (cause, detail) => {
      void runtime
        .current()
        .session.pageLost(cause, detail)
        .then((ended) => (ended ? undefined : kioskShell.rotate()))
        .catch((e: unknown) => log.error({ err: e }, 'recovering the kiosk page failed'));
    },
  });
  const stopEvents = forwardEvents(runtime.events, () => kioskShell.webContents(), log);
  // The patient's browser storage goes with the patient: a new window on a new partition — after
  // every session, and after a restart of the services (a new environment starts on a fresh page).
  let stopRotation = runtime.current().session.onEnd(() => kioskShell.rotate());
  const stopRestarts = runtime.onRestart((services) => {
    stopRotation();
    stopRotation = services.session.onEnd(() => kioskShell.rotate());
    void kioskShell.rotate();
  });
  await kioskShell.open();
  return {
    value: kioskShell,
    detach: () => {
      stopRestarts();
      stopRotation();
      stopEvents();
      unbindIpc();
    },
    close: () => kioskShell.close(),
  };
}
