import { useEffect } from 'react';
import type { IdleConfig } from '../stores/idle';
import { selectIdleConfig, useAppStore } from '../stores/app';
import { selectIdleArmed, useSessionStore } from '../stores/session';
import { selectPristine, useUiStore } from '../stores/ui';
import { wipe } from './wipe';

/** Anything a visitor does: touch, mouse, physical keys, on-screen keys (they are pointer events). */
export const ACTIVITY_EVENTS = ['pointerdown', 'touchstart', 'keydown', 'wheel'] as const;

const TICK_MS = 1000;

/**
 * How often the visitor's activity is reported to main at most. Main ends a session whose renderer
 * stays silent past the idle timeout and warning (its backstop for a crashed or hung page); these
 * reports keep a patient who only types on the on-screen keyboard from looking silent.
 */
export const ACTIVITY_REPORT_MS = 30_000;

/** Monotonic, so a wall-clock correction (NTP) neither wipes a visitor early nor keeps a session. */
const monotonicNow = (): number => performance.now();

/** "Continue" in the idle warning: the one action that extends the session. */
export function continueSession(now: () => number = monotonicNow): void {
  useSessionStore
    .getState()
    .idleEvent({ type: 'continue', now: now() }, selectIdleConfig(useAppStore.getState()));
}

/**
 * Runs the idle timer whenever the kiosk is not pristine (someone is using it, even if they only
 * changed the language on the welcome screen). At the end of the warning: a wipe.
 */
export function useIdleWatch(now: () => number = monotonicNow): void {
  const defaults = useAppStore((s) => s.defaults);
  const pristine = useUiStore(selectPristine(defaults));
  const timeoutSeconds = defaults.idleTimeoutSeconds;
  const warningSeconds = defaults.idleWarningSeconds;

  useEffect(() => {
    const config: IdleConfig = { timeoutMs: timeoutSeconds * 1000, warningMs: warningSeconds * 1000 };
    const feed = useSessionStore.getState().idleEvent;
    if (pristine) {
      feed({ type: 'disarm' }, config);
      return undefined;
    }
    feed({ type: 'arm', now: now() }, config);

    let reportedAt = -Infinity;
    const onActivity = (): void => {
      const at = now();
      useSessionStore.getState().idleEvent({ type: 'activity', now: at }, config);
      if (at - reportedAt >= ACTIVITY_REPORT_MS) {
        reportedAt = at;
        useSessionStore.getState().reportActivity();
      }
    };
    const onTick = (): void => {
      const session = useSessionStore.getState();
      // a store reset elsewhere must not leave a used kiosk without its timer
      if (!selectIdleArmed(session)) session.idleEvent({ type: 'arm', now: now() }, config);
      if (session.idleEvent({ type: 'tick', now: now() }, config)) void wipe('idle', { notifyMain: true });
    };
    for (const type of ACTIVITY_EVENTS)
      window.addEventListener(type, onActivity, { capture: true, passive: true });
    const timer = setInterval(onTick, TICK_MS);
    return () => {
      clearInterval(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, [pristine, timeoutSeconds, warningSeconds, now]);
}
