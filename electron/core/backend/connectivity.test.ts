import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallOutcome } from '../ehealth/client';
import { startScriptedServer, type ScriptedReply } from '../ehealth/scripted-server.test-support';
import { ConnectivityMonitor, httpProbe } from './connectivity';
import type { Timers } from '../kiosk/timers';

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

  it('httpProbe: eHealth’s answer below 500 is ok, 5xx/429 degraded, a login page captive portal, no answer offline', async () => {
    let reply: ScriptedReply = { status: 404, body: 'nope' };
    const loginPage: ScriptedReply = {
      status: 200,
      body: '<html><form>Wi-Fi login</form></html>',
      headers: { 'content-type': 'text/html' },
    };
    const srv = await startScriptedServer((r) => (r.path === '/login' ? loginPage : reply));
    closers.push(srv.close);
    // generous timeout: a loaded test machine must not turn a slow answer into "offline"
    const probe = httpProbe((u, i) => fetch(u, i), `${srv.baseUrl}/`, 5_000);
    expect(await probe()).toEqual({ outcome: 'ok' });
    reply = { status: 503 };
    expect(await probe()).toEqual({ outcome: 'server-error', cause: 'server-error' });
    reply = { status: 429 };
    expect(await probe()).toEqual({ outcome: 'server-error', cause: 'rate-limited' });
    reply = loginPage;
    expect(await probe()).toEqual({ outcome: 'not-ehealth', cause: 'captive-portal' });
    // a redirect to the portal's login page (followed or not, it is not eHealth)
    reply = { status: 302, headers: { location: `${srv.baseUrl}/login` } };
    expect(await probe()).toEqual({ outcome: 'not-ehealth', cause: 'captive-portal' });
    reply = 'drop';
    expect(await probe()).toMatchObject({ outcome: 'network-error', cause: 'unreachable' });
    // an answer that never comes in time is the same as none
    reply = { delayMs: 10_000, then: { status: 200 } };
    expect(await httpProbe((u, i) => fetch(u, i), `${srv.baseUrl}/`, 300)()).toEqual({
      outcome: 'network-error',
      cause: 'timeout',
    });
    // a name that does not resolve, a certificate that is not eHealth's (as fetch reports them)
    const failing = (code: string) => async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });
    };
    expect(await httpProbe(failing('ENOTFOUND'), 'https://ehealth.invalid/')()).toEqual({
      outcome: 'network-error',
      cause: 'dns',
    });
    expect(await httpProbe(failing('DEPTH_ZERO_SELF_SIGNED_CERT'), 'https://ehealth.invalid/')()).toEqual({
      outcome: 'network-error',
      cause: 'tls',
    });
  });

  it('a captive portal keeps the link degraded with its cause until eHealth itself answers a call', async () => {
    const t = manualTimers();
    const m = new ConnectivityMonitor({ probe: async () => ({ outcome: 'ok' }), timers: t.timers });
    const seen: [string, string | null][] = [];
    m.onChange((s, c) => seen.push([s, c]));
    m.start();
    await vi.waitFor(() => expect(t.pendingDelays()).toEqual([30_000]));
    m.report('not-ehealth', 'captive-portal');
    expect([m.state(), m.cause()]).toEqual(['degraded', 'captive-portal']);
    // the probe's own path gets through, but the calls do not reach eHealth: still degraded
    t.fireAll();
    await vi.waitFor(() => expect(t.pendingDelays()).toEqual([1_000]));
    expect([m.state(), m.cause()]).toEqual(['degraded', 'captive-portal']);
    m.report('ok');
    expect([m.state(), m.cause()]).toEqual(['online', null]);
    expect(seen).toEqual([
      ['degraded', 'captive-portal'],
      ['online', null],
    ]);
    m.stop();
  });
});
