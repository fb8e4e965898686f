import { create } from 'zustand';
import type { SessionEndReason } from '#shared/contract/session';
import type { Result } from '#shared/result';
import { callKiosk } from './bridge';
import { idleStep, initialIdleState } from './idle';
import type { IdleConfig, IdleEvent, IdleState } from './idle';
import { registerReset } from './reset';

/**
 * The visitor's session as the renderer sees it: the idle timer. Who is signed in is the sign-in
 * store's (signin.ts); both are wiped with everything else.
 */
export interface SessionState {
  idle: IdleState;
}

export interface SessionActions {
  /** Feeds the idle state machine; returns true when the warning ran out (the caller wipes). */
  idleEvent(event: IdleEvent, config: IdleConfig): boolean;
  /** Tells main the visitor is still there (main's own idle backstop); nothing waits for it. */
  reportActivity(): void;
  /** Asks main to end its side of the session (signer, tokens, partition). */
  endSession(reason: SessionEndReason): Promise<Result<unknown>>;
}

export const initialSessionState: SessionState = { idle: initialIdleState };

export const useSessionStore = create<SessionState & SessionActions>()((set, get) => ({
  ...initialSessionState,
  idleEvent: (event, config) => {
    const step = idleStep(get().idle, event, config);
    if (step.state !== get().idle) set({ idle: step.state });
    return step.expired;
  },
  reportActivity: () => void callKiosk((bridge) => bridge.api.sessionActivity({})),
  endSession: (reason) => callKiosk((bridge) => bridge.api.sessionEnd({ reason })),
}));

registerReset(() => useSessionStore.setState(initialSessionState));

// ── pure selectors ────────────────────────────────────────────────────────────────────────────

export const selectIdleWarningShown = (s: SessionState): boolean => s.idle.phase === 'warning';
export const selectSecondsLeft = (s: SessionState): number => s.idle.secondsLeft;
export const selectIdleArmed = (s: SessionState): boolean => s.idle.phase !== 'disarmed';
