/**
 * `KioskBridge` over the browser host's WebSocket: the same api/events shape as the Electron preload.
 * Calls carry ids and resolve with the host's Result; every failure (not connected, connection lost,
 * malformed reply, unserialisable request) is a Result error value — never a throw or a rejection.
 * The socket reconnects with backoff; calls made while it is down wait for it, up to a limit.
 *
 * No DOM globals here: the socket is created through a factory, so the same code runs against a
 * real host from Node tests (with the `ws` package) and in the page (with the browser's WebSocket).
 */
import { BridgeServerMessage, type BridgeCall } from '#shared/bridge-wire';
import {
  CHANNEL_NAMES,
  EVENT_NAMES,
  events as eventSchemas,
  type EventName,
  type KioskApi,
  type KioskBridge,
  type KioskEvents,
} from '#shared/contract';
import { err, type Result } from '#shared/result';

export interface SocketHandlers {
  open(): void;
  message(data: unknown): void;
  /** Called once per socket, also when it never opened. */
  close(): void;
}

export interface BridgeSocket {
  send(data: string): void;
  close(): void;
}

export type SocketFactory = (url: string, on: SocketHandlers) => BridgeSocket;

export interface WsBridgeOptions {
  /** Where to connect; asked again before every reconnect (the first URL may carry a one-time code). */
  url: string | (() => string);
  /** The host answered a launch code with the session token (keep it for the next connections). */
  onSession?: (token: string) => void;
  createSocket: SocketFactory;
  /** First reconnect delay; doubles up to `maxReconnectMs`. */
  reconnectMs?: number;
  maxReconnectMs?: number;
  /** How long a call waits for a connection before it fails with NOT_AVAILABLE. */
  connectWaitMs?: number;
  /** Where problems that are nobody's Result go (a listener that threw, a malformed push). */
  onProblem?: (message: string, detail?: unknown) => void;
}

export interface WsBridge extends KioskBridge {
  /** Closes the socket for good; pending calls resolve with NOT_AVAILABLE. */
  dispose(): void;
}

interface Pending {
  resolve: (r: Result<unknown>) => void;
  message: string;
  sent: boolean;
  timer: ReturnType<typeof setTimeout> | null;
}

const notAvailable = (message: string): Result<never> => err('NOT_AVAILABLE', message);

