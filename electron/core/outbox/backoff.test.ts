import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff';

const policy = { baseMs: 100, capMs: 10_000 };

describe('retryDelayMs', () => {
  it('grows exponentially to the cap and spans the whole window (full jitter)', () => {
    expect(retryDelayMs(1, policy, () => 0.999999)).toBe(99);
    expect(retryDelayMs(4, policy, () => 0.999999)).toBe(799);
    expect(retryDelayMs(30, policy, () => 0.999999)).toBe(9_999);
    expect(retryDelayMs(30, policy, () => 0)).toBe(0);
    expect(retryDelayMs(3, policy, () => 0.5)).toBe(200);
  });

  it('never comes back before Retry-After', () => {
    expect(retryDelayMs(1, policy, () => 0, 7)).toBe(7_000);
    expect(retryDelayMs(30, policy, () => 0.999999, 2)).toBe(9_999);
  });

  it('always stays within [0, cap] or the Retry-After floor', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000 }),
        fc.double({ min: 0, max: 0.9999999, noNaN: true }),
        (n, r) => {
          const d = retryDelayMs(n, policy, () => r);
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThan(policy.capMs);
        },
      ),
    );
  });
});
