import { describe, expect, it } from 'vitest';
import { announcedCountdown, idleStep, initialIdleState } from './idle';
import type { IdleEvent, IdleState } from './idle';

const config = { timeoutMs: 90_000, warningMs: 20_000 };

/** Feeds events in order; returns the final state and whether (and when) it expired. */
function run(events: IdleEvent[], start: IdleState = initialIdleState) {
  let state = start;
  let expiredAt: number | null = null;
  for (const event of events) {
    const step = idleStep(state, event, config);
    state = step.state;
    if (step.expired && expiredAt === null) expiredAt = 'now' in event ? event.now : -1;
  }
  return { state, expiredAt };
}

const ticks = (from: number, to: number, every = 1000): IdleEvent[] =>
  Array.from({ length: Math.floor((to - from) / every) + 1 }, (_, i) => ({
    type: 'tick',
    now: from + i * every,
  }));

describe('idle state machine', () => {
  it('does nothing while disarmed, however long it waits', () => {
    const { state, expiredAt } = run(ticks(0, 500_000));
    expect(state.phase).toBe('disarmed');
    expect(expiredAt).toBeNull();
  });

  it('warns after the timeout and expires after the warning', () => {
    const start: IdleEvent = { type: 'arm', now: 1_000 };
    expect(run([start, ...ticks(1_000, 90_999)]).state.phase).toBe('counting');
    const warned = run([start, ...ticks(1_000, 91_000)]).state;
    expect(warned).toMatchObject({ phase: 'warning', secondsLeft: 20 });
    const { expiredAt, state } = run([start, ...ticks(1_000, 120_000)]);
    expect(expiredAt).toBe(111_000);
    expect(state.phase).toBe('disarmed');
  });

  it('counts the warning down in whole seconds, never below 1', () => {
    const seen: number[] = [];
    let state = idleStep(initialIdleState, { type: 'arm', now: 0 }, config).state;
    for (const event of ticks(90_000, 109_999, 500)) {
      state = idleStep(state, event, config).state;
      if (state.phase === 'warning' && seen[seen.length - 1] !== state.secondsLeft)
        seen.push(state.secondsLeft);
    }
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => 20 - i));
  });

  it('activity restarts the count while counting', () => {
    const { state, expiredAt } = run([
      { type: 'arm', now: 0 },
      ...ticks(0, 80_000),
      { type: 'activity', now: 80_000 },
      ...ticks(80_000, 169_000),
    ]);
    expect(state.phase).toBe('counting');
    expect(expiredAt).toBeNull();
  });

  it('a stray touch during the warning does not extend; only Continue does', () => {
    const warned = run([{ type: 'arm', now: 0 }, ...ticks(0, 95_000)]).state;
    expect(warned.phase).toBe('warning');
    expect(idleStep(warned, { type: 'activity', now: 95_500 }, config).state).toBe(warned);
    const continued = idleStep(warned, { type: 'continue', now: 96_000 }, config).state;
    expect(continued).toEqual({ phase: 'counting', lastActivityAt: 96_000, secondsLeft: 0 });
  });

  it('can be extended again and again (WCAG 2.2.1 asks for at least ten)', () => {
    let state = idleStep(initialIdleState, { type: 'arm', now: 0 }, config).state;
    let now = 0;
    for (let i = 0; i < 12; i += 1) {
      now += 100_000;
      const step = idleStep(state, { type: 'tick', now }, config);
      expect(step.expired).toBe(false);
      expect(step.state.phase).toBe('warning');
      state = idleStep(step.state, { type: 'continue', now }, config).state;
    }
    expect(state.phase).toBe('counting');
  });

  it('expires at once if the page slept through the whole warning', () => {
    const armed = idleStep(initialIdleState, { type: 'arm', now: 0 }, config).state;
    expect(idleStep(armed, { type: 'tick', now: 500_000 }, config).expired).toBe(true);
  });

  it('arming twice keeps the original start; disarming clears everything', () => {
    const armed = idleStep(initialIdleState, { type: 'arm', now: 10 }, config).state;
    expect(idleStep(armed, { type: 'arm', now: 99 }, config).state).toBe(armed);
    expect(idleStep(armed, { type: 'disarm' }, config).state).toEqual(initialIdleState);
  });

  it('returns the same object when nothing changed (no needless re-render)', () => {
    const warned = run([
      { type: 'arm', now: 0 },
      { type: 'tick', now: 90_100 },
    ]).state;
    expect(idleStep(warned, { type: 'tick', now: 90_200 }, config).state).toBe(warned);
  });
});

describe('announcedCountdown', () => {
  it('changes only at the start and at every fifth second', () => {
    const announced = Array.from({ length: 20 }, (_, i) => announcedCountdown(20 - i, 20));
    expect(new Set(announced)).toEqual(new Set([20, 15, 10, 5]));
    expect(announcedCountdown(17, 20)).toBe(20);
    expect(announcedCountdown(15, 20)).toBe(15);
    expect(announcedCountdown(1, 20)).toBe(5);
    expect(announcedCountdown(22, 22)).toBe(22);
  });
});
