/**
 * The kiosk window: full-screen kiosk mode, no menu, and the locked-down page settings Electron's
 * security checklist asks for. Each window lives in its own patient partition.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { KIOSK_ENTRY_URL } from './origin';

export interface KioskWindowOptions {
  preloadPath: string;
  /** `kiosk-<uuid>`: in-memory (never `persist:`). */
  partition: string;
  devTools: boolean;
}

export function kioskWindowOptions(opts: KioskWindowOptions): BrowserWindowConstructorOptions {
  return {
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    show: false,
    backgroundColor: '#ffffff',
    title: 'Кабінет пацієнта',
    webPreferences: {
      preload: opts.preloadPath,
      partition: opts.partition,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: opts.devTools,
      spellcheck: false,
      navigateOnDragDrop: false,
      disableDialogs: true,
      safeDialogs: true,
      experimentalFeatures: false,
      enableWebSQL: false,
      zoomFactor: 1,
    },
  };
}

/** Creates the window and starts loading the UI; resolves when the page has loaded (or failed to). */
export function createKioskWindow(opts: KioskWindowOptions): {
  window: BrowserWindow;
  loaded: Promise<void>;
} {
  const window = new BrowserWindow(kioskWindowOptions(opts));
  window.removeMenu();
  window.once('ready-to-show', () => window.show());
  const loaded = window.loadURL(KIOSK_ENTRY_URL);
  return { window, loaded };
}
