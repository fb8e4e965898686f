import { describe, expect, it } from 'vitest';
import type { Timers } from '../core/kiosk/timers';
import { pageIdOf, PagePresence, type PageGoneCause } from './page-presence';

function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  const timers: Timers = {
    setTimeout: (fn) => {
      pending.set(next, fn);
      return next++;
    },
    clearTimeout: (h) => pending.delete(h as number),
  };
  return {
    timers,
    pending: () => pending.size,
    fire: () => {
      const all = [...pending.values()];
      pending.clear();
      all.forEach((f) => f());
    },
  };
}

const A = 'page-aaaaaaaa';
const B = 'page-bbbbbbbb';

function presence() {
  const t = manualTimers();
  const lost: PageGoneCause[] = [];
  const p = new PagePresence({ lost: async (c) => void lost.push(c), timers: t.timers });
  const open = async (id: string | null) => {
    await p.arriving(id);
    p.connected(id);
  };
  return { p, t, lost, open };
}

describe('the browser host’s page', () => {
  it('a page that reconnects after a dropped socket keeps its session', async () => {
    const k = presence();
    await k.open(A);
    k.p.disconnected(A);
    expect(k.t.pending()).toBe(1);
    await k.open(A);
    k.t.fire();
    expect(k.lost).toEqual([]);
  });

  it('another page (a reload, a second tab) replaces it: the old page is gone before the new one is served', async () => {
    const k = presence();
    await k.open(A);
    k.p.disconnected(A);
    await k.open(B);
    expect(k.lost).toEqual(['page-reloaded']);
    k.t.fire();
    expect(k.lost).toEqual(['page-reloaded']);
  });

  it('a page that stays away past the grace period was closed', async () => {
    const k = presence();
    await k.open(A);
    await k.open(A); // two sockets of one page
    k.p.disconnected(A);
    expect(k.t.pending()).toBe(0);
    k.p.disconnected(A);
    k.t.fire();
    expect(k.lost).toEqual(['bridge-closed']);
    // the next page starts afresh: nothing more to end
    await k.open(B);
    expect(k.lost).toEqual(['bridge-closed']);
  });

  it('sockets without a page id (tools, tests) are not a page', async () => {
    const k = presence();
    await k.open(A);
    await k.open(null);
    k.p.disconnected(null);
    k.t.fire();
    expect(k.lost).toEqual([]);
    expect(pageIdOf('x')).toBeNull();
    expect(pageIdOf('../../etc/passwd')).toBeNull();
    expect(pageIdOf('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
  });
});
