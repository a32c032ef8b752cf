/**
 * When to try a failed part again: exponential backoff with full jitter
 * (AWS Architecture Blog, "Exponential Backoff And Jitter"), capped at five
 * minutes as Enketo does, and never sooner than the server's `Retry-After`.
 * Pure: the time and the random draw come in as arguments.
 */

/** The first retry waits up to this long. */
export const BACKOFF_BASE_MS = 2_000;
/** No backoff waits longer than this (RELIABILITY.md: "capped at 5 minutes"). */
export const BACKOFF_CAP_MS = 5 * 60_000;
/** No retry comes sooner than this, so a zero draw never hammers the server. */
export const BACKOFF_FLOOR_MS = 1_000;
/** A `Retry-After` further away than this is shortened to it (a misconfigured proxy must not park the queue for days). */
export const RETRY_AFTER_CAP_MS = 60 * 60_000;

/**
 * The ceiling of the jitter window after `attempts` failures (1, 2, 3 …):
 * base × 2^(attempts−1), at most the cap.
 */
export function backoffCeiling(attempts: number): number {
  const n = Math.max(1, Math.floor(attempts));
  // 2^20 × 2 s is far past the cap; stop doubling before numbers get silly.
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(n - 1, 20));
}

const HTTP_DATE = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,? .*\d{2}:\d{2}:\d{2}( gmt| \d{4})$/i;

/**
 * Milliseconds a `Retry-After` value asks for, relative to `now` (epoch ms):
 * delta-seconds or an HTTP date. Undefined when absent or unreadable.
 */
export function retryAfterMs(retryAfter: string | undefined, now: number): number | undefined {
  if (retryAfter === undefined) return undefined;
  const text = retryAfter.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // HTTP dates (IMF-fixdate and the two obsolete forms) start with a weekday and are in GMT.
  if (!HTTP_DATE.test(text)) return undefined;
  // asctime has no zone but means GMT; Date.parse would read it as local time.
  const at = Date.parse(/\d{4}$/.test(text) ? `${text} GMT` : text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * The epoch ms at which to try again after `attempts` failures.
 * `random` is a draw in [0, 1) (values outside are clamped).
 */
export function nextAttemptAt(
  attempts: number,
  now: number,
  random: number,
  retryAfter?: string,
): number {
  const draw = Math.min(Math.max(Number.isFinite(random) ? random : 0, 0), 1);
  const jittered = Math.max(BACKOFF_FLOOR_MS, Math.floor(draw * backoffCeiling(attempts)));
  const asked = retryAfterMs(retryAfter, now);
  const delay =
    asked === undefined ? jittered : Math.min(Math.max(jittered, asked), RETRY_AFTER_CAP_MS);
  return now + delay;
}
