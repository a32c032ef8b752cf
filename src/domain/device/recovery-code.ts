/**
 * The supervisor's recovery code (issue 18): a one-time secret per officer
 * and phone, held by the server and read out by the duty supervisor over a
 * voice call, that opens the officer's data key on the phone offline when
 * his PIN is forgotten or spent by ten wrong tries. Pure rules: what a typed
 * code must look like, how it is read out, and how many wrong ones a phone
 * takes.
 *
 * Figures. 16 digits: 15 random and a Luhn check digit, so a misheard or
 * mistyped digit (and most swapped neighbours) is caught on the phone before
 * a try is spent. 15 random digits are 10^15 ≈ 2^50 codes. The phone wraps
 * its data key with PBKDF2-SHA-256 of the code at the PIN's cost (600,000
 * iterations, src/platform/vault/crypto.ts): a thief who copies the phone's
 * storage and guesses off the phone at some 15,000 guesses a second on a
 * current GPU (about 9·10^9 HMAC-SHA-256 a second) needs 10^15 / 15,000 s ≈
 * 2,100 GPU-years for the whole space, half of it on average. A 6-digit PIN
 * falls to the same GPU in about a minute, so the code is not the weak link
 * of the keyring; on the phone itself the counter below stops guessing long
 * before.
 */
import { ok, refuse, type Result } from '../result';
import type { LockPolicy, PinAttempts } from './lock';

export const RECOVERY_CODE_DIGITS = 16;

export type RecoveryCodeRefusal =
  'code_not_digits' | 'code_too_short' | 'code_too_long' | 'code_mistyped';

/** Whether the digits pass the Luhn check (the last digit checks the others). */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** The 16-digit code for 15 random digits: they and their Luhn check digit. */
export function recoveryCodeFrom(randomDigits: string): string {
  if (!/^\d{15}$/.test(randomDigits)) throw new RangeError('15 digits expected');
  const check = [...'0123456789'].find((c) => luhnValid(randomDigits + c));
  return randomDigits + check;
}

/**
 * A code as the officer typed it from the supervisor's voice: spaces and
 * dashes between the groups are dropped; then 16 digits that pass the
 * check digit. The detail of a length refusal is the digits counted.
 */
export function checkRecoveryCode(typed: string): Result<string, RecoveryCodeRefusal> {
  const digits = typed.replace(/[\s-]/g, '');
  if (!/^\d*$/.test(digits)) return refuse('code_not_digits');
  if (digits.length < RECOVERY_CODE_DIGITS) return refuse('code_too_short', String(digits.length));
  if (digits.length > RECOVERY_CODE_DIGITS) return refuse('code_too_long', String(digits.length));
  if (!luhnValid(digits)) return refuse('code_mistyped');
  return ok(digits);
}

/** The code in four groups of four, as it is shown and read out: `1234 5678 9012 3456`. */
export function formatRecoveryCode(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

export type RecoveryOutcome =
  | { kind: 'recovered'; attempts: PinAttempts }
  | { kind: 'wrong'; attempts: PinAttempts; left: number }
  | { kind: 'online_sign_in_required'; attempts: PinAttempts };

/** How many tries of a code are left: wrong PINs and wrong codes count alike. */
export function recoveryTriesLeft(policy: LockPolicy, attempts: PinAttempts): number {
  return Math.max(0, policy.maxPinAttempts + policy.maxRecoveryAttempts - attempts.failed);
}

/**
 * What a try of a recovery code leads to. A wrong code counts like a wrong
 * PIN, on the same count; codes are still taken after the tenth wrong PIN
 * (that is when they are needed), up to `maxRecoveryAttempts` more wrong
 * tries in all; then only an online sign-in opens the phone. A right code
 * resets the count.
 */
export function afterRecoveryAttempt(
  policy: LockPolicy,
  attempts: PinAttempts,
  right: boolean,
): RecoveryOutcome {
  if (recoveryTriesLeft(policy, attempts) === 0)
    return { kind: 'online_sign_in_required', attempts };
  if (right) return { kind: 'recovered', attempts: { failed: 0 } };
  const next = { failed: attempts.failed + 1 };
  const left = recoveryTriesLeft(policy, next);
  return left === 0
    ? { kind: 'online_sign_in_required', attempts: next }
    : { kind: 'wrong', attempts: next, left };
}
