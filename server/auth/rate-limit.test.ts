import { describe, expect, it } from 'vitest';
import { createLoginLimiter } from './rate-limit';

describe('login limiter', () => {
  it('locks a key after 5 failures in 15 minutes, until the oldest leaves the window', () => {
    const limiter = createLoginLimiter();
    const t0 = 1_000_000;
    for (let i = 0; i < 5; i++) {
      expect(limiter.retryAfterSeconds('u|ip', t0 + i * 1000)).toBe(0);
      limiter.recordFailure('u|ip', t0 + i * 1000);
    }

    expect(limiter.retryAfterSeconds('u|ip', t0 + 5000)).toBe(15 * 60 - 5);
    expect(limiter.retryAfterSeconds('other|ip', t0 + 5000)).toBe(0);
    expect(limiter.retryAfterSeconds('u|ip', t0 + 15 * 60 * 1000)).toBe(0);
  });

  it('forgets a key after a success', () => {
    const limiter = createLoginLimiter(2, 60_000);
    limiter.recordFailure('k', 0);
    limiter.recordFailure('k', 1);
    expect(limiter.retryAfterSeconds('k', 2)).toBeGreaterThan(0);

    limiter.recordSuccess('k');

    expect(limiter.retryAfterSeconds('k', 3)).toBe(0);
  });

  it('keeps memory bounded by forgetting the oldest key', () => {
    const limiter = createLoginLimiter(1, 60_000, 2);
    limiter.recordFailure('a', 0);
    limiter.recordFailure('b', 0);
    limiter.recordFailure('c', 0);
    expect(limiter.retryAfterSeconds('a', 1)).toBe(0);
    expect(limiter.retryAfterSeconds('c', 1)).toBeGreaterThan(0);
  });
});
