/**
 * The contract over a loopback WebSocket. An upgrade is accepted only on BRIDGE_PATH, for the host's
 * own Host header, from the host's own Origin, with the per-launch token — or, once, with the
 * one-time launch code, which is answered with the token (the page keeps it for reconnects); then
 * every message is parsed, routed with that origin, and answered with a Result. Push events go to
 * every open client.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import {
  BRIDGE_CODE_PARAM,
  BRIDGE_MAX_MESSAGE_BYTES,
  BRIDGE_PAGE_PARAM,
  BRIDGE_PATH,
  BRIDGE_TOKEN_PARAM,
  BridgeCall,
  type BridgeServerMessage,
} from '#shared/bridge-wire';
import { err } from '#shared/result';
import type { EventBus } from '../core/events';
import type { Logger } from '../core/log';
import type { Dispatch } from '../ipc/router';
import { pageIdOf } from './page-presence';

export interface BridgeOptions {
  server: Server;
  dispatch: Dispatch;
  /** What the page may hear (`KioskServices.rendererEvents`), never the bus itself. */
  events: Pick<EventBus, 'subscribeAll'>;
  token: string;
  /** The one-time code the launch URL carries (exchanged for the token once); null: none. */
  launchCode?: string | null;
  /** "127.0.0.1:<port>" */
  hostHeader: () => string;
  log: Logger;
  /** The page showing the kiosk (its id on the URL): told of every socket, asked before accepting one. */
  presence?: {
    arriving(pageId: string | null): Promise<void>;
    connected(pageId: string | null): void;
    disconnected(pageId: string | null): void;
  };
}

export type UpgradeVerdict =
  | { ok: true; origin: string; via: 'token' | 'code' }
  | { ok: false; status: 400 | 401 | 403 | 404 | 421; reason: string };

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** Decides whether an upgrade request may open the bridge. Pure, so each refusal is testable. */
export function verifyUpgrade(
  req: Pick<IncomingMessage, 'url' | 'headers'>,
  expected: { hostHeader: string; token: string; launchCode?: string | null },
): UpgradeVerdict {
  const origin = `http://${expected.hostHeader}`;
  let url: URL;
  try {
    url = new URL(req.url ?? '', origin);
  } catch {
    return { ok: false, status: 400, reason: 'bad request target' };
  }
  if (!(req.url ?? '').startsWith('/') || url.pathname !== BRIDGE_PATH)
    return { ok: false, status: 404, reason: 'no such endpoint' };
  if (req.headers.host !== expected.hostHeader)
    return { ok: false, status: 421, reason: 'foreign Host header' };
  if (req.headers.origin !== origin) return { ok: false, status: 403, reason: 'foreign or missing Origin' };
  const tokens = url.searchParams.getAll(BRIDGE_TOKEN_PARAM);
  const codes = url.searchParams.getAll(BRIDGE_CODE_PARAM);
  if (tokens.length === 1 && codes.length === 0 && sameSecret(tokens[0] as string, expected.token))
    return { ok: true, origin, via: 'token' };
  if (
    codes.length === 1 &&
    tokens.length === 0 &&
    expected.launchCode &&
    sameSecret(codes[0] as string, expected.launchCode)
  )
    return { ok: true, origin, via: 'code' };
  return { ok: false, status: 401, reason: 'missing or wrong token' };
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  421: 'Misdirected Request',
};

function refuseUpgrade(socket: Duplex, status: number): void {
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
  );
  socket.destroy();
}

const textOf = (data: RawData): string =>
  Array.isArray(data)
    ? Buffer.concat(data).toString('utf8')
    : Buffer.from(data as ArrayBuffer).toString('utf8');

export interface Bridge {
  clientCount(): number;
  close(): Promise<void>;
}

export function attachBridge(opts: BridgeOptions): Bridge {
  const { log } = opts;
  let launchCode = opts.launchCode ?? null;
  const wss = new WebSocketServer({ noServer: true, maxPayload: BRIDGE_MAX_MESSAGE_BYTES });

  const send = (ws: WebSocket, message: BridgeServerMessage) => {
    if (ws.readyState !== WebSocket.OPEN) return;
    ws.send(JSON.stringify(message), (e) => {
      if (e) log.warn({ err: e }, 'bridge: message not delivered');
    });
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const verdict = verifyUpgrade(req, { hostHeader: opts.hostHeader(), token: opts.token, launchCode });
    if (!verdict.ok) {
      log.warn({ status: verdict.status, reason: verdict.reason }, 'bridge: connection refused');
      refuseUpgrade(socket, verdict.status);
      return;
    }
    // the launch code works once: whoever comes next with it is refused
    if (verdict.via === 'code') launchCode = null;
    const pageId = pageIdOf(
      new URL(req.url ?? '/', 'http://bridge.invalid').searchParams.get(BRIDGE_PAGE_PARAM),
    );
    const accept = () =>
      wss.handleUpgrade(req, socket, head, (ws) => {
        if (verdict.via === 'code') {
          log.info('bridge: launch code exchanged for the session token');
          send(ws, { type: 'session', token: opts.token });
        }
        serve(ws, verdict.origin, pageId);
      });
    if (!opts.presence) return accept();
    // a new page replaces the old one: the old page's session ends before this socket hears anything
    opts.presence
      .arriving(pageId)
      .catch((e: unknown) => log.error({ err: e }, 'bridge: the previous page could not be ended'))
      .finally(() => {
        if (!socket.destroyed) accept();
      });
  };
  opts.server.on('upgrade', onUpgrade);

  const serve = (ws: WebSocket, origin: string, pageId: string | null) => {
    opts.presence?.connected(pageId);
    ws.on('close', () => opts.presence?.disconnected(pageId));
    ws.on('error', (e) => log.warn({ err: e }, 'bridge: socket error'));
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        send(ws, {
          type: 'result',
          id: null,
          result: err('BAD_REQUEST', 'binary messages are not part of the bridge'),
        });
        return;
      }
      let raw: unknown;
      try {
        raw = JSON.parse(textOf(data));
      } catch {
        send(ws, { type: 'result', id: null, result: err('BAD_REQUEST', 'message is not JSON') });
        return;
      }
      const call = BridgeCall.safeParse(raw);
      if (!call.success) {
        const id = (raw as { id?: unknown } | null)?.id;
        send(ws, {
          type: 'result',
          id: typeof id === 'number' && Number.isSafeInteger(id) ? id : null,
          result: err('BAD_REQUEST', 'message is not a bridge call'),
        });
        return;
      }
      const { id, channel, payload } = call.data;
      // The router never rejects; the catch is the last line of defence for the socket's sake.
      opts
        .dispatch(channel, payload, { origin })
        .catch(() => err('INTERNAL', 'internal error'))
        .then((result) => send(ws, { type: 'result', id, result }));
    });
  };

  const unsubscribe = opts.events.subscribeAll((name, payload) => {
    for (const ws of wss.clients) send(ws, { type: 'event', name, payload });
  });

  return {
    clientCount: () => wss.clients.size,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        opts.server.off('upgrade', onUpgrade);
        for (const ws of wss.clients) ws.terminate();
        wss.close(() => resolve());
      }),
  };
}
