import { describe, expect, it } from 'vitest';
import { installVirtualTime, VirtualTime } from './virtual-time';

const T0 = Date.parse('2026-03-02T06:00:00Z');

describe('virtual time', () => {
  it('fires timers in the order of their moments, same moments in the order they were set', () => {
    const vt = new VirtualTime({ start: T0 });
    const fired: string[] = [];
    vt.setTimer(() => fired.push('b@2000'), 2000, [], false);
    vt.setTimer(() => fired.push('a@1000'), 1000, [], false);
    vt.setTimer(() => fired.push('c@2000'), 2000, [], false);
    const dropped = vt.setTimer(() => fired.push('never'), 1500, [], false);
    vt.clear(dropped);
    expect(vt.nextDue()).toBe(T0 + 1000);
    vt.moveTo(T0 + 5000);
    while (vt.fireOne());
    expect(fired).toEqual(['a@1000', 'b@2000', 'c@2000']);
    expect(vt.now).toBe(T0 + 5000);
  });

  it('only fires what is due, repeats intervals and never goes back', () => {
    const vt = new VirtualTime({ start: T0 });
    let ticks = 0;
    vt.setTimer(() => ticks++, 1000, [], true);
    vt.moveTo(T0 + 3500);
    while (vt.fireOne());
    expect(ticks).toBe(3);
    expect(vt.nextDue()).toBe(T0 + 4000);
    vt.moveTo(T0);
    expect(vt.now).toBe(T0 + 3500);
  });

  it('refreshes a timer as Node does, even one that has fired (a tick that re-arms itself)', () => {
    const vt = new VirtualTime({ start: T0 });
    let fired = 0;
    const t = vt.setTimer(() => fired++, 1000, [], false);
    vt.moveTo(T0 + 1000);
    vt.fireOne();
    expect(vt.nextDue()).toBeNull();
    t.refresh();
    expect(vt.nextDue()).toBe(T0 + 2000);
    vt.moveTo(T0 + 1500);
    t.refresh();
    expect(vt.nextDue()).toBe(T0 + 2500);
    vt.moveTo(T0 + 2500);
    vt.fireOne();
    expect(fired).toBe(2);
    expect(vt.pending).toBe(0);
  });

  it('shows the wall clock with its skew, while timers keep to the true time', () => {
    let skew = 0;
    const vt = new VirtualTime({ start: T0, skew: () => skew });
    const t = vt.setTimer(() => undefined, 60_000, [], false);
    skew = 3_600_000;
    expect(vt.wall()).toBe(T0 + 3_600_000);
    expect(vt.nextDue()).toBe(T0 + 60_000);
    expect(t.hasRef()).toBe(true);
    t.unref();
    expect(t.hasRef()).toBe(false);
  });

  it('installs Date and the timers globally (and they can be put back)', () => {
    const saved = {
      Date: globalThis.Date,
      setTimeout: globalThis.setTimeout,
      clearTimeout: globalThis.clearTimeout,
      setInterval: globalThis.setInterval,
      clearInterval: globalThis.clearInterval,
    };
    let fired = 0;
    let now: number;
    let text: string;
    let isDate: boolean;
    let vt: VirtualTime;
    try {
      ({ vt } = installVirtualTime({ start: T0, skew: () => -3_600_000 }));
      setTimeout(() => fired++, 10_000);
      now = Date.now();
      text = new Date().toISOString();
      isDate = new Date() instanceof Date && new saved.Date() instanceof Date;
    } finally {
      Object.assign(globalThis, saved);
    }
    expect(now).toBe(T0 - 3_600_000);
    expect(text).toBe('2026-03-02T05:00:00.000Z');
    expect(isDate).toBe(true);
    expect(fired).toBe(0);
    vt.moveTo(T0 + 10_000);
    vt.fireOne();
    expect(fired).toBe(1);
  });
});
