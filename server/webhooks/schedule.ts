/**
 * When a failed delivery is tried again: exponential backoff with full jitter
 * (each wait is a random draw between a floor and the step's ceiling), the
 * ceilings growing 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, 14 h, 20 h and
 * then 20 h each, for as long as three days have not passed since the
 * delivery was made; a failure after that gives up (`failed`). Pure: the
 * times and the random draw come in as arguments.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** The ceiling of the wait after the 1st, 2nd … failed attempt (the last repeats). */
export const RETRY_CEILINGS_MS: readonly number[] = [
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
  14 * HOUR,
  20 * HOUR,
];
/** Retries go on for at least this long after the delivery was made. */
export const RETRY_FOR_MS = 3 * 24 * HOUR;
/** No retry comes sooner than this, so a zero draw never hammers a receiver. */
export const RETRY_FLOOR_MS = 1 * SECOND;

/** The ceiling of the jitter window after `failures` failed attempts (1, 2, 3 …). */
export function retryCeiling(failures: number): number {
  const index = Math.min(Math.max(1, Math.floor(failures)), RETRY_CEILINGS_MS.length) - 1;
  return RETRY_CEILINGS_MS[index] ?? RETRY_FLOOR_MS;
}

/**
 * The next attempt after `failures` failed attempts, the last at `failedAt`,
 * for a delivery made at `createdAt`; undefined once three days have passed
 * (give up). `random` is a draw in [0, 1) (clamped).
 */
export function nextRetryAt(
  createdAt: Date,
  failedAt: Date,
  failures: number,
  random: number,
): Date | undefined {
  if (failedAt.getTime() - createdAt.getTime() > RETRY_FOR_MS) return undefined;
  const draw = Math.min(Math.max(Number.isFinite(random) ? random : 0, 0), 1);
  const wait = Math.max(RETRY_FLOOR_MS, Math.floor(draw * retryCeiling(failures)));
  return new Date(failedAt.getTime() + wait);
}
