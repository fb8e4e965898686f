import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { SandboxState } from '../state';
import type { Front } from './exchange';
import { IdempotencyStore } from './idempotency';
import { runFront } from './pipeline';
import { Recorder } from './recorder';
import type { Router } from './router';

export interface ServerOptions {
  eHealth: Router;
  tools: Router;
  record?: string;
}

/**
 * The sandbox's HTTP server: sockets and keep-alive; each request goes through the front's stages
 * (http/pipeline.ts). Anything a stage throws that is not eHealth's error is a 500.
 */
export function createSandboxServer(state: SandboxState, opts: ServerOptions): Server {
  const front: Front = {
    state,
    eHealth: opts.eHealth,
    tools: opts.tools,
    idempotency: new IdempotencyStore(state.db, state.bootId),
    recorder: opts.record ? new Recorder(opts.record) : null,
  };
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    const out = {
      send(status: number, headers: Record<string, string>, body: Buffer | Uint8Array | null) {
        res.writeHead(status, headers);
        res.end(body ?? undefined);
      },
      drop: () => void req.socket.destroy(),
    };
    runFront(req, front, out).catch((e: unknown) => {
      state.log.error({ err: e instanceof Error ? e.message : String(e) }, 'request failed');
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(
          JSON.stringify({
            meta: { code: 500, url: '', type: 'object', request_id: '' },
            error: { type: 'internal_error', message: 'Internal error' },
          }),
        );
      } else res.destroy();
    });
  });
  // Clients (undici's fetch) keep idle sockets for a few seconds and may reuse one after a long
  // busy stretch of their event loop; a server that closes idle sockets sooner than any client
  // would races that reuse ("other side closed"). Real gateways keep idle connections far longer.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('close', () => sockets.forEach((s) => s.destroy()));
  return server;
}
