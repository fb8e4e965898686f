import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the scripted server saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  json: unknown;
}

export type ScriptedReply =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | 'drop'
  | { delayMs: number; then: ScriptedReply };

/**
 * A real HTTP server on loopback whose answers a test scripts request by request — used to unit-test
 * the client's wire behaviour (headers, envelopes, error mapping, refresh) before the sandbox is involved.
 */
export async function startScriptedServer(
  handler: (req: SeenRequest) => ScriptedReply | Promise<ScriptedReply>,
) {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://localhost');
      let json: unknown;
      try {
        json = body ? JSON.parse(body) : undefined;
      } catch {
        json = undefined;
      }
      const r: SeenRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
        json,
      };
      seen.push(r);
      const send = async (reply: ScriptedReply): Promise<void> => {
        if (reply === 'drop') {
          req.socket.destroy();
          return;
        }
        if ('delayMs' in reply) {
          await new Promise((ok) => setTimeout(ok, reply.delayMs));
          return send(reply.then);
        }
        const text =
          reply.body === undefined
            ? ''
            : typeof reply.body === 'string'
              ? reply.body
              : JSON.stringify(reply.body);
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(text);
      };
      Promise.resolve(handler(r))
        .then(send)
        .catch(() => {
          res.writeHead(599);
          res.end();
        });
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

export const envelope = (data: unknown, extra: Record<string, unknown> = {}) => ({
  meta: { code: 200, url: 'http://x', type: Array.isArray(data) ? 'list' : 'object', request_id: 'r1' },
  data,
  ...extra,
});

export const errorEnvelope = (status: number, type: string, message: string, invalid?: unknown[]) => ({
  meta: { code: status, url: 'http://x', type: 'object', request_id: 'r-err' },
  error: { type, message, ...(invalid ? { invalid } : {}) },
});
