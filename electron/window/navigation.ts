/**
 * The kiosk page never leaves app://kiosk: navigations and redirects anywhere else are cancelled,
 * and frames other than the main one may not navigate at all (the CSP already forbids frames).
 * Origins are compared after parsing the URL.
 */
import type { WebContents } from 'electron';
import type { Logger } from '../core/log';
import { isKioskUrl, originOf } from './origin';

export function guardNavigation(wc: WebContents, log: Logger): void {
  const refuse = (kind: string, url: string, prevent: () => void) => {
    prevent();
    log.warn({ kind, target: originOf(url) ?? 'opaque' }, 'navigation refused');
  };
  wc.on('will-navigate', (event) => {
    if (!isKioskUrl(event.url)) refuse('navigate', event.url, () => event.preventDefault());
  });
  wc.on('will-redirect', (event) => {
    if (!isKioskUrl(event.url)) refuse('redirect', event.url, () => event.preventDefault());
  });
  wc.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame || !isKioskUrl(event.url))
      refuse('frame', event.url, () => event.preventDefault());
  });
}