export function createWsBridge(opts: WsBridgeOptions): WsBridge {
  const reconnectMs = opts.reconnectMs ?? 250;
  const maxReconnectMs = opts.maxReconnectMs ?? 5_000;
  const connectWaitMs = opts.connectWaitMs ?? 15_000;
  const problem = opts.onProblem ?? ((m, d) => console.error(`kiosk bridge: ${m}`, d ?? ''));

  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let socket: BridgeSocket | null = null;
  let open = false;
  let disposed = false;
  let attempt = 0;
  let nextId = 1;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;

  const settle = (id: number, result: Result<unknown>) => {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    if (p.timer) clearTimeout(p.timer);
    p.resolve(result);
  };

  const transmit = (id: number, p: Pending) => {
    try {
      socket?.send(p.message);
      p.sent = true;
      if (p.timer) clearTimeout(p.timer);
      p.timer = null;
    } catch {
      settle(id, notAvailable('the request could not be sent to the kiosk'));
    }
  };

  const onMessage = (data: unknown) => {
    let parsed: BridgeServerMessage;
    try {
      const msg = BridgeServerMessage.safeParse(JSON.parse(String(data)));
      if (!msg.success) throw new Error('unexpected shape');
      parsed = msg.data;
    } catch (e) {
      problem('malformed message from the host', e);
      return;
    }
    if (parsed.type === 'result') {
      if (parsed.id === null) problem('the host refused a message', parsed.result);
      else settle(parsed.id, parsed.result as Result<unknown>);
      return;
    }
    if (parsed.type === 'session') {
      opts.onSession?.(parsed.token);
      return;
    }
    const name = parsed.name as EventName;
    if (!(EVENT_NAMES as readonly string[]).includes(name)) {
      problem(`unknown push event ${parsed.name.slice(0, 64)}`);
      return;
    }
    const payload = eventSchemas[name].safeParse(parsed.payload);
    if (!payload.success) {
      problem(`push event ${name} does not match the contract`);
      return;
    }
    for (const l of [...(listeners.get(name) ?? [])]) {
      try {
        l(payload.data);
      } catch (e) {
        problem(`a listener of ${name} threw`, e);
      }
    }
  };

  const scheduleReconnect = () => {
    if (disposed || reconnectTimer) return;
    const delay = Math.min(maxReconnectMs, reconnectMs * 2 ** attempt++);
    reconnectTimer = setTimeout(connect, delay);
  };

  function connect(): void {
    reconnectTimer = null;
    if (disposed) return;
    // Each socket gets its own handlers; events of a socket that is no longer current are ignored.
    const state = { socket: null as BridgeSocket | null, closed: false };
    const isCurrent = () => state.socket !== null && socket === state.socket;
    const handlers: SocketHandlers = {
      open: () => {
        if (disposed || !isCurrent()) return;
        open = true;
        attempt = 0;
        for (const [id, p] of pending) if (!p.sent) transmit(id, p);
      },
      message: (data) => {
        if (isCurrent()) onMessage(data);
      },
      close: () => {
        if (state.closed) return;
        const wasCurrent = state.socket === null || isCurrent();
        state.closed = true;
        if (!wasCurrent) return;
        open = false;
        socket = null;
        for (const [id, p] of [...pending])
          if (p.sent)
            settle(
              id,
              notAvailable(
                'the connection to the kiosk was lost; the request may or may not have been carried out',
              ),
            );
        scheduleReconnect();
      },
    };
    try {
      const created = opts.createSocket(typeof opts.url === 'string' ? opts.url : opts.url(), handlers);
      if (state.closed) return; // it failed while being created; close() already scheduled a retry
      state.socket = created;
      socket = created;
    } catch (e) {
      problem('cannot open the connection to the kiosk', e);
      scheduleReconnect();
    }
  }

  const call = (channel: string, payload: unknown): Promise<Result<unknown>> =>
    new Promise((resolve) => {
      if (disposed) {
        resolve(notAvailable('the kiosk bridge is closed'));
        return;
      }
      const id = nextId++;
      let message: string;
      try {
        message = JSON.stringify({ type: 'call', id, channel, payload } satisfies BridgeCall);
      } catch {
        resolve(err('BAD_REQUEST', 'the request cannot be serialised'));
        return;
      }
      const p: Pending = { resolve, message, sent: false, timer: null };
      pending.set(id, p);
      if (open && socket) transmit(id, p);
      else p.timer = setTimeout(() => settle(id, notAvailable('the kiosk is not reachable')), connectWaitMs);
    });

  const api = Object.fromEntries(
    CHANNEL_NAMES.map((name) => [name, (request: unknown) => call(name, request)]),
  ) as unknown as KioskApi;

  const eventFns = Object.fromEntries(
    EVENT_NAMES.map((name) => [
      name,
      (listener: (payload: unknown) => void) => {
        const set = listeners.get(name) ?? new Set();
        listeners.set(name, set);
        set.add(listener);
        return () => {
          set.delete(listener);
        };
      },
    ]),
  ) as unknown as KioskEvents;

  connect();

  return {
    api,
    events: eventFns,
    dispose() {
      if (disposed) return;
      disposed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      const s = socket;
      socket = null;
      open = false;
      for (const id of [...pending.keys()]) settle(id, notAvailable('the kiosk bridge is closed'));
      try {
        s?.close();
      } catch (e) {
        problem('closing the connection failed', e);
      }
    },
  };
}

/** A bridge that answers every call with NOT_AVAILABLE (e.g. the page was opened without a token). */
export function createUnavailableBridge(reason: string): KioskBridge {
  const api = Object.fromEntries(
    CHANNEL_NAMES.map((name) => [name, async () => notAvailable(reason)]),
  ) as unknown as KioskApi;
  const events = Object.fromEntries(
    EVENT_NAMES.map((name) => [name, () => () => undefined]),
  ) as unknown as KioskEvents;
  return { api, events };
}
