/** One kiosk per machine: a second launch focuses the running kiosk and exits. */
import type { App } from 'electron';

export function acquireSingleInstance(app: App, onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => onSecondInstance());
  return true;
}
