/**
 * DevTools exist only with the explicit `--kiosk-dev` flag. Without it they are disabled in
 * webPreferences, their shortcuts are blocked, and if they open anyway they are closed at once.
 */
import type { WebContents } from 'electron';
import type { Logger } from '../core/log';

export const DEV_FLAG = '--kiosk-dev';

export const devToolsAllowed = (argv: readonly string[]): boolean => argv.includes(DEV_FLAG);

export function guardDevTools(wc: WebContents, log: Logger, opts: { devTools: boolean }): void {
  if (opts.devTools) return;
  wc.on('devtools-opened', () => {
    log.warn('devtools opened without the dev flag; closing them');
    wc.closeDevTools();
  });
}
