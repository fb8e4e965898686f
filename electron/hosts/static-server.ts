/**
 * The browser host's HTTP side: the built renderer over loopback, with the same CSP as Electron except
 * that `connect-src` allows exactly the host's own WebSocket. Requests whose Host header is not the
 * host's own address are refused (DNS rebinding: another site must not read the kiosk through a name
 * that resolves to 127.0.0.1).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../core/log';
import { contentSecurityPolicy, securityHeaders } from '../window/csp';
import { serveStatic } from '../window/static-files';

export interface StaticServerOptions {
  rootDir: string;
  /** "127.0.0.1:<port>", known once the server listens. */
  hostHeader: () => string;
  log: Logger;
}

export const browserHostCsp = (hostHeader: string): string =>
  contentSecurityPolicy({ connectSrc: [`ws://${hostHeader}`] });

export function createStaticHandler(
  opts: StaticServerOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const host = opts.hostHeader();
    const headers = securityHeaders(browserHostCsp(host));
    const send = (status: number, h: Record<string, string>, body: Buffer | null) => {
      res.writeHead(status, h);
      res.end(body ?? undefined);
    };
    if (req.headers.host !== host) {
      opts.log.warn({ status: 421 }, 'browser host: request for a foreign Host refused');
      send(
        421,
        { ...headers, 'Content-Type': 'text/plain; charset=utf-8' },
        Buffer.from('misdirected request\n'),
      );
      return;
    }
    const path = req.url ?? '';
    serveStatic(req.method ?? '', path, { rootDir: opts.rootDir, headers })
      .then((r) => {
        if (r.status >= 400)
          opts.log.warn({ status: r.status, method: req.method }, 'browser host: request refused');
        send(r.status, r.headers, r.body);
      })
      .catch((e: unknown) => {
        opts.log.error({ err: e }, 'browser host: static response failed');
        if (!res.headersSent) send(500, headers, null);
        else res.destroy();
      });
  };
}
