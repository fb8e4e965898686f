/**
 * The kiosk window stays and its page is recovered: in kiosk mode a close is refused unless the app
 * is quitting (the registrar's quit, the OS ending its session); a crashed (`render-process-gone`)
 * or hung (`unresponsive`) page is reported to the host, which ends the patient session and brings
 * the welcome screen back on a fresh window (kiosk-app.ts). The decision itself is the session's
 * (core/session/session-manager.ts `pageLost`).
 */
import type { BrowserWindow } from 'electron';
import type { Logger } from '../core/log';
import type { SessionEndCause } from '../core/session';

export type PageLostCause = Extract<SessionEndCause, 'render-process-gone' | 'renderer-unresponsive'>;

export interface PageGuardOptions {
  /** True while the app is quitting: then the window may close. */
  quitting: () => boolean;
  /** The page crashed or hangs; `detail` is Electron's reason (e.g. "crashed", "oom"). */
  onPageLost: (cause: PageLostCause, detail: string | null) => void;
  log: Logger;
}

export function guardKioskWindow(window: BrowserWindow, opts: PageGuardOptions): void {
  let osSessionEnding = false;
  // Windows: the user's session is ending (log off, shut down) — the kiosk must let go
  window.on('session-end', () => {
    osSessionEnding = true;
  });
  window.on('close', (event) => {
    if (opts.quitting() || osSessionEnding || !window.isKiosk()) return;
    event.preventDefault();
    opts.log.warn('closing the kiosk window was refused (kiosk mode)');
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    opts.onPageLost('render-process-gone', typeof details?.reason === 'string' ? details.reason : null);
  });
  window.on('unresponsive', () => opts.onPageLost('renderer-unresponsive', null));
}
