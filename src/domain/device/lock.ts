/**
 * The phone's lock (issue 18, RELIABILITY.md D5, D6): which PIN the officer
 * may choose, when the app locks, what ten wrong PINs do, and what a phone
 * that has not reached the server for too long may still do. Pure rules: the
 * times come in as arguments.
 */
import { capturesCases } from '../case/station-role';
import { ok, refuse, type Result } from '../result';

/** The brigade's lock settings; the defaults are the issue's. */
export type LockPolicy = {
  /** Minutes without a touch before the app locks (also on app switch). */
  idleMinutes: number;
  /** Hours without contacting the server after which new cases are refused. */
  offlineLimitHours: number;
  /** Wrong PINs in a row after which only an online sign-in unlocks. */
  maxPinAttempts: number;
  /** Wrong supervisor's recovery codes taken beyond the wrong PINs (recovery-code.ts). */
  maxRecoveryAttempts: number;
};

export const DEFAULT_LOCK_POLICY: LockPolicy = {
  idleMinutes: 5,
  offlineLimitHours: 72,
  maxPinAttempts: 10,
  maxRecoveryAttempts: 5,
};

/**
 * What a brigade sets for its officers' phones (its admin, audited): the idle
 * minutes before the lock, the hours without the server before new cases are
 * refused, and whether an officer must set a PIN (so the phone seals) before
 * he may use the app. A phone learns them at each sign-in.
 */
export type PhoneLock = { idleMinutes: number; offlineLimitHours: number; pinRequired: boolean };

/** A brigade's settings until its admin changes them: the PIN required, the times. */
export const DEFAULT_PHONE_LOCK: PhoneLock = {
  idleMinutes: DEFAULT_LOCK_POLICY.idleMinutes,
  offlineLimitHours: DEFAULT_LOCK_POLICY.offlineLimitHours,
  pinRequired: true,
};

/** The bounds an admin may set: a lock within the hour, an offline limit of 8 h to 30 days. */
export const IDLE_MINUTES_RANGE = { min: 1, max: 60 } as const;
export const OFFLINE_LIMIT_HOURS_RANGE = { min: 8, max: 720 } as const;

/**
 * The lock policy on a phone whose officer's brigade set `lock`; the
 * defaults for a phone that has not learnt it (signed in before it existed).
 */
export function lockPolicyOf(lock: PhoneLock | undefined): LockPolicy {
  if (!lock) return DEFAULT_LOCK_POLICY;
  return {
    ...DEFAULT_LOCK_POLICY,
    idleMinutes: lock.idleMinutes,
    offlineLimitHours: lock.offlineLimitHours,
  };
}

/**
 * Whether the brigade's lock makes a user of `role` set a PIN before using
 * the app: required of those who keep cases on the phone (an officer, a
 * station), when the brigade requires it.
 */
export function pinRequiredOf(lock: PhoneLock | undefined, role: string): boolean {
  return lock?.pinRequired === true && capturesCases(role);
}

export const PIN_MIN_DIGITS = 6;
export const PIN_MAX_DIGITS = 12;

export type PinRefusal = 'pin_not_digits' | 'pin_too_short' | 'pin_too_long' | 'pin_guessable';

/**
 * A PIN is 6–12 digits and not one a thief tries first: one digit repeated,
 * a run up or down (123456, 987654, wrapping 890123 too), or a pair or
 * triple repeated (121212, 123123).
 */
export function checkPin(pin: string): Result<string, PinRefusal> {
  if (!/^\d*$/.test(pin)) return refuse('pin_not_digits');
  if (pin.length < PIN_MIN_DIGITS) return refuse('pin_too_short', String(PIN_MIN_DIGITS));
  if (pin.length > PIN_MAX_DIGITS) return refuse('pin_too_long', String(PIN_MAX_DIGITS));
  if (isGuessable(pin)) return refuse('pin_guessable');
  return ok(pin);
}

function isGuessable(pin: string): boolean {
  const d = [...pin].map(Number);
  const steps = d.slice(1).map((x, i) => (x - d[i]! + 10) % 10);
  const sameStep = steps.every((s) => s === steps[0]);
  if (sameStep && (steps[0] === 0 || steps[0] === 1 || steps[0] === 9)) return true;
  return [2, 3].some((n) => pin.length % n === 0 && pin === pin.slice(0, n).repeat(pin.length / n));
}

/** Whether the app should lock now: idle too long, or the page was hidden. */
export function shouldLock(
  policy: LockPolicy,
  at: { now: string; lastActivityAt: string; hidden: boolean },
): boolean {
  if (at.hidden) return true;
  const idleMs = Date.parse(at.now) - Date.parse(at.lastActivityAt);
  return idleMs >= policy.idleMinutes * 60_000;
}

export type PinAttempts = { failed: number };

export type PinOutcome =
  | { kind: 'unlocked'; attempts: PinAttempts }
  | { kind: 'wrong'; attempts: PinAttempts; left: number }
  | { kind: 'online_sign_in_required'; attempts: PinAttempts };

/**
 * What a PIN attempt leads to. A right PIN resets the count; the last wrong
 * one (10 by default) leaves only an online sign-in, which keeps every case
 * (the server-held key unwraps the data key again).
 */
export function afterPinAttempt(
  policy: LockPolicy,
  attempts: PinAttempts,
  right: boolean,
): PinOutcome {
  if (attempts.failed >= policy.maxPinAttempts)
    return { kind: 'online_sign_in_required', attempts };
  if (right) return { kind: 'unlocked', attempts: { failed: 0 } };
  const failed = attempts.failed + 1;
  if (failed >= policy.maxPinAttempts)
    return { kind: 'online_sign_in_required', attempts: { failed } };
  return { kind: 'wrong', attempts: { failed }, left: policy.maxPinAttempts - failed };
}

export type OfflineStanding =
  { kind: 'within'; hoursLeft: number } | { kind: 'new_cases_refused'; sinceHours: number };

/**
 * A phone that has not reached the server for longer than the limit still
 * lets the officer finish and keep every case, but opens no new one until it
 * has signed in again (D6).
 */
export function offlineStanding(
  policy: LockPolicy,
  at: { now: string; lastServerContactAt: string },
): OfflineStanding {
  const hours = (Date.parse(at.now) - Date.parse(at.lastServerContactAt)) / 3_600_000;
  if (hours >= policy.offlineLimitHours)
    return { kind: 'new_cases_refused', sinceHours: Math.floor(hours) };
  return { kind: 'within', hoursLeft: Math.ceil(policy.offlineLimitHours - hours) };
}
