/**
 * Login rate limits, two of them, counted apart:
 *  - per address: at most `addressFailures` failed sign-ins (over every
 *    account) in a sliding `addressWindowMs`, so one address cannot try a
 *    password on many accounts;
 *  - per account: after `accountFreeFailures` failures (from anywhere) each
 *    further try waits, 1 s doubling to at most `accountMaxDelayMs`, so
 *    guessing one account from many addresses is slow — and since the wait is
 *    bounded, nobody can lock an officer out for longer than that.
 * A success forgets the account's failures, not the address's. The address is
 * the client's as Fastify sees it: behind a reverse proxy, set TRUST_PROXY or
 * every client counts as the proxy.
 *
 * Kept in memory: one process (as `npm start` runs) needs nothing more;
 * several API processes behind a balancer would each count apart — move it
 * to the database then.
 */
export interface LoginAttempt {
  /** The username as typed, lower-cased. */
  account: string;
  address: string;
}

export interface LoginLimiter {
  /** Seconds to wait before this attempt may be checked, else 0. */
  retryAfterSeconds(attempt: LoginAttempt, now: number): number;
  recordFailure(attempt: LoginAttempt, now: number): void;
  recordSuccess(attempt: LoginAttempt): void;
}

export interface LoginLimits {
  addressFailures: number;
  addressWindowMs: number;
  accountFreeFailures: number;
  accountBaseDelayMs: number;
  accountMaxDelayMs: number;
  /** An account's failures are forgotten this long after the last one. */
  accountMemoryMs: number;
  /** Bound on the addresses and accounts remembered (the oldest go first). */
  maxKeys: number;
}

export const LOGIN_LIMITS: LoginLimits = {
  addressFailures: 20,
  addressWindowMs: 15 * 60 * 1000,
  accountFreeFailures: 5,
  accountBaseDelayMs: 1000,
  accountMaxDelayMs: 5 * 60 * 1000,
  accountMemoryMs: 24 * 60 * 60 * 1000,
  maxKeys: 100_000,
};

/** A map that forgets its oldest key when full, so a flood of names cannot grow memory. */
function boundedSet<V>(map: Map<string, V>, maxKeys: number, key: string, value: V): void {
  if (!map.has(key) && map.size >= maxKeys) {
    const first = map.keys().next();
    if (!first.done) map.delete(first.value);
  }
  map.set(key, value);
}

export function createLoginLimiter(limits: Partial<LoginLimits> = {}): LoginLimiter {
  const l = { ...LOGIN_LIMITS, ...limits };
  const byAddress = new Map<string, number[]>();
  const byAccount = new Map<string, { failures: number; last: number }>();

  const addressFailures = (address: string, now: number) =>
    (byAddress.get(address) ?? []).filter((t) => now - t < l.addressWindowMs);
  const accountEntry = (account: string, now: number) => {
    const entry = byAccount.get(account);
    return entry && now - entry.last < l.accountMemoryMs ? entry : { failures: 0, last: now };
  };

  const addressWaitMs = (address: string, now: number) => {
    const list = addressFailures(address, now);
    if (list.length < l.addressFailures) return 0;
    const oldest = list[list.length - l.addressFailures] ?? now;
    return oldest + l.addressWindowMs - now;
  };
  const accountWaitMs = (account: string, now: number) => {
    const { failures, last } = accountEntry(account, now);
    const excess = failures - l.accountFreeFailures;
    if (failures === 0 || excess < 0) return 0;
    return last + Math.min(l.accountBaseDelayMs * 2 ** excess, l.accountMaxDelayMs) - now;
  };

  return {
    retryAfterSeconds({ account, address }, now) {
      const wait = Math.max(addressWaitMs(address, now), accountWaitMs(account, now));
      return wait > 0 ? Math.max(1, Math.ceil(wait / 1000)) : 0;
    },
    recordFailure({ account, address }, now) {
      boundedSet(byAddress, l.maxKeys, address, [...addressFailures(address, now), now]);
      const entry = accountEntry(account, now);
      boundedSet(byAccount, l.maxKeys, account, { failures: entry.failures + 1, last: now });
    },
    recordSuccess({ account }) {
      byAccount.delete(account);
    },
  };
}
