/**
 * The renderer has no network of its own: in a patient partition every request that is not for
 * app://kiosk (or an inline data:/blob: resource of the page) is cancelled before it leaves, as a
 * second layer behind the CSP. Main's services do the networking.
 */
import type { Session } from 'electron';
import type { Logger } from '../core/log';
import { isKioskUrl, originOf } from './origin';

export function isAllowedRendererRequest(url: string, opts: { devTools: boolean }): boolean {
  if (isKioskUrl(url)) return true;
  if (url.startsWith('data:')) return true;
  if (url.startsWith('blob:')) return isKioskUrl(url.slice('blob:'.length));
  if (opts.devTools && (url.startsWith('devtools:') || url.startsWith('chrome-devtools:'))) return true;
  return false;
}

export function blockRendererNetwork(ses: Session, log: Logger, opts: { devTools: boolean }): void {
  ses.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    const allowed = isAllowedRendererRequest(details.url, opts);
    if (!allowed)
      log.warn({ target: originOf(details.url) ?? 'opaque' }, 'renderer network request cancelled');
    callback({ cancel: !allowed });
  });
}
