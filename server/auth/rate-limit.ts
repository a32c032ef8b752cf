/**
 * Login rate limit: at most `max` failures per key (username + address) in a
 * sliding `windowMs`; beyond that, 429 with Retry-After until the oldest
 * failure leaves the window. A success clears the key. Kept in memory: one
 * process (as `npm start` runs) needs nothing more; several API processes
 * behind a balancer would each count apart — move it to the database then.
 */
export interface LoginLimiter {
  /** Seconds to wait when the key is locked out, else 0. */
  retryAfterSeconds(key: string, now: number): number;
  recordFailure(key: string, now: number): void;
  recordSuccess(key: string): void;
}

export const LOGIN_FAILURES_ALLOWED = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export function createLoginLimiter(
  max = LOGIN_FAILURES_ALLOWED,
  windowMs = LOGIN_WINDOW_MS,
  maxKeys = 100_000,
): LoginLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) =>
    (failures.get(key) ?? []).filter((t) => now - t < windowMs);
  return {
    retryAfterSeconds(key, now) {
      const list = recent(key, now);
      if (list.length < max) return 0;
      const oldest = list[list.length - max] ?? now;
      return Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
    },
    recordFailure(key, now) {
      // Bounded memory: forget the oldest key when a flood of usernames arrives.
      if (!failures.has(key) && failures.size >= maxKeys) {
        const first = failures.keys().next();
        if (!first.done) failures.delete(first.value);
      }
      failures.set(key, [...recent(key, now), now]);
    },
    recordSuccess(key) {
      failures.delete(key);
    },
  };
}
