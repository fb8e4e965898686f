import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallOutcome } from '../ehealth/client';
import { startScriptedServer, type ScriptedReply } from '../ehealth/scripted-server.test-support';
import { ConnectivityMonitor, httpProbe, type Timers } from './connectivity';

/** Timers the test fires by hand: no waiting on the clock. */
function manualTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      pending.set(next, { fn, ms });
      return next++;
    },
    clearTimeout: (h) => pending.delete(h as number),
  };
  return {
    timers,
    pendingDelays: () => [...pending.values()].map((p) => p.ms),
    fireAll: () => {
      const all = [...pending.values()];
      pending.clear();
      all.forEach((p) => p.fn());
    },
  };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

describe('ConnectivityMonitor', () => {
  it('goes offline only when the probe confirms a failed call, and back online when the probe answers', async () => {
    let probeAnswer: CallOutcome = 'ok';
    const t = manualTimers();
    const m = new ConnectivityMonitor({
      probe: async () => probeAnswer,
      timers: t.timers,
      onlineProbeMs: 30_000,
      recoveryProbeMs: 1_000,
    });
    const seen: string[] = [];
    m.onChange((s) => seen.push(s));
    m.start();
    await vi.waitFor(() => expect(t.pendingDelays()).toEqual([30_000]));
    expect(m.state()).toBe('online');

    // one dropped call, but the probe still gets through: stays usable
    m.report('network-error');
    await vi.waitFor(() => expect(m.state()).toBe('online'));
    expect(seen).toEqual(['degraded', 'online']);

    probeAnswer = 'network-error';
    m.report('network-error');
    await vi.waitFor(() => expect(m.state()).toBe('offline'));
    // while offline it probes every second
    await vi.waitFor(() => expect(t.pendingDelays()).toEqual([1_000]));
    probeAnswer = 'ok';
    t.fireAll();
    await vi.waitFor(() => expect(m.state()).toBe('online'));
    expect(seen).toEqual(['degraded', 'online', 'degraded', 'offline', 'online']);
    m.stop();
    expect(t.pendingDelays()).toEqual([]);
  });

  it('server errors make it degraded, a successful call makes it online', () => {
    const m = new ConnectivityMonitor({ probe: async () => 'ok', timers: manualTimers().timers });
    m.report('server-error');
    expect(m.state()).toBe('degraded');
    m.report('ok');
    expect(m.state()).toBe('online');
  });

  it('httpProbe: any answer below 500 is ok, 5xx/429 degraded, no answer offline', async () => {
    let reply: ScriptedReply = { status: 404, body: 'nope' };
    const srv = await startScriptedServer(() => reply);
    closers.push(srv.close);
    // generous timeout: a loaded test machine must not turn a slow answer into "offline"
    const probe = httpProbe((u, i) => fetch(u, i), `${srv.baseUrl}/`, 5_000);
    expect(await probe()).toBe('ok');
    reply = { status: 503 };
    expect(await probe()).toBe('server-error');
    reply = { status: 429 };
    expect(await probe()).toBe('server-error');
    reply = 'drop';
    expect(await probe()).toBe('network-error');
    // an answer that never comes in time is the same as none
    reply = { delayMs: 10_000, then: { status: 200 } };
    expect(await httpProbe((u, i) => fetch(u, i), `${srv.baseUrl}/`, 300)()).toBe('network-error');
  });
});
