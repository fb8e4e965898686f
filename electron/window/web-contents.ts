/**
 * Every web contents the app ever creates (kiosk windows, and anything that slips through) gets the
 * page rules, attached on `web-contents-created` so none is forgotten.
 */
import type { App, WebContents } from 'electron';
import type { Logger } from '../core/log';
import { guardDevTools } from './devtools';
import { guardShortcuts } from './keyboard-guard';
import { guardNavigation } from './navigation';
import { denyWebviews } from './webview';
import { denyWindowOpen } from './window-open';
import { lockZoom } from './zoom';

export interface PageRuleOptions {
  devTools: boolean;
  log: Logger;
}

export function securePage(wc: WebContents, opts: PageRuleOptions): void {
  guardNavigation(wc, opts.log);
  denyWindowOpen(wc, opts.log);
  denyWebviews(wc, opts.log);
  guardShortcuts(wc, { devTools: opts.devTools });
  guardDevTools(wc, opts.log, { devTools: opts.devTools });
  lockZoom(wc, opts.log);
}

export function secureAllPages(app: App, opts: PageRuleOptions): void {
  app.on('web-contents-created', (_event, wc) => securePage(wc, opts));
}
