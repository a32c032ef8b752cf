import { describe, expect, it } from 'vitest';
import { createLoginLimiter, LOGIN_LIMITS } from './rate-limit';

const t0 = 1_000_000;
const attempt = (account: string, address: string) => ({ account, address });

describe('login limiter, per address', () => {
  it('stops an address after 20 failures over any accounts, until the oldest leaves the window', () => {
    const limiter = createLoginLimiter();
    for (let i = 0; i < 20; i++) {
      expect(limiter.retryAfterSeconds(attempt(`user${i}`, 'ip'), t0 + i)).toBe(0);
      limiter.recordFailure(attempt(`user${i}`, 'ip'), t0 + i);
    }

    expect(limiter.retryAfterSeconds(attempt('someone-else', 'ip'), t0 + 1000)).toBe(15 * 60 - 1);
    expect(limiter.retryAfterSeconds(attempt('someone-else', 'other-ip'), t0 + 1000)).toBe(0);
    expect(limiter.retryAfterSeconds(attempt('someone-else', 'ip'), t0 + 15 * 60 * 1000)).toBe(0);
  });

  it('is not reset by a success on one account', () => {
    const limiter = createLoginLimiter({ addressFailures: 2 });
    limiter.recordFailure(attempt('a', 'ip'), t0);
    limiter.recordFailure(attempt('b', 'ip'), t0);

    limiter.recordSuccess(attempt('c', 'ip'));

    expect(limiter.retryAfterSeconds(attempt('c', 'ip'), t0 + 1)).toBeGreaterThan(0);
  });
});

describe('login limiter, per account', () => {
  /** The waits an account asks for, failing from a new address each time and waiting each out. */
  function waits(failures: number) {
    const limiter = createLoginLimiter();
    const seen: number[] = [];
    let now = t0;
    for (let i = 0; i < failures; i++) {
      const wait = limiter.retryAfterSeconds(attempt('officer', `ip${i}`), now);
      seen.push(wait);
      now += wait * 1000;
      limiter.recordFailure(attempt('officer', `ip${i}`), now);
    }
    return { limiter, seen, now };
  }

  it('lets 5 failures through at once, then doubles the wait from 1 s up to 5 minutes', () => {
    const { seen } = waits(18);

    expect(seen).toEqual([0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300, 300]);
  });

  it('never locks: the owner waits at most the cap, then signs in and the failures are forgotten', () => {
    const { limiter, now } = waits(40);
    const owner = attempt('officer', 'owner-ip');

    const wait = limiter.retryAfterSeconds(owner, now);
    expect(wait).toBeLessThanOrEqual(LOGIN_LIMITS.accountMaxDelayMs / 1000);
    expect(limiter.retryAfterSeconds(owner, now + wait * 1000)).toBe(0);
    limiter.recordSuccess(owner);
    expect(limiter.retryAfterSeconds(owner, now + wait * 1000)).toBe(0);
    expect(limiter.retryAfterSeconds(attempt('officer', 'ip0'), now + wait * 1000)).toBe(0);
  });

  it('forgets an account’s failures a day after the last one', () => {
    const { limiter, now } = waits(10);
    expect(limiter.retryAfterSeconds(attempt('officer', 'x'), now)).toBeGreaterThan(0);

    limiter.recordFailure(attempt('officer', 'x'), now + 24 * 60 * 60 * 1000);

    expect(limiter.retryAfterSeconds(attempt('officer', 'x'), now + 24 * 60 * 60 * 1000)).toBe(0);
  });
});

it('keeps memory bounded by forgetting the oldest address and account', () => {
  const limiter = createLoginLimiter({ addressFailures: 1, accountFreeFailures: 0, maxKeys: 2 });
  limiter.recordFailure(attempt('a', 'a'), 0);
  limiter.recordFailure(attempt('b', 'b'), 0);
  limiter.recordFailure(attempt('c', 'c'), 0);
  expect(limiter.retryAfterSeconds(attempt('a', 'a'), 1)).toBe(0);
  expect(limiter.retryAfterSeconds(attempt('c', 'c'), 1)).toBeGreaterThan(0);
});
