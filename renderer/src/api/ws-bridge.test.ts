import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, EVENT_NAMES } from '#shared/contract';
import { createUnavailableBridge, createWsBridge, type SocketHandlers, type WsBridge } from './ws-bridge';

/** A scripted socket: the test decides when it opens, what arrives and when it closes. */
class ScriptedSocket {
  readonly sent: { type: string; id: number; channel: string; payload: unknown }[] = [];
  closed = false;
  constructor(readonly on: SocketHandlers) {}
  send = (data: string) => {
    this.sent.push(JSON.parse(data));
  };
  close = () => {
    this.closed = true;
  };
  reply(id: number | null, result: unknown) {
    this.on.message(JSON.stringify({ type: 'result', id, result }));
  }
}

let sockets: ScriptedSocket[];
let problems: string[];
let bridge: WsBridge;
const last = () => sockets[sockets.length - 1] as ScriptedSocket;

const make = (extra: Partial<Parameters<typeof createWsBridge>[0]> = {}) =>
  createWsBridge({
    url: 'ws://127.0.0.1:1/bridge?token=t',
    createSocket: (_url, on) => {
      const s = new ScriptedSocket(on);
      sockets.push(s);
      return s;
    },
    reconnectMs: 100,
    maxReconnectMs: 800,
    connectWaitMs: 1_000,
    onProblem: (m) => problems.push(m),
    ...extra,
  });

beforeEach(() => {
  vi.useFakeTimers();
  sockets = [];
  problems = [];
  bridge = make();
});
afterEach(() => {
  bridge.dispose();
  vi.useRealTimers();
});

