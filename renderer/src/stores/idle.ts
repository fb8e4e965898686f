/**
 * The idle timeout as a pure state machine, so it is tested without React or timers.
 *
 *   disarmed ──arm──▶ counting ──(timeout without activity)──▶ warning ──(warning elapsed)──▶ expired
 *                        ▲  activity restarts the count            │
 *                        └──────────────── continue ───────────────┘
 *
 * Times are milliseconds from a monotonic clock. While the warning is up only "Continue" extends
 * the session (one simple action, WCAG 2.2.1); a stray touch elsewhere does not.
 */
export type IdlePhase = 'disarmed' | 'counting' | 'warning';

export interface IdleState {
  phase: IdlePhase;
  /** When the visitor last did something (ms, monotonic); meaningful unless disarmed. */
  lastActivityAt: number;
  /** Whole seconds left in the warning (shown and announced); 0 unless warning. */
  secondsLeft: number;
}

export interface IdleConfig {
  timeoutMs: number;
  warningMs: number;
}

export type IdleEvent =
  | { type: 'arm'; now: number }
  | { type: 'disarm' }
  | { type: 'activity'; now: number }
  | { type: 'continue'; now: number }
  | { type: 'tick'; now: number };

export interface IdleStep {
  state: IdleState;
  /** True exactly when the warning ran out: the caller wipes the session. */
  expired: boolean;
}

export const initialIdleState: IdleState = { phase: 'disarmed', lastActivityAt: 0, secondsLeft: 0 };

const counting = (now: number): IdleState => ({ phase: 'counting', lastActivityAt: now, secondsLeft: 0 });

export function idleStep(state: IdleState, event: IdleEvent, config: IdleConfig): IdleStep {
  const same = { state, expired: false };
  switch (event.type) {
    case 'arm':
      return state.phase === 'disarmed' ? { state: counting(event.now), expired: false } : same;
    case 'disarm':
      return state.phase === 'disarmed' ? same : { state: initialIdleState, expired: false };
    case 'activity':
      return state.phase === 'counting' ? { state: counting(event.now), expired: false } : same;
    case 'continue':
      return state.phase === 'disarmed' ? same : { state: counting(event.now), expired: false };
    case 'tick': {
      if (state.phase === 'disarmed') return same;
      const idleFor = event.now - state.lastActivityAt;
      if (idleFor < config.timeoutMs) return same;
      const remainingMs = config.timeoutMs + config.warningMs - idleFor;
      if (remainingMs <= 0) return { state: initialIdleState, expired: true };
      const secondsLeft = Math.ceil(remainingMs / 1000);
      if (state.phase === 'warning' && state.secondsLeft === secondsLeft) return same;
      return { state: { ...state, phase: 'warning', secondsLeft }, expired: false };
    }
  }
}

/**
 * The countdown is announced to screen readers every 5 seconds, not every second (too chatty):
 * the live region holds the countdown rounded up to the last mark, so it changes only at a mark.
 */ export const announcedCountdown = (secondsLeft: number, warningSeconds: number): number =>
  Math.min(warningSeconds, Math.ceil(secondsLeft / 5) * 5);
