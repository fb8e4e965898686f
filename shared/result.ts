import type { ErrorCode } from './errors';

/** Errors are values at every boundary: a service never throws across IPC. */
export interface KioskError {
  code: ErrorCode;
  /** English, developer-facing; the renderer shows its own Ukrainian/English text for `code`. */
  message: string;
  /** Structured, non-personal detail (attempts left, seconds until unlock, field names…). */
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: KioskError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const err = (code: ErrorCode, message: string, details?: Record<string, unknown>): Result<never> =>
  details === undefined
    ? { ok: false, error: { code, message } }
    : { ok: false, error: { code, message, details } };

export const isOk = <T>(r: Result<T>): r is { ok: true; value: T } => r.ok;
