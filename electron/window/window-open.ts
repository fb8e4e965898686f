/** `window.open`, `target=_blank` and friends never create a window in the kiosk. */
import type { WebContents } from 'electron';
import type { Logger } from '../core/log';
import { originOf } from './origin';

export function denyWindowOpen(wc: WebContents, log: Logger): void {
  wc.setWindowOpenHandler(({ url }) => {
    log.warn({ target: originOf(url) ?? 'opaque' }, 'window.open refused');
    return { action: 'deny' };
  });
}
