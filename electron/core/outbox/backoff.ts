export interface BackoffPolicy {
  /** First retry window. */
  baseMs: number;
  /** Longest window. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };

/**
 * Exponential backoff with full jitter: a uniformly random delay in [0, min(cap, base·2^(n-1))).
 * Full jitter spreads the retries of many kiosks after an eHealth outage instead of having them
 * return in lock-step. A `Retry-After` from eHealth is a floor: we never come back earlier.
 */
export function retryDelayMs(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number,
  retryAfterSeconds?: number | null,
): number {
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  const jittered = Math.floor(random() * exp);
  const floor = retryAfterSeconds != null && retryAfterSeconds > 0 ? Math.ceil(retryAfterSeconds * 1000) : 0;
  return Math.max(jittered, floor);
}
