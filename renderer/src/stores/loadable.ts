import type { KioskError, Result } from '#shared/result';

/**
 * The one shape of everything the renderer waits for from main, loads and actions alike:
 *
 * - `idle`: not asked yet (or the screen was left and the answer forgotten);
 * - `loading`: asked, no answer yet (`data` keeps the previous answer, if any, for a reload);
 * - `ready`: answered, `data` holds the answer;
 * - `error`: refused or failed, `error` says why (`data` keeps the previous answer, if any).
 *
 * An action whose answer the store keeps elsewhere (a send, a signature, a save) is an
 * {@link Action}: the same shape with no data. Screens read every one the same way:
 * `status === 'loading'` while waiting, `error` to show, `data` once ready.
 */
export interface Loadable<T> {
  status: 'idle' | 'loading' | 'ready' | 'error';
  data: T | null;
  error: KioskError | null;
}

/** A send, a signature or another action: its progress and error only. */
export type Action = Loadable<null>;

export const idle = <T>(): Loadable<T> => ({ status: 'idle', data: null, error: null });

/** Asked again: the previous answer (when given) stays on screen until the new one comes. */
export const loading = <T>(prev?: Loadable<T>): Loadable<T> => ({
  status: 'loading',
  data: prev?.data ?? null,
  error: null,
});

export const ready = <T>(data: T | null): Loadable<T> => ({ status: 'ready', data, error: null });

export const failed = <T>(error: KioskError, prev?: Loadable<T>): Loadable<T> => ({
  status: 'error',
  data: prev?.data ?? null,
  error,
});

/** The answer to a call: ready with its value, or failed keeping what was shown before. */
export const settled = <T>(r: Result<T>, prev?: Loadable<T>): Loadable<T> =>
  r.ok ? ready(r.value) : failed(r.error, prev);

/** An action that went through (its answer, if any, is kept elsewhere). */
export const succeeded = (): Action => ready(null);

export const isLoading = (l: Loadable<unknown>): boolean => l.status === 'loading';
