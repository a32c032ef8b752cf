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
 * Kept in the database (migration 0011: `login_failures`, `login_accounts`),
 * so every API process behind a balancer counts the same failures; rows older
 * than the window (an address's) or the memory (an account's) are pruned as
 * failures are recorded, so a flood of names cannot grow the tables for long.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface LoginAttempt {
  /** The username as typed, lower-cased. */
  account: string;
  address: string;
}

export interface LoginLimiter {
  /** Seconds to wait before this attempt may be checked, else 0. */
  retryAfterSeconds(attempt: LoginAttempt, now: number): Promise<number>;
  recordFailure(attempt: LoginAttempt, now: number): Promise<void>;
  recordSuccess(attempt: LoginAttempt): Promise<void>;
}

export interface LoginLimits {
  addressFailures: number;
  addressWindowMs: number;
  accountFreeFailures: number;
  accountBaseDelayMs: number;
  accountMaxDelayMs: number;
  /** An account's failures are forgotten this long after the last one. */
  accountMemoryMs: number;
}

export const LOGIN_LIMITS: LoginLimits = {
  addressFailures: 20,
  addressWindowMs: 15 * 60 * 1000,
  accountFreeFailures: 5,
  accountBaseDelayMs: 1000,
  accountMaxDelayMs: 5 * 60 * 1000,
  accountMemoryMs: 24 * 60 * 60 * 1000,
};

const iso = (ms: number) => new Date(ms).toISOString();

export function createLoginLimiter(
  db: Kysely<Database>,
  limits: Partial<LoginLimits> = {},
): LoginLimiter {
  const l = { ...LOGIN_LIMITS, ...limits };

  /** The address's failures in the window, newest first (at most the limit's count). */
  const addressWaitMs = async (address: string, now: number) => {
    const recent = await db
      .selectFrom('login_failures')
      .select('at')
      .where('address', '=', address)
      .where('at', '>', iso(now - l.addressWindowMs))
      .orderBy('at', 'desc')
      .limit(l.addressFailures)
      .execute();
    const oldest = recent[l.addressFailures - 1];
    return oldest ? Date.parse(oldest.at) + l.addressWindowMs - now : 0;
  };
  const accountEntry = async (trx: Kysely<Database>, account: string, now: number) => {
    const row = await trx
      .selectFrom('login_accounts')
      .select(['failures', 'last_at'])
      .where('account', '=', account)
      .executeTakeFirst();
    const last = row ? Date.parse(row.last_at) : now;
    return row && now - last < l.accountMemoryMs ? { failures: row.failures, last } : undefined;
  };
  const accountWaitMs = async (account: string, now: number) => {
    const entry = await accountEntry(db, account, now);
    const excess = (entry?.failures ?? 0) - l.accountFreeFailures;
    if (!entry || excess < 0) return 0;
    return entry.last + Math.min(l.accountBaseDelayMs * 2 ** excess, l.accountMaxDelayMs) - now;
  };

  return {
    async retryAfterSeconds({ account, address }, now) {
      const [byAddress, byAccount] = await Promise.all([
        addressWaitMs(address, now),
        accountWaitMs(account, now),
      ]);
      const wait = Math.max(byAddress, byAccount);
      return wait > 0 ? Math.max(1, Math.ceil(wait / 1000)) : 0;
    },
    async recordFailure({ account, address }, now) {
      await db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('login_failures')
          .where('at', '<=', iso(now - l.addressWindowMs))
          .execute();
        await trx
          .insertInto('login_failures')
          .values({ address, at: iso(now) })
          .execute();
        const failures = ((await accountEntry(trx, account, now))?.failures ?? 0) + 1;
        await trx
          .deleteFrom('login_accounts')
          .where('last_at', '<=', iso(now - l.accountMemoryMs))
          .execute();
        await trx
          .insertInto('login_accounts')
          .values({ account, failures, last_at: iso(now) })
          .onConflict((oc) => oc.column('account').doUpdateSet({ failures, last_at: iso(now) }))
          .execute();
      });
    },
    async recordSuccess({ account }) {
      await db.deleteFrom('login_accounts').where('account', '=', account).execute();
    },
  };
}
