import { describe, expect, it } from 'vitest';
import { resetAllStores } from './reset';
import { selectIdleArmed, selectIdleWarningShown, selectSecondsLeft, useSessionStore } from './session';

const config = { timeoutMs: 90_000, warningMs: 20_000 };

describe('session store', () => {
  it('runs the idle machine and reports expiry to the caller', () => {
    const feed = useSessionStore.getState().idleEvent;
    expect(feed({ type: 'arm', now: 0 }, config)).toBe(false);
    expect(selectIdleArmed(useSessionStore.getState())).toBe(true);
    expect(feed({ type: 'tick', now: 93_000 }, config)).toBe(false);
    expect(selectIdleWarningShown(useSessionStore.getState())).toBe(true);
    expect(selectSecondsLeft(useSessionStore.getState())).toBe(17);
    expect(feed({ type: 'tick', now: 110_000 }, config)).toBe(true);
    expect(selectIdleArmed(useSessionStore.getState())).toBe(false);
  });

  it('is reset by resetAllStores', () => {
    useSessionStore.getState().idleEvent({ type: 'arm', now: 0 }, config);
    useSessionStore.getState().idleEvent({ type: 'tick', now: 95_000 }, config);
    resetAllStores();
    expect(useSessionStore.getState().idle.phase).toBe('disarmed');
  });
});
