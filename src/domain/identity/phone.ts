/**
 * Mainland China mobile numbers: 11 digits, `1` then 3–9. Accepts the
 * country code as +86, 0086 or a bare 86 in front of the 11 digits, and
 * spaces, hyphens, dots and brackets between digits; returns the 11 digits.
 */
import { fail, toHalfWidth, type FieldFailure } from './check-result';

export type PhoneReason =
  | 'phone.missing'
  | 'phone.bad-character'
  | 'phone.not-mainland'
  | 'phone.too-short'
  | 'phone.too-long'
  | 'phone.bad-prefix';

export interface PhoneOk {
  readonly ok: true;
  /** 11 digits, no country code. */
  readonly value: string;
}

export type PhoneCheck = PhoneOk | FieldFailure<'phone', PhoneReason>;

/** Removes separators and the mainland country code (+86, 0086, 86). */
export function normalisePhone(input: string): string {
  const compact = toHalfWidth(input).replace(/[\s\-.()]/g, '');
  const national = compact.replace(/^(\+86|0086)/, '');
  return /^861\d{10}$/.test(national) ? national.slice(2) : national;
}

/** Checks a mainland mobile number and returns its 11 digits. */
export function validatePhone(input: string): PhoneCheck {
  const value = normalisePhone(input);
  if (value === '') return fail('phone', 'phone.missing');
  // Another country code (+852 Hong Kong, 00853 Macao …) is not a mainland mobile.
  if (/^(\+|00)/.test(value)) return fail('phone', 'phone.not-mainland');
  if (!/^\d+$/.test(value)) return fail('phone', 'phone.bad-character');
  if (value.length < 11) return fail('phone', 'phone.too-short');
  if (value.length > 11) return fail('phone', 'phone.too-long');
  if (!/^1[3-9]/.test(value)) return fail('phone', 'phone.bad-prefix');
  return { ok: true, value };
}
