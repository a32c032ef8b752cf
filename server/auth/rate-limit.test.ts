import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { openTempServerFixture } from '../test-support';
import type { TempServerFixture } from '../test-support';
import { createLoginLimiter, LOGIN_LIMITS } from './rate-limit';
import type { LoginLimits } from './rate-limit';

const t0 = 1_000_000;
const attempt = (account: string, address: string) => ({ account, address });

let fx: TempServerFixture;
beforeEach(async () => {
  fx = await openTempServerFixture();
});
afterEach(async () => {
  await fx.cleanup();
});

const limiterOf = (limits: Partial<LoginLimits> = {}) => createLoginLimiter(fx.db, limits);

describe('login limiter, per address', () => {
  it('stops an address after 20 failures over any accounts, until the oldest leaves the window', async () => {
    const limiter = limiterOf();
    for (let i = 0; i < 20; i++) {
      expect(await limiter.retryAfterSeconds(attempt(`user${i}`, 'ip'), t0 + i)).toBe(0);
      await limiter.recordFailure(attempt(`user${i}`, 'ip'), t0 + i);
    }

    expect(await limiter.retryAfterSeconds(attempt('someone-else', 'ip'), t0 + 1000)).toBe(
      15 * 60 - 1,
    );
    expect(await limiter.retryAfterSeconds(attempt('someone-else', 'other-ip'), t0 + 1000)).toBe(0);
    expect(
      await limiter.retryAfterSeconds(attempt('someone-else', 'ip'), t0 + 15 * 60 * 1000),
    ).toBe(0);
  });

  it('is not reset by a success on one account', async () => {
    const limiter = limiterOf({ addressFailures: 2 });
    await limiter.recordFailure(attempt('a', 'ip'), t0);
    await limiter.recordFailure(attempt('b', 'ip'), t0);

    await limiter.recordSuccess(attempt('c', 'ip'));

    expect(await limiter.retryAfterSeconds(attempt('c', 'ip'), t0 + 1)).toBeGreaterThan(0);
  });
});

describe('login limiter, per account', () => {
  /** The waits an account asks for, failing from a new address each time and waiting each out. */
  async function waits(failures: number) {
    const limiter = limiterOf();
    const seen: number[] = [];
    let now = t0;
    for (let i = 0; i < failures; i++) {
      const wait = await limiter.retryAfterSeconds(attempt('officer', `ip${i}`), now);
      seen.push(wait);
      now += wait * 1000;
      await limiter.recordFailure(attempt('officer', `ip${i}`), now);
    }
    return { limiter, seen, now };
  }

  it('lets 5 failures through at once, then doubles the wait from 1 s up to 5 minutes', async () => {
    const { seen } = await waits(18);

    expect(seen).toEqual([0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300, 300]);
  });

  it('never locks: the owner waits at most the cap, then signs in and the failures are forgotten', async () => {
    const { limiter, now } = await waits(40);
    const owner = attempt('officer', 'owner-ip');

    const wait = await limiter.retryAfterSeconds(owner, now);
    expect(wait).toBeLessThanOrEqual(LOGIN_LIMITS.accountMaxDelayMs / 1000);
    expect(await limiter.retryAfterSeconds(owner, now + wait * 1000)).toBe(0);
    await limiter.recordSuccess(owner);
    expect(await limiter.retryAfterSeconds(owner, now + wait * 1000)).toBe(0);
    expect(await limiter.retryAfterSeconds(attempt('officer', 'ip0'), now + wait * 1000)).toBe(0);
  });

  it('forgets an account’s failures a day after the last one', async () => {
    const { limiter, now } = await waits(10);
    expect(await limiter.retryAfterSeconds(attempt('officer', 'x'), now)).toBeGreaterThan(0);

    await limiter.recordFailure(attempt('officer', 'x'), now + 24 * 60 * 60 * 1000);

    expect(
      await limiter.retryAfterSeconds(attempt('officer', 'x'), now + 24 * 60 * 60 * 1000),
    ).toBe(0);
  });
});

it('prunes what no limit needs any more: address failures past the window, accounts past the memory', async () => {
  const limiter = limiterOf();
  await limiter.recordFailure(attempt('a', 'a'), t0);
  await limiter.recordFailure(attempt('b', 'b'), t0 + LOGIN_LIMITS.addressWindowMs);
  expect(await fx.db.selectFrom('login_failures').select('address').execute()).toEqual([
    { address: 'b' },
  ]);

  await limiter.recordFailure(attempt('c', 'c'), t0 + LOGIN_LIMITS.accountMemoryMs);

  const accounts = await fx.db.selectFrom('login_accounts').select('account').execute();
  expect(accounts.map((a) => a.account).sort()).toEqual(['b', 'c']);
});

it('is shared: a second process on the same database sees the failures the first recorded', async () => {
  const other = openDatabase(fx.database);
  try {
    const here = limiterOf({ addressFailures: 2 });
    const there = createLoginLimiter(other, { addressFailures: 2 });
    await here.recordFailure(attempt('a', 'ip'), t0);
    await there.recordFailure(attempt('b', 'ip'), t0 + 1);

    expect(await there.retryAfterSeconds(attempt('c', 'ip'), t0 + 2)).toBeGreaterThan(0);
    expect(await here.retryAfterSeconds(attempt('c', 'ip'), t0 + 2)).toBeGreaterThan(0);
  } finally {
    await other.destroy();
  }
});
