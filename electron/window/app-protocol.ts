/**
 * The UI is served from the privileged `app://kiosk/` scheme, not file:// — a real origin for the
 * sender check and the CSP, and no access to the rest of the disk. GET/HEAD only, host must be
 * `kiosk`, path traversal refused (static-files.ts), the CSP header on every response.
 */
import { protocol, type CustomScheme, type Session } from 'electron';
import type { Logger } from '../core/log';
import { contentSecurityPolicy, securityHeaders } from './csp';
import { KIOSK_HOST, KIOSK_SCHEME } from './origin';
import { serveStatic } from './static-files';

export const APP_SCHEME: CustomScheme = {
  scheme: KIOSK_SCHEME,
  // standard: real origins and relative URLs; secure: a secure context; corsEnabled/supportFetchAPI:
  // module scripts are fetched in CORS mode. No bypassCSP, no service workers, no extensions.
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
};

/** Must run before `app` is ready (Electron requirement). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME]);
}

export interface AppProtocolOptions {
  /** The built renderer (dist/renderer). */
  rootDir: string;
  log: Logger;
}

/** The request handler (plain Fetch API Request → Response), testable without Electron. */
export function createAppRequestHandler(opts: AppProtocolOptions): (request: Request) => Promise<Response> {
  const headers = securityHeaders(contentSecurityPolicy());
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return new Response('bad url\n', { status: 400, headers });
    }
    if (url.protocol !== `${KIOSK_SCHEME}:` || url.host !== KIOSK_HOST || url.username || url.password) {
      opts.log.warn({ host: url.host.slice(0, 64) }, 'app:// request for a foreign host refused');
      return new Response('forbidden\n', { status: 403, headers });
    }
    // url.pathname keeps percent-escapes (e.g. %2f), so serveStatic sees what the page asked for.
    const res = await serveStatic(request.method, url.pathname, { rootDir: opts.rootDir, headers });
    if (res.status >= 400)
      opts.log.warn({ status: res.status, method: request.method }, 'app:// request refused');
    return new Response(res.body, { status: res.status, headers: res.headers });
  };
}

/** Serves app:// in one session (each patient partition gets its own registration). */
export function serveAppProtocol(ses: Session, opts: AppProtocolOptions): void {
  ses.protocol.handle(KIOSK_SCHEME, createAppRequestHandler(opts));
}
