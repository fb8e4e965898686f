import type { KioskError, Result } from '#shared/result';
import { failed, idle, loading, ready, type Loadable } from '../loadable';
import type { RegistrarSlice, RegistrarStore } from './slice';

/** The confirmations the panel shows after an action (a message key under `registrar.done`). */
export type DoneKey =
  | 'retried'
  | 'discarded'
  | 'syncStarted'
  | 'syncRunning'
  | 'saved'
  | 'trustImported'
  | 'registrarAdded'
  | 'pinChanged';

/**
 * The panel's one action at a time, shared by every slice on purpose: a registrar does one thing at
 * a time, and whichever page is on screen (the panel frame, the PIN screen, the assisted banner)
 * shows the last action's error or confirmation and disables its buttons while one runs. `data` is
 * the confirmation of the last action (null when it has nothing to confirm).
 */
export interface ActivitySlice {
  activity: Loadable<DoneKey>;
  clearMessages(): void;
  /** Shows a mistake the page found itself (a value that is not a number) as the action's error. */
  refuse(error: KioskError): void;
}

export const initialActivity: Pick<ActivitySlice, 'activity'> = { activity: idle() };

export const activitySlice: RegistrarSlice<ActivitySlice> = (set) => ({
  ...initialActivity,
  clearMessages: () => set({ activity: idle() }),
  refuse: (error) => set({ activity: failed(error) }),
});

type Set = (partial: Partial<RegistrarStore>) => void;

/**
 * Runs one panel call as the activity: busy while it runs; an error is kept for the screen, success
 * clears it and shows the confirmation `onOk` returns. A refusal for want of a registrar (idle,
 * signed out elsewhere) makes the screen follow main's registrar state.
 */
export async function runAction<T>(
  set: Set,
  get: () => RegistrarStore,
  call: () => Promise<Result<T>>,
  onOk: (value: T) => DoneKey | void,
): Promise<boolean> {
  set({ activity: loading() });
  const r = await call();
  if (r.ok) {
    const done = onOk(r.value);
    set({ activity: ready(done ?? null) });
    return true;
  }
  set({ activity: failed(r.error) });
  if (r.error.code === 'REGISTRAR_REQUIRED') void get().refreshStatus();
  return false;
}
