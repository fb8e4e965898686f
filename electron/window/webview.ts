/** `<webview>` is disabled in webPreferences; if one is attached anyway, refuse it here too. */
import type { WebContents } from 'electron';
import type { Logger } from '../core/log';

export function denyWebviews(wc: WebContents, log: Logger): void {
  wc.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview attach refused');
  });
}