describe('WebSocket bridge', () => {
  it('has exactly the contract’s functions', () => {
    expect(Object.keys(bridge.api).sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(Object.keys(bridge.events).sort()).toEqual([...EVENT_NAMES].sort());
  });

  it('sends calls with ids and resolves each with its own result', async () => {
    last().on.open();
    const a = bridge.api.appInfo({});
    const b = bridge.api.sessionEnd({ reason: 'idle' });
    const [ca, cb] = last().sent;
    expect(ca).toMatchObject({ type: 'call', channel: 'appInfo', payload: {} });
    expect(cb).toMatchObject({ type: 'call', channel: 'sessionEnd', payload: { reason: 'idle' } });
    expect(ca?.id).not.toBe(cb?.id);
    last().reply(cb?.id ?? -1, { ok: true, value: { ended: false } });
    last().reply(ca?.id ?? -1, { ok: false, error: { code: 'INTERNAL', message: 'x' } });
    await expect(b).resolves.toEqual({ ok: true, value: { ended: false } });
    await expect(a).resolves.toEqual({ ok: false, error: { code: 'INTERNAL', message: 'x' } });
  });

  it('holds calls until the socket opens, and fails them if it never does', async () => {
    const queued = bridge.api.appInfo({});
    expect(last().sent).toHaveLength(0);
    last().on.open();
    expect(last().sent).toHaveLength(1);
    last().reply(last().sent[0]?.id ?? -1, { ok: true, value: 1 });
    await expect(queued).resolves.toEqual({ ok: true, value: 1 });

    last().on.close();
    const stranded = bridge.api.appInfo({});
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(stranded).resolves.toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE' } });
  });

  it('fails calls in flight when the connection drops, and reconnects with backoff', async () => {
    last().on.open();
    const inFlight = bridge.api.appInfo({});
    last().on.close();
    await expect(inFlight).resolves.toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE' } });
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(sockets).toHaveLength(2);
    last().on.close(); // refused again
    await vi.advanceTimersByTimeAsync(199);
    expect(sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(3);
    last().on.open();
    const after = bridge.api.appInfo({});
    last().reply(last().sent[0]?.id ?? -1, { ok: true, value: 'again' });
    await expect(after).resolves.toEqual({ ok: true, value: 'again' });
  });

  it('caps the reconnect delay', async () => {
    for (let i = 0; i < 8; i++) {
      last().on.close();
      await vi.advanceTimersByTimeAsync(800);
    }
    expect(sockets).toHaveLength(9);
  });

  it('keeps retrying when the socket cannot even be created', async () => {
    let fail = true;
    bridge.dispose();
    bridge = make({
      createSocket: (_u, on) => {
        if (fail) throw new Error('SecurityError');
        const s = new ScriptedSocket(on);
        sockets.push(s);
        return s;
      },
    });
    expect(problems).toContain('cannot open the connection to the kiosk');
    fail = false;
    await vi.advanceTimersByTimeAsync(100);
    expect(sockets.length).toBeGreaterThan(0);
  });

  it('turns malformed replies and unserialisable requests into values or reported problems', async () => {
    last().on.open();
    const p = bridge.api.appInfo({});
    last().on.message('not json');
    last().on.message(JSON.stringify({ type: 'result', id: last().sent[0]?.id, result: { ok: 'yes' } }));
    last().on.message(
      JSON.stringify({
        type: 'result',
        id: last().sent[0]?.id,
        result: { ok: false, error: { code: 'NOT_A_CODE', message: '' } },
      }),
    );
    expect(problems.filter((m) => m.startsWith('malformed'))).toHaveLength(3);
    last().reply(last().sent[0]?.id ?? -1, { ok: true, value: null });
    await expect(p).resolves.toEqual({ ok: true, value: null });

    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect((bridge.api.appInfo as (r: unknown) => Promise<unknown>)(cyclic)).resolves.toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    await expect((bridge.api.appInfo as (r: unknown) => Promise<unknown>)({ n: 10n })).resolves.toMatchObject(
      {
        ok: false,
        error: { code: 'BAD_REQUEST' },
      },
    );
  });

  it('delivers valid push events to subscribers only, and isolates a throwing listener', () => {
    last().on.open();
    const got: unknown[] = [];
    bridge.events.sessionEnded(() => {
      throw new Error('listener bug');
    });
    const off = bridge.events.sessionEnded((p) => got.push(p));
    last().on.message(JSON.stringify({ type: 'event', name: 'sessionEnded', payload: { reason: 'idle' } }));
    last().on.message(JSON.stringify({ type: 'event', name: 'sessionEnded', payload: { reason: 'bogus' } }));
    last().on.message(JSON.stringify({ type: 'event', name: 'noSuchEvent', payload: {} }));
    expect(got).toEqual([{ reason: 'idle' }]);
    expect(problems).toEqual([
      'a listener of sessionEnded threw',
      'push event sessionEnded does not match the contract',
      'unknown push event noSuchEvent',
    ]);
    off();
    last().on.message(JSON.stringify({ type: 'event', name: 'sessionEnded', payload: { reason: 'finish' } }));
    expect(got).toHaveLength(1);
  });

  it('ignores a stale socket after reconnecting', async () => {
    const first = last();
    first.on.open();
    first.on.close();
    await vi.advanceTimersByTimeAsync(100);
    last().on.open();
    const p = bridge.api.appInfo({});
    const id = last().sent[0]?.id ?? -1;
    first.on.message(JSON.stringify({ type: 'result', id, result: { ok: true, value: 'stale' } }));
    last().reply(id, { ok: true, value: 'fresh' });
    await expect(p).resolves.toEqual({ ok: true, value: 'fresh' });
  });

  it('on dispose closes the socket, fails pending calls and stops reconnecting', async () => {
    last().on.open();
    const p = bridge.api.appInfo({});
    bridge.dispose();
    expect(last().closed).toBe(true);
    await expect(p).resolves.toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE' } });
    await expect(bridge.api.appInfo({})).resolves.toMatchObject({
      ok: false,
      error: { code: 'NOT_AVAILABLE' },
    });
    last().on.close();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sockets).toHaveLength(1);
  });
});

describe('unavailable bridge', () => {
  it('answers every channel with NOT_AVAILABLE and accepts subscriptions', async () => {
    const b = createUnavailableBridge('no token');
    for (const name of CHANNEL_NAMES)
      await expect((b.api[name] as (r: unknown) => Promise<unknown>)({})).resolves.toEqual({
        ok: false,
        error: { code: 'NOT_AVAILABLE', message: 'no token' },
      });
    for (const name of EVENT_NAMES)
      expect((b.events[name] as (l: () => void) => () => void)(() => undefined)).toBeTypeOf('function');
  });
});
